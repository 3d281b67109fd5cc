# Series and working-group pages (html/series.rs, html/groups.rs, the group cards).

## A series
series-across-zones = 查看各时区的时间
series-part-of = 隶属于{ $group }。
series-add-alone = 以下每个日期也可以单独添加。
series-next-dates = 后续日程
series-past-dates = 过往日程
series-no-past-dates = 过去一年没有日程。

## The working groups
groups-title = 工作组
groups-intro = 工作组向所有人开放。每张卡片都链接到该组的代码仓库、邮件列表和聊天频道，并显示其下次会议在{ $zone }的时间。
groups-none = 此社区暂无工作组。
groups-breadcrumb = 导航路径
groups-home = 首页
groups-no-meetings = 此工作组暂无已安排的会议。
groups-past = 过往会议
groups-no-past = 过去一年没有会议。

## A group's card
group-repository = 代码仓库
group-mailing-list = 邮件列表
group-chat = 聊天
group-calendar = 日历
group-meets = 会议时间
group-meetings = 会议
group-no-meetings = 暂无已安排的会议
group-next-meeting = 下次会议
