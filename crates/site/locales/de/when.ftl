# when: dates and times around the CLDR formats of when.rs (relative times, cadences, zones).
when-moved-from = verschoben von { $when }
when-all-day = { $day }, ganztägig
when-at = { $day }, { $start }
when-span = { $day }, { $start }–{ $end }
when-span-days = { $day }, { $start } – { $end_day }, { $end }
when-range = { $from } – { $to }
when-zone-label = { $zone } ({ $name }, { $offset })
when-zone-label-offset = { $zone } ({ $offset })
when-happening-now = Läuft gerade
when-starts-in-min = Beginnt in { $minutes } Min.
when-starts-in-h = Beginnt in { $hours } Std.
when-starts-in-h-min = Beginnt in { $hours } Std. { $minutes } Min.
when-in-minutes = { $count ->
    [one] in { $count } Minute
   *[other] in { $count } Minuten
  }
when-in-hours = { $count ->
    [one] in { $count } Stunde
   *[other] in { $count } Stunden
  }
when-in-days = { $count ->
    [one] in { $count } Tag
   *[other] in { $count } Tagen
  }
when-ago-minutes = { $count ->
    [one] vor { $count } Minute
   *[other] vor { $count } Minuten
  }
when-ago-hours = { $count ->
    [one] vor { $count } Stunde
   *[other] vor { $count } Stunden
  }
when-ago-days = { $count ->
    [one] vor { $count } Tag
   *[other] vor { $count } Tagen
  }
when-daily = Täglich
when-weekly = Jeden { $days }
when-every-other-week = Jeden zweiten { $days }
when-every-n-weeks = Alle { $count } Wochen am { $days }
when-monthly-nth = Monatlich, { $nth ->
    [-1] letzter
   *[other] { $nth }.
  } { $weekday }
when-monthly-day = Monatlich, am { $day }.
when-shift-later = { $rule }, in Ihrer Zeitzone { $count ->
    [one] einen Tag
   *[other] { $count } Tage
  } später
when-shift-earlier = { $rule }, in Ihrer Zeitzone { $count ->
    [one] einen Tag
   *[other] { $count } Tage
  } früher
when-cadence = { $rule }, { $clock } { $zone }
when-cadence-anchor = { $clock } { $zone }
when-cadence-anchor-days = { $days } { $clock } { $zone }
when-list-pair = { $first } und { $last }
when-list-middle = { $first }, { $rest }
