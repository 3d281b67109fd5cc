# when: dates and times around the CLDR formats of when.rs (relative times, cadences, zones).
when-moved-from = { $when }から変更
when-all-day = { $day } 終日
when-at = { $day } { $start }
when-span = { $day } { $start }～{ $end }
when-span-days = { $day } { $start }～{ $end_day } { $end }
when-range = { $from }～{ $to }
when-zone-label = { $zone }（{ $name }、{ $offset }）
when-zone-label-offset = { $zone }（{ $offset }）
when-happening-now = 開催中
when-starts-in-min = あと{ $minutes }分で開始
when-starts-in-h = あと{ $hours }時間で開始
when-starts-in-h-min = あと{ $hours }時間{ $minutes }分で開始
when-in-minutes = { $count } 分後
when-in-hours = { $count } 時間後
when-in-days = { $count } 日後
when-ago-minutes = { $count } 分前
when-ago-hours = { $count } 時間前
when-ago-days = { $count } 日前
when-daily = 毎日
when-weekly = 毎週{ $days }
when-every-other-week = 隔週{ $days }
when-every-n-weeks = { $count }週間ごとの{ $days }
when-monthly-nth = 毎月{ $nth ->
    [-1] 最終
   *[other] 第{ $nth }
  }{ $weekday }
when-monthly-day = 毎月{ $day }日
when-shift-later = { $rule }（あなたのタイムゾーンでは{ $count }日後）
when-shift-earlier = { $rule }（あなたのタイムゾーンでは{ $count }日前）
when-cadence = { $rule } { $clock } { $zone }
when-cadence-anchor = { $clock } { $zone }
when-cadence-anchor-days = { $days } { $clock } { $zone }
when-list-pair = { $first }と{ $last }
when-list-middle = { $first }、{ $rest }
