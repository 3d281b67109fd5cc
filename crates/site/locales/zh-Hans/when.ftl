# when: dates and times around the CLDR formats of when.rs (relative times, cadences, zones).
when-moved-from = 原定于{ $when }
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
when-list-pair = { $first }和{ $last }
when-list-middle = { $first }、{ $rest }
