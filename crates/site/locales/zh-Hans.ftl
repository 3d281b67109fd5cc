
## ---- site -------------------------------------------------------------------

## Navigation
nav-meetings = 会议
nav-calendar = 日历
nav-groups = 工作组
nav-planner = 时间规划

## The language picker
lang-picker-label = 语言
lang-picker-show = 显示
lang-picker-show-name = 用此语言显示页面

## The head and the shell
site-feed-title = { $name }日历
site-skip = 跳到正文
site-nav-label = 网站
site-footer-zone = 所有时间均以{ $zone }显示。
site-footer-subscribe = 订阅日历
site-footer-health = 订阅源状态
site-footer-served = 由Touchpoint提供。

## The zone picker
zone-picker-label = 时区
zone-picker-show = 显示
zone-picker-show-name = 按此时区显示时间
zone-shared = 以{ $zone }显示
zone-use-mine = 使用我的时区

## Occurrences in lists, shared by every page
cancelled = 已取消
extra-meeting = 加开会议
no-upcoming-dates = 暂无后续日程。
join = 加入
join-register = 注册后加入
join-later = 加入链接将在开始前{ $window }显示在此处
join-near-start = 加入链接将在每次会议开始前{ $window }显示在本网站上
join-contact = 联系人
join-contact-lower = 联系人
join-ask = 索取加入链接
join-unpublished = 加入链接未公开
duration-minutes = { $count }分钟
duration-hours = { $count }小时
link-agenda = 议程
link-notes = 会议记录
link-recordings = 录像
link-recording = 录像
link-of-date = （{ $date }）
ics-for-date = （{ $date }）

## An outside calendar's event in full
details = 详情
details-of = （{ $title }）
details-where = 地点：{ $place }
details-event-page = 活动页面
details-outside = 此视图中其他日历的活动

## Subscribe
subscribe = 订阅
google-calendar = Google 日历
subscribe-to = （{ $name }）
subscribe-webcal = Apple日历、Outlook桌面版、Thunderbird
subscribe-microsoft-365 = Microsoft 365（工作或学校帐户）
subscribe-other-app = 其他应用：订阅此地址
subscribe-copy = 复制
subscribe-copied = 已复制
subscribe-download = 下载一次性副本（.ics）
subscribe-download-note = 之后的更改不会显示
subscribe-no-address = 此服务器不知道自己的公开地址，因此无法提供订阅链接（需由运维人员设置{ $base_url }，如位于代理之后则设置{ $trust_forwarded }）。
subscribe-no-address-download = { $link }，内容不会更新。

## Error pages
error-back-home = 返回会议页面
error-bad-params-title = 无法显示此页面
not-found-title = 未找到页面
not-found-text = 此地址没有页面。
zone-error-title = 未知时区
zone-error-asked = 没有名为{ $zone }的时区。
zone-error-help = 请填写IANA时区名称（地区/城市），例如{ $first }、{ $second }、{ $third }或{ $last }。
zone-error-suggestions = 您是不是要找：
zone-error-back = { $link }（以{ $zone }显示）。
id-error-title = { $kind ->
    [source] 未知日历
    [group] 未知工作组
   *[series] 未知系列
}
id-error-asked = { $kind ->
    [source] 没有ID为{ $id }的日历（在{ $param }中）。
    [group] 没有ID为{ $id }的工作组（在{ $param }中）。
   *[series] 没有ID为{ $id }的系列（在{ $param }中）。
}
id-error-none = { $kind ->
    [source] 此社区没有可选的日历。
    [group] 此社区没有可选的工作组。
   *[series] 此社区没有可选的系列。
}
id-error-choose = 请从以下选项中选择：
id-error-back = { $link }。
id-error-back-link = 返回完整日历

## Feed health
health-title = 订阅源状态
health-intro = 本页关注的外部日历及其最近一次刷新的结果，截至{ $time }。
health-no-sources = 此社区未关注任何外部日历。
health-channels = 通知渠道
health-channels-intro = 提醒和变更通知的发送目标，以及最近的发送结果。
health-ok = 正常
health-stale = 失败：显示最后一份正常副本
health-error = 失败：尚无正常副本
health-pending = 尚未获取
health-channel-failing = 失败：消息将重试
health-feed = 订阅源
health-file = 文件{ $path }
health-last-success = 最近成功
health-last-attempt = 最近尝试
health-last-sent = 最近发送
health-never = 从未
health-next-try = 下次尝试
health-due-now = 即将进行
health-next-try-start = 刷新程序启动后立即进行
health-last-error = 最近错误
health-no-error = 无
health-waiting = 等待发送
health-contents = 内容

