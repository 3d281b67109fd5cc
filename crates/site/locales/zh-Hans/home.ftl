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
