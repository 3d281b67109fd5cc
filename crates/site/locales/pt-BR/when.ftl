# when: dates and times around the CLDR formats of when.rs (relative times, cadences, zones).
when-moved-from = transferida de { $when }
when-all-day = { $day }, o dia todo
when-at = { $day }, { $start }
when-span = { $day }, { $start }–{ $end }
when-span-days = { $day }, { $start } – { $end_day }, { $end }
when-range = { $from } – { $to }
when-zone-label = { $zone } ({ $name }, { $offset })
when-zone-label-offset = { $zone } ({ $offset })
when-happening-now = Acontecendo agora
when-starts-in-min = Começa em { $minutes } min
when-starts-in-h = Começa em { $hours } h
when-starts-in-h-min = Começa em { $hours } h { $minutes } min
when-in-minutes = { $count ->
    [one] em { $count } minuto
   *[other] em { $count } minutos
  }
when-in-hours = { $count ->
    [one] em { $count } hora
   *[other] em { $count } horas
  }
when-in-days = { $count ->
    [one] em { $count } dia
   *[other] em { $count } dias
  }
when-ago-minutes = { $count ->
    [one] há { $count } minuto
   *[other] há { $count } minutos
  }
when-ago-hours = { $count ->
    [one] há { $count } hora
   *[other] há { $count } horas
  }
when-ago-days = { $count ->
    [one] há { $count } dia
   *[other] há { $count } dias
  }
when-daily = Todos os dias
when-weekly = Toda { $days }
when-every-other-week = A cada duas semanas, { $days }
when-every-n-weeks = A cada { $count } semanas, { $days }
when-monthly-nth = Todo mês, { $nth ->
    [-1] último(a)
   *[other] { $nth }ª
  } { $weekday }
when-monthly-day = Todo mês, dia { $day }
when-shift-later = { $rule }, { $count ->
    [one] um dia
   *[other] { $count } dias
  } depois no seu fuso horário
when-shift-earlier = { $rule }, { $count ->
    [one] um dia
   *[other] { $count } dias
  } antes no seu fuso horário
when-cadence = { $rule }, { $clock } { $zone }
when-cadence-anchor = { $clock } { $zone }
when-cadence-anchor-days = { $days } { $clock } { $zone }
when-list-pair = { $first } e { $last }
when-list-middle = { $first }, { $rest }