## How long ago, how soon (within a minute; the rest is when.rs)
ago-just-now = 刚刚
ago-soon = 不到1分钟后

## ---- home -------------------------------------------------------------------

# The home page (html/home.rs) and its "Next up" (html/next_up.rs).

## Sections
home-meetings = 会议
home-groups = 工作组
home-calendar = 日历
home-calendar-days = 未来{ $days }天的日程。
home-calendar-all = { $link }。
home-calendar-all-link = 所有日历视图
home-calendar-empty = 未来{ $days }天没有会议。
home-other = 其他相关日历
home-more-series = 另有{ $count }个系列：请查看{ $link }。
home-more-groups = 另有{ $count }个工作组：请查看{ $link }。
home-more-upcoming = 这{ $days }天内另有{ $count }个日程：请查看{ $link }。
home-more-calendar-link = 日历
home-more-groups-link = 所有工作组

## Descriptions
home-about-shared = 关于{ $titles }
home-about-meeting = 关于此会议
home-list-separator = 、
home-list-and = { $first }和{ $last }

## Outside calendars
home-source-stale = 正在显示最后一份正常副本：最近一次刷新失败。
home-source-error = 暂不可用：无法读取订阅源。
home-source-pending = 尚未获取。
home-source-in-calendar = 在日历中查看
home-source-original = 原始订阅源

## Next up
home-next-up = 即将开始
home-next-up-ended = 这些会议已结束。
home-next-up-reload = 重新加载以查看后续会议
home-add-to-calendar = 添加到日历：
home-countdown-now = 正在进行
home-countdown-ended = 已结束
home-countdown-minutes = { $minutes }分钟后
home-countdown-hours = { $hours }小时后
home-countdown-hours-minutes = { $hours }小时{ $minutes }分钟后
home-countdown-days = { $days }天后
home-countdown-day-hours = 1天{ $hours }小时后

## ---- calendar ---------------------------------------------------------------

# 日历（html/calendar.rs、html/week.rs）。日期和时间由when.rs格式化，不在此处。

## The page
cal-title = 日历
cal-page-title = 日历：{ $period }
cal-views-label = 日历视图
cal-view-agenda = 日程
cal-view-week = 周
cal-view-month = 月
cal-earlier = ← 较早
cal-later = 较晚 →
cal-today = 今天
cal-times-in = 时区：{ $zone }
cal-times-in-after-today = 时区：{ $zone }
cal-week-of = { $date }所在周
cal-week-from = 自{ $date }起7天
cal-too-many = 此时段的会议超过{ $max }个，仅显示前{ $max }个。请少选一些日历或工作组以查看其余会议。

## Filters
cal-filter-calendars = 日历
cal-filter-groups = 工作组
cal-source-community = { $community }会议
cal-filter-group-idle = （暂无安排的会议）
cal-filter-apply = 筛选
cal-filter-show-all = 全部显示
cal-filter-hint = 已勾选的日历和工作组会一起显示。
cal-filter-one-label = 只显示一个日历或工作组
cal-filter-calendars-list = 日历：{ $links }
cal-filter-all = 全部
cal-filter-groups-list = 工作组：{ $links }
cal-filter-one-hint = 本站的静态副本一次只显示一个日历或工作组。

## Empty periods
cal-empty = 此时段没有会议。
cal-empty-filtered = 所勾选的日历和工作组在此时段没有会议。
cal-group-idle = { $group }暂无安排的会议。

## Agenda and month
cal-all-day = 全天
cal-more = 还有{ $count }个
cal-more-on = （{ $date }）

## Week
cal-week-scroll-cue = 左右滑动可查看本周每一天 →
cal-week-grid-label = 周视图（按小时）
cal-week-clocks-change = 时钟调整：当天{ $hours }小时
cal-week-day-empty = 没有会议。

## Errors in the address
cal-error-view = 没有名为{ $value }的日历视图，请使用agenda、week或month。
cal-error-date = { $value }不是日期，请写成YYYY-MM-DD格式，例如2026-12-03。

## ---- planner ----------------------------------------------------------------

# 时间规划（html/planner/）。

