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
