## Navigation
nav-meetings = 会议
nav-calendar = 日历
nav-groups = 工作组
nav-planner = 时间规划

## The language picker
lang-picker-label = 语言
lang-picker-show = 显示

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
zone-shared = 以{ $zone }显示
zone-use-mine = 使用我的时区

## Occurrences in lists, shared by every page
cancelled = 已取消
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