## The page
planner-title = 时间规划
planner-intro = 按小时同时查看一场会议在多个城市的当地时间。工作时间（当地时间周一至周五9:00–18:00）以底色标出，系统会建议适合最多城市的开始时间，并列出夏令时调整使部分城市会议时间变化的未来几周。
planner-credit = 城市名称和时区：{ $geonames }（CC BY 4.0）。

## The meeting form
planner-meeting = 会议
planner-any-time = 任意日期和时间（在下方填写）
planner-date-time = 日期和时间
planner-zone = 时区
planner-show = 显示
planner-meeting-at = { $date } { $time }（{ $zone }）
planner-unknown-cities = 已忽略无法识别的城市：{ $cities }。请在下方按名称添加，或填写时区，例如Europe/Berlin。

## Local times
planner-gap-headline = { $date }在{ $zone }不存在{ $time }
planner-gap = { $headline }：时钟在此从{ $before }跳到{ $after }。会议届时改在{ $actual }（按跳过的时间顺延）。
planner-fold-headline = { $date }在{ $zone }会出现两次{ $time }
planner-fold = { $headline }：第一次为{ $before }，时钟回拨后第二次为{ $after }。本计划采用第一次。

## The plan
planner-next = 下次：{ $when }（{ $zone }）。
planner-next-elsewhere = 下次：{ $when }（{ $zone }）· 会议所在时区{ $meeting_zone }为{ $time }。
planner-day-times = { $day } { $from }–{ $to }
planner-share = { $link }（所有设置都包含在网址中）。
planner-share-link = 此计划的链接
planner-scroll-hint = 左右滑动表格可查看更多时段 →
planner-caption = 每列显示各城市的当地时间；各列为{ $zone }的时间，点击列标题中的链接可选择该时间。
planner-hour-in = { $zone }时间
planner-pick-hour = 选择{ $date }的时间：
planner-remove = 移除{ $city }
planner-fit-work = 工作时间内
planner-fit-edge = 工作时间外
planner-fit-night = 夜间
planner-hours = { $hours }小时
planner-minutes = { $minutes }分钟
planner-hours-minutes = { $hours }小时{ $minutes }分钟
planner-change-forward = { $date } { $time }时钟拨快{ $amount }（{ $before }→{ $after }）
planner-change-back = { $date } { $time }时钟拨慢{ $amount }（{ $before }→{ $after }）
planner-key-work = 工作时间（当地时间周一至周五9:00–18:00）
planner-key-pick = 会议时间
planner-key-best = 建议时间
planner-static = 本站的这一副本是静态的：只显示默认计划。添加城市和选择时间需要在线运行的站点（{ $command }）。

## Best start times
planner-best-label = 最佳开始时间
planner-best = { $label }（{ $cities }个城市中有{ $count }个处于工作时间，{ $zone }时间）：{ $times }。
planner-times-separator = 、
planner-best-none = 在这24小时内，没有任何开始时间能让这些城市中的任何一个处于工作时间。

## Clock changes
planner-changes = 即将到来的时钟调整
planner-changes-none = 未来12个月内，上述所有城市的会议当地时间都不会变化。
planner-changes-intro = 在以下日期，夏令时调整会使部分城市的会议时间发生变化（与下次会议相比）：
planner-clocks-disagree = 时差变化
planner-date-range = { $from }至{ $to }
planner-shift = { $dates }（{ $count }次会议）{ $badge }：{ $moves }
planner-moves-separator = ；
planner-moved = { $city }为{ $then }，而非{ $usual }

## Adding a city
planner-add-label = 添加城市
planner-add-placeholder = Tokyo、São Paulo、Bangalore…
planner-add = 添加
planner-added = 已添加{ $city }（{ $zone }）。
planner-several = 有多个地点与{ $query }匹配，请添加其中一个：
planner-not-found = 找不到名为{ $query }的城市或时区。请尝试城市的英文名称，或America/Sao_Paulo之类的时区。

## Errors
planner-error-at = { $value }不是日期和时间，请写成YYYY-MM-DDTHH:MM格式，例如2027-03-16T17:00。
planner-error-series = 没有名为{ $series }的系列。
planner-error-no-dates = { $series }没有即将举行的会议。
planner-error-zone = 没有名为{ $zone }的时区。

## ---- series -----------------------------------------------------------------

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

## ---- when -------------------------------------------------------------------

