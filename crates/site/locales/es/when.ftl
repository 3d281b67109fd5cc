# when: dates and times around the CLDR formats of when.rs (relative times, cadences, zones).
when-moved-from = movida del { $when }
when-all-day = { $day }, todo el día
when-at = { $day }, { $start }
when-span = { $day }, { $start }–{ $end }
when-span-days = { $day }, { $start } – { $end_day }, { $end }
when-range = { $from } – { $to }
when-zone-label = { $zone } ({ $name }, { $offset })
when-zone-label-offset = { $zone } ({ $offset })
when-happening-now = En curso
when-starts-in-min = Empieza en { $minutes } min
when-starts-in-h = Empieza en { $hours } h
when-starts-in-h-min = Empieza en { $hours } h { $minutes } min
when-in-minutes = { $count ->
    [one] dentro de { $count } minuto
   *[other] dentro de { $count } minutos
  }
when-in-hours = { $count ->
    [one] dentro de { $count } hora
   *[other] dentro de { $count } horas
  }
when-in-days = { $count ->
    [one] dentro de { $count } día
   *[other] dentro de { $count } días
  }
when-ago-minutes = { $count ->
    [one] hace { $count } minuto
   *[other] hace { $count } minutos
  }
when-ago-hours = { $count ->
    [one] hace { $count } hora
   *[other] hace { $count } horas
  }
when-ago-days = { $count ->
    [one] hace { $count } día
   *[other] hace { $count } días
  }
when-daily = Todos los días
when-weekly = Cada { $days }
when-every-other-week = Cada dos semanas, el { $days }
when-every-n-weeks = Cada { $count } semanas, el { $days }
when-monthly-nth = Cada mes, el { $nth ->
    [-1] último
   *[other] { $nth }.º
  } { $weekday }
when-monthly-day = Cada mes, el día { $day }
when-shift-later = { $rule }, { $count ->
    [one] un día
   *[other] { $count } días
  } después en tu zona horaria
when-shift-earlier = { $rule }, { $count ->
    [one] un día
   *[other] { $count } días
  } antes en tu zona horaria
when-cadence = { $rule }, { $clock } { $zone }
when-cadence-anchor = { $clock } { $zone }
when-cadence-anchor-days = { $days } { $clock } { $zone }
when-list-pair = { $first } y { $last }
when-list-middle = { $first }, { $rest }
