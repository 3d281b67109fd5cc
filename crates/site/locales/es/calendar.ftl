# El calendario (html/calendar.rs, html/week.rs). Las fechas y horas las escribe when.rs.

## The page
cal-title = Calendario
cal-page-title = Calendario: { $period }
cal-views-label = Vistas del calendario
cal-view-agenda = Agenda
cal-view-week = Semana
cal-view-month = Mes
cal-earlier = ← Anterior
cal-later = Siguiente →
cal-today = Hoy
cal-times-in = Horas en { $zone }
cal-times-in-after-today = horas en { $zone }
cal-week-of = Semana del { $date }
cal-week-from = 7 días desde el { $date }
cal-too-many = Este periodo tiene más de { $max } reuniones: solo se muestran las primeras { $max }. Elige menos calendarios o grupos para ver el resto.

## Filters
cal-filter-calendars = Calendarios
cal-filter-groups = Grupos de trabajo
cal-source-community = Reuniones de { $community }
cal-filter-group-idle = (sin reuniones programadas)
cal-filter-apply = Filtrar
cal-filter-show-all = Mostrar todo
cal-filter-hint = Los calendarios y grupos marcados se muestran juntos.
cal-filter-one-label = Mostrar un calendario o grupo
cal-filter-calendars-list = Calendarios: { $links }
cal-filter-all = Todos
cal-filter-groups-list = Grupos de trabajo: { $links }
cal-filter-one-hint = Esta copia del sitio muestra un calendario o grupo a la vez.

## Empty periods
cal-empty = No hay nada en este periodo.
cal-empty-filtered = No hay nada en este periodo para los calendarios y grupos marcados.
cal-group-idle = { $group } no tiene reuniones programadas.

## Agenda and month
cal-all-day = Todo el día
cal-more = +{ $count } más
cal-more-on = el { $date }

## Week
cal-week-scroll-cue = Desplázate hacia los lados para ver todos los días de la semana →
cal-week-grid-label = Semana, hora por hora
cal-week-clocks-change = Cambio de hora: día de { $hours } horas
cal-week-day-empty = No hay reuniones.

## Errors in the address
cal-error-view = No existe ninguna vista de calendario llamada { $value }: usa agenda, week o month.
cal-error-date = { $value } no es una fecha: escríbela como AAAA-MM-DD, por ejemplo 2026-12-03.