# when: dates and times around the CLDR formats of when.rs (relative times, cadences, zones).
when-moved-from = 原定于{ $when }
when-clocks-earlier = 比上次早{ $duration }（时钟调整）
when-clocks-later = 比上次晚{ $duration }（时钟调整）
when-clocks-earlier-in = 比上次早{ $duration }（{ $place }于{ $day }调整时钟）
when-clocks-later-in = 比上次晚{ $duration }（{ $place }于{ $day }调整时钟）
when-all-day = { $day } 全天
when-at = { $day } { $start }
when-span = { $day } { $start }–{ $end }
when-span-days = { $day } { $start } – { $end_day } { $end }
when-range = { $from } – { $to }
when-zone-label = { $zone }（{ $name }，{ $offset }）
when-zone-label-offset = { $zone }（{ $offset }）
when-happening-now = 正在进行
when-starts-in-min = { $minutes }分钟后开始
when-starts-in-h = { $hours }小时后开始
when-starts-in-h-min = { $hours }小时{ $minutes }分钟后开始
when-in-minutes = { $count }分钟后
when-in-hours = { $count }小时后
when-in-days = { $count }天后
when-ago-minutes = { $count }分钟前
when-ago-hours = { $count }小时前
when-ago-days = { $count }天前
when-daily = 每天
when-weekly = 每{ $days }
when-every-other-week = 每隔一周的{ $days }
when-every-n-weeks = 每{ $count }周的{ $days }
when-monthly-nth = 每月{ $nth ->
    [-1] 最后一个
   *[other] 第{ $nth }个
  }{ $weekday }
when-monthly-day = 每月{ $day }日
when-shift-later = { $rule }（在您的时区晚{ $count }天）
when-shift-earlier = { $rule }（在您的时区早{ $count }天）
when-cadence = { $rule } { $clock } { $zone }
when-cadence-anchor = { $clock } { $zone }
when-cadence-anchor-days = { $days } { $clock } { $zone }
when-cadence-with-anchor = { $local }（{ $anchor }）
when-repeat-every = { $unit ->
    [second] { $count ->
        [1] 每秒
       *[other] 每{ $count }秒
    }
    [minute] { $count ->
        [1] 每分钟
       *[other] 每{ $count }分钟
    }
    [hour] { $count ->
        [1] 每小时
       *[other] 每{ $count }小时
    }
    [day] { $count ->
        [1] 每天
       *[other] 每{ $count }天
    }
    [week] { $count ->
        [1] 每周
       *[other] 每{ $count }周
    }
    [month] { $count ->
        [1] 每月
       *[other] 每{ $count }个月
    }
   *[year] { $count ->
        [1] 每年
       *[other] 每{ $count }年
    }
}
when-list-pair = { $first }和{ $last }
when-list-middle = { $first }、{ $rest }

## ---- embed ------------------------------------------------------------------


embed-title = 即将举行的会议 — { $community }
embed-empty = 暂无即将举行的会议。
embed-cancelled = 已取消
embed-times-in = 时间以{ $zone }显示。
embed-all-meetings = 所有会议
embed-subscribe = 订阅
embed-failed = 无法加载会议（{ $error }）。

## ---- hub --------------------------------------------------------------------


hub-communities = 社区
hub-summary = { $count } 个社区 · { $link }
hub-every-meeting = 在一个日历中查看所有会议
hub-next = 即将举行的会议
hub-no-upcoming = 暂无即将举行的会议。
hub-feed = 订阅源
hub-unavailable = 不可用：其社区文件有错误（请参阅 { $command }）。
hub-footer-subscribe = 订阅所有社区
hub-period-every = 所有社区未来四周的会议。
hub-period-chosen = 所选社区未来四周的会议。
hub-nothing = 此期间没有会议。
hub-today = 今天
hub-only-first = 仅显示前 { $count } 场会议：选择社区以查看其余会议。
hub-subscribe-these = 订阅这些社区（iCalendar）
hub-groups-of = { $name } 的工作组
hub-show = 显示
hub-every-community = 所有社区
hub-not-found-title = 未找到
hub-not-found = 此地址没有社区或页面。
hub-broken = 此社区的文件有错误，因此未提供服务；`touchpoint check` 会列出这些错误。
hub-nothing-to-show = 没有可显示的内容
hub-no-such-community = 没有名为“{ $id }”的社区。现有社区：{ $known }
hub-no-such-id = 没有社区包含名为“{ $id }”的日历、系列或小组。
hub-no-such-id-among = 所选社区（{ $communities }）都没有名为“{ $id }”的日历、系列或小组。
