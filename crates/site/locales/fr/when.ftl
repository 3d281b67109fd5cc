# when: dates and times around the CLDR formats of when.rs (relative times, cadences, zones).
when-moved-from = déplacé du { $when }
when-all-day = { $day }, toute la journée
when-at = { $day }, { $start }
when-span = { $day }, { $start }–{ $end }
when-span-days = { $day }, { $start } – { $end_day }, { $end }
when-range = { $from } – { $to }
when-zone-label = { $zone } ({ $name }, { $offset })
when-zone-label-offset = { $zone } ({ $offset })
when-happening-now = En cours
when-starts-in-min = Commence dans { $minutes } min
when-starts-in-h = Commence dans { $hours } h
when-starts-in-h-min = Commence dans { $hours } h { $minutes } min
when-in-minutes = { $count ->
    [one] dans { $count } minute
   *[other] dans { $count } minutes
  }
when-in-hours = { $count ->
    [one] dans { $count } heure
   *[other] dans { $count } heures
  }
when-in-days = { $count ->
    [one] dans { $count } jour
   *[other] dans { $count } jours
  }
when-ago-minutes = { $count ->
    [one] il y a { $count } minute
   *[other] il y a { $count } minutes
  }
when-ago-hours = { $count ->
    [one] il y a { $count } heure
   *[other] il y a { $count } heures
  }
when-ago-days = { $count ->
    [one] il y a { $count } jour
   *[other] il y a { $count } jours
  }
when-daily = Tous les jours
when-weekly = Chaque { $days }
when-every-other-week = Un { $days } sur deux
when-every-n-weeks = Toutes les { $count } semaines le { $days }
when-monthly-nth = Tous les mois, le { $nth ->
    [-1] dernier
    [1] 1er
   *[other] { $nth }e
  } { $weekday }
when-monthly-day = Tous les mois, le { $day }
when-shift-later = { $rule }, { $count ->
    [one] un jour
   *[other] { $count } jours
  } plus tard dans votre fuseau
when-shift-earlier = { $rule }, { $count ->
    [one] un jour
   *[other] { $count } jours
  } plus tôt dans votre fuseau
when-cadence = { $rule }, { $clock } { $zone }
when-cadence-anchor = { $clock } { $zone }
when-cadence-anchor-days = { $days } { $clock } { $zone }
when-list-pair = { $first } et { $last }
when-list-middle = { $first }, { $rest }
