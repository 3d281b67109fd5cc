# The home page (html/home.rs) and its "Next up" (html/next_up.rs).

## Sections
home-meetings = Reuniões
home-groups = Grupos de trabalho
home-calendar = Agenda
home-calendar-days = Os próximos { $days } dias.
home-calendar-all = { $link }.
home-calendar-all-link = Todas as visualizações da agenda
home-calendar-empty = Nenhuma reunião nos próximos { $days } dias.
home-other = Outras agendas de interesse
home-more-series = { $count ->
    [one] E mais { $count } série: veja { $link }.
   *[other] E mais { $count } séries: veja { $link }.
}
home-more-groups = { $count ->
    [one] E mais { $count } grupo: veja { $link }.
   *[other] E mais { $count } grupos: veja { $link }.
}
home-more-upcoming = E mais { $count } nestes { $days } dias: veja { $link }.
home-more-calendar-link = a agenda
home-more-groups-link = todos os grupos de trabalho

## Descriptions
home-about-shared = Sobre { $titles }
home-about-meeting = Sobre esta reunião
home-list-separator = {", "}
home-list-and = { $first } e { $last }

## Outside calendars
home-source-stale = Mostrando a última cópia válida: a atualização mais recente falhou.
home-source-error = Ainda indisponível: não foi possível ler o feed.
home-source-pending = Ainda não buscado.
home-source-in-calendar = Na agenda
home-source-original = Feed original

## Next up
home-next-up = A seguir
home-next-up-ended = Estas reuniões terminaram.
home-next-up-reload = Recarregar para ver as próximas
home-add-to-calendar = Adicionar à agenda:
home-countdown-now = acontecendo agora
home-countdown-ended = encerrada
home-countdown-minutes = em { $minutes } min
home-countdown-hours = em { $hours } h
home-countdown-hours-minutes = em { $hours } h { $minutes } min
home-countdown-days = { $days ->
    [one] em { $days } dia
   *[other] em { $days } dias
}
home-countdown-day-hours = em 1 dia { $hours } h
