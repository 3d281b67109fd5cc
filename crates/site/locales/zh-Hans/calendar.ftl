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
