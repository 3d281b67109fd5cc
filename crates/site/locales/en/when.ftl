# when: dates and times around the CLDR formats of when.rs (relative times, cadences, zones).
when-moved-from = moved from { $when }
when-all-day = { $day }, all day
when-at = { $day }, { $start }
when-span = { $day }, { $start }–{ $end }
when-span-days = { $day }, { $start } – { $end_day }, { $end }
when-range = { $from } – { $to }
when-zone-label = { $zone } ({ $name }, { $offset })
when-zone-label-offset = { $zone } ({ $offset })
when-happening-now = Happening now
when-starts-in-min = Starts in { $minutes } min
when-starts-in-h = Starts in { $hours } h
when-starts-in-h-min = Starts in { $hours } h { $minutes } min
when-in-minutes = { $count ->
    [one] in { $count } minute
   *[other] in { $count } minutes
  }
when-in-hours = { $count ->
    [one] in { $count } hour
   *[other] in { $count } hours
  }
when-in-days = { $count ->
    [one] in { $count } day
   *[other] in { $count } days
  }
when-ago-minutes = { $count ->
    [one] { $count } minute ago
   *[other] { $count } minutes ago
  }
when-ago-hours = { $count ->
    [one] { $count } hour ago
   *[other] { $count } hours ago
  }
when-ago-days = { $count ->
    [one] { $count } day ago
   *[other] { $count } days ago
  }
when-daily = Daily
when-weekly = Every { $days }
when-every-other-week = Every other { $days }
when-every-n-weeks = Every { $count } weeks on { $days }
when-monthly-nth = Monthly, { $nth ->
    [-1] last
    [1] 1st
    [2] 2nd
    [3] 3rd
   *[other] { $nth }th
  } { $weekday }
when-monthly-day = Monthly, day { $day }
when-shift-later = { $rule }, { $count ->
    [one] a day
   *[other] { $count } days
  } later in your zone
when-shift-earlier = { $rule }, { $count ->
    [one] a day
   *[other] { $count } days
  } earlier in your zone
when-cadence = { $rule }, { $clock } { $zone }
when-cadence-anchor = { $clock } { $zone }
when-cadence-anchor-days = { $days } { $clock } { $zone }
when-list-pair = { $first } and { $last }
when-list-middle = { $first }, { $rest }
