# O calendário (html/calendar.rs, html/week.rs). Datas e horários são escritos por when.rs.

## The page
cal-title = Calendário
cal-page-title = Calendário: { $period }
cal-views-label = Visualizações do calendário
cal-view-agenda = Agenda
cal-view-week = Semana
cal-view-month = Mês
cal-earlier = ← Anterior
cal-later = Próximo →
cal-today = Hoje
cal-times-in = Horários em { $zone }
cal-times-in-after-today = horários em { $zone }
cal-week-of = Semana de { $date }
cal-week-from = 7 dias a partir de { $date }
cal-too-many = Este período tem mais de { $max } reuniões: só as primeiras { $max } são mostradas. Escolha menos calendários ou grupos para ver o restante.

## Filters
cal-filter-calendars = Calendários
cal-filter-groups = Grupos de trabalho
cal-source-community = Reuniões de { $community }
cal-filter-group-idle = (nenhuma reunião agendada)
cal-filter-apply = Filtrar
cal-filter-show-all = Mostrar tudo
cal-filter-hint = Os calendários e grupos marcados são mostrados juntos.
cal-filter-one-label = Mostrar um calendário ou grupo
cal-filter-calendars-list = Calendários: { $links }
cal-filter-all = Todos
cal-filter-groups-list = Grupos de trabalho: { $links }
cal-filter-one-hint = Esta cópia do site mostra um calendário ou grupo por vez.

## Empty periods
cal-empty = Nada neste período.
cal-empty-filtered = Nada neste período para os calendários e grupos marcados.
cal-group-idle = { $group } não tem reuniões agendadas.

## Agenda and month
cal-all-day = Dia inteiro
cal-more = +{ $count } mais
cal-more-on = em { $date }

## Week
cal-week-scroll-cue = Role para o lado para ver todos os dias da semana →
cal-week-grid-label = Semana, hora a hora
cal-week-clocks-change = Mudança de horário: dia de { $hours } horas
cal-week-day-empty = Nenhuma reunião.

## Errors in the address
cal-error-view = Não existe uma visualização de calendário chamada { $value }: use agenda, week ou month.
cal-error-date = { $value } não é uma data: escreva no formato AAAA-MM-DD, por exemplo 2026-12-03.
