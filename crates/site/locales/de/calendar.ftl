# Der Kalender (html/calendar.rs, html/week.rs). Datums- und Zeitangaben schreibt when.rs.

## The page
cal-title = Kalender
cal-page-title = Kalender: { $period }
cal-views-label = Kalenderansichten
cal-view-agenda = Terminübersicht
cal-view-week = Woche
cal-view-month = Monat
cal-earlier = ← Früher
cal-later = Später →
cal-today = Heute
cal-times-in = Zeiten in { $zone }
cal-times-in-after-today = Zeiten in { $zone }
cal-week-of = Woche ab { $date }
cal-week-from = 7 Tage ab { $date }
cal-too-many = In diesem Zeitraum gibt es mehr als { $max } Treffen; nur die ersten { $max } werden angezeigt. Wählen Sie weniger Kalender oder Gruppen aus, um den Rest zu sehen.

## Filters
cal-filter-calendars = Kalender
cal-filter-groups = Arbeitsgruppen
cal-source-community = Treffen von { $community }
cal-filter-group-idle = (keine geplanten Treffen)
cal-filter-apply = Filtern
cal-filter-show-all = Alle anzeigen
cal-filter-hint = Ausgewählte Kalender und Gruppen werden zusammen angezeigt.
cal-filter-one-label = Einen Kalender oder eine Gruppe anzeigen
cal-filter-calendars-list = Kalender: { $links }
cal-filter-all = Alle
cal-filter-groups-list = Arbeitsgruppen: { $links }
cal-filter-one-hint = Diese Kopie der Website zeigt jeweils einen Kalender oder eine Gruppe.

## Empty periods
cal-empty = Keine Termine in diesem Zeitraum.
cal-empty-filtered = Keine Termine in diesem Zeitraum für die ausgewählten Kalender und Gruppen.
cal-group-idle = { $group } hat keine geplanten Treffen.

## Agenda and month
cal-all-day = Ganztägig
cal-more = +{ $count } weitere
cal-more-on = am { $date }

## Week
cal-week-scroll-cue = Seitwärts scrollen, um alle Tage der Woche zu sehen →
cal-week-grid-label = Woche, Stunde für Stunde
cal-week-clocks-change = Zeitumstellung: { $hours } Stunden
cal-week-day-empty = Keine Treffen.

## Errors in the address
cal-error-view = Es gibt keine Kalenderansicht namens { $value }: Verwenden Sie agenda, week oder month.
cal-error-date = { $value } ist kein Datum: Schreiben Sie es als JJJJ-MM-TT, z. B. 2026-12-03.
