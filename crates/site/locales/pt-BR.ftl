
## ---- site -------------------------------------------------------------------

## Navigation
nav-meetings = Reuniões
nav-calendar = Calendário
nav-groups = Grupos de trabalho
nav-planner = Planejador de horários

## The language picker
lang-picker-label = Idioma
lang-picker-show = Mostrar
lang-picker-show-name = Mostrar a página neste idioma

## The head and the shell
site-feed-title = Agenda de { $name }
site-skip = Pular para o conteúdo
site-nav-label = Site
site-footer-zone = Os horários são mostrados em { $zone }.
site-footer-subscribe = Assinar a agenda
site-footer-health = Status dos feeds
site-footer-served = Feito com Touchpoint.

## The zone picker
zone-picker-label = Fuso horário
zone-picker-show = Mostrar
zone-picker-show-name = Mostrar os horários neste fuso horário
zone-shared = Mostrado em { $zone }
zone-use-mine = usar meu fuso horário

## Occurrences in lists, shared by every page
cancelled = Cancelada
extra-meeting = Reunião extra
no-upcoming-dates = Nenhuma data próxima.
join = Participar
join-register = Inscrever-se para participar
join-later = O link para participar aparece aqui { $window } antes do início
join-near-start = O link para participar aparece neste site { $window } antes de cada reunião
join-contact = Contato
join-contact-lower = contato
join-ask = Pedir o link para participar
join-unpublished = Link para participar não publicado
duration-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}
duration-hours = { $count ->
    [one] { $count } hora
   *[other] { $count } horas
}
link-agenda = Pauta
link-notes = Notas
link-recordings = Gravações
link-recording = Gravação
link-of-date = de { $date }
ics-for-date = de { $date }

## An outside calendar's event in full
details = Detalhes
details-of = de { $title }
details-where = Local: { $place }
details-event-page = Página do evento
details-outside = Eventos de outras agendas nesta visualização

## Subscribe
subscribe = Assinar
google-calendar = Google Agenda
subscribe-to = { $name }
subscribe-webcal = Calendário da Apple, Outlook para desktop, Thunderbird
subscribe-microsoft-365 = Microsoft 365 (trabalho ou escola)
subscribe-other-app = Qualquer outro app: assine este endereço
subscribe-copy = Copiar
subscribe-copied = Copiado
subscribe-download = Baixar uma cópia única (.ics)
subscribe-download-note = ela não mostrará alterações posteriores
subscribe-no-address = Este servidor não conhece seu endereço público, por isso não pode oferecer um link de assinatura (o operador define { $base_url }, ou { $trust_forwarded } atrás de um proxy).
subscribe-no-address-download = { $link }, que não será atualizada.

## Error pages
error-back-home = Voltar à página de reuniões
error-bad-params-title = Não é possível mostrar esta página
not-found-title = Não encontrada
not-found-text = Não há nenhuma página neste endereço.
zone-error-title = Fuso horário desconhecido
zone-error-asked = Não existe nenhum fuso horário chamado { $zone }.
zone-error-help = Digite um nome de fuso horário IANA, no formato Área/Cidade, como { $first }, { $second }, { $third } ou { $last }.
zone-error-suggestions = Você quis dizer:
zone-error-back = { $link } (mostrada em { $zone }).
id-error-title = { $kind ->
    [source] Agenda desconhecida
    [group] Grupo de trabalho desconhecido
   *[series] Série desconhecida
}
id-error-asked = { $kind ->
    [source] Não há nenhuma agenda com o id { $id } (em { $param }).
    [group] Não há nenhum grupo de trabalho com o id { $id } (em { $param }).
   *[series] Não há nenhuma série com o id { $id } (em { $param }).
}
id-error-none = { $kind ->
    [source] Esta comunidade não tem nenhuma agenda para escolher.
    [group] Esta comunidade não tem nenhum grupo de trabalho para escolher.
   *[series] Esta comunidade não tem nenhuma série para escolher.
}
id-error-choose = Escolha uma destas opções:
id-error-back = { $link }.
id-error-back-link = Voltar à agenda completa

## Feed health
health-title = Status dos feeds
health-intro = Agendas externas que esta página acompanha e como foi a última atualização delas, em { $time }.
health-no-sources = Esta comunidade não acompanha nenhuma agenda externa.
health-channels = Canais de avisos
health-channels-intro = Para onde vão os lembretes e avisos de alteração, e como foram os últimos envios.
health-ok = OK
health-stale = Com falha: a última cópia válida é mostrada
health-error = Com falha: ainda não há cópia válida
health-pending = Ainda não buscado
health-channel-failing = Com falha: as mensagens serão reenviadas
health-feed = Feed
health-file = Arquivo { $path }
health-last-success = Último sucesso
health-last-attempt = Última tentativa
health-last-sent = Último envio
health-never = nunca
health-next-try = Próxima tentativa
health-due-now = agora
health-next-try-start = assim que a atualização começar
health-last-error = Último erro
health-no-error = nenhum
health-waiting = Aguardando
health-contents = Conteúdo

## How long ago, how soon (within a minute; the rest is when.rs)
ago-just-now = agora mesmo
ago-soon = em menos de um minuto

## ---- home -------------------------------------------------------------------

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

## ---- calendar ---------------------------------------------------------------

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

## ---- planner ----------------------------------------------------------------

# O planejador de horários (html/planner/).

## The page
planner-title = Planejador de horários
planner-intro = Veja uma reunião em várias cidades ao mesmo tempo, hora a hora. O horário comercial (das 09:00 às 18:00 no horário local, de segunda a sexta) aparece sombreado, os horários de início que atendem mais cidades são sugeridos e as próximas semanas em que mudanças de horário de verão alteram a reunião para algumas cidades são listadas.
planner-credit = Nomes de cidades e fusos: { $geonames } (CC BY 4.0).

## The meeting form
planner-meeting = Reunião
planner-any-time = Qualquer data e hora (abaixo)
planner-date-time = Data e hora
planner-zone = Fuso horário
planner-show = Mostrar
planner-meeting-at = { $date }, { $time } ({ $zone })
planner-unknown-cities = Cidades desconhecidas deixadas de fora: { $cities }. Adicione-as pelo nome abaixo ou escreva fusos como Europe/Berlin.

## Local times
planner-gap-headline = { $time } não existe em { $zone } em { $date }
planner-gap = { $headline }: os relógios pulam de { $before } para { $after } nesse momento. A reunião passa então para { $actual } (deslocada pelo salto).
planner-fold-headline = { $time } acontece duas vezes em { $zone } em { $date }
planner-fold = { $headline }: primeiro em { $before }, depois em { $after }, quando os relógios são atrasados. O plano usa a primeira.

## The plan
planner-next = Próxima reunião: { $when } em { $zone }.
planner-next-elsewhere = Próxima reunião: { $when } em { $zone } · { $time } { $meeting_zone } (o fuso da reunião).
planner-day-times = { $day }, { $from }–{ $to }
planner-share = { $link } (tudo está no endereço).
planner-share-link = Link para este plano
planner-scroll-hint = Role a tabela para o lado para ver mais horas →
planner-caption = A hora local de cada cidade em cada coluna; as colunas são horas em { $zone }, e um link no cabeçalho de cada coluna escolhe essa hora.
planner-hour-in = Hora em { $zone }
planner-pick-hour = Escolher { $date }, hora
planner-remove = Remover { $city }
planner-fit-work = Horário comercial
planner-fit-edge = Fora do horário comercial
planner-fit-night = Noite
planner-hours = { $hours } h
planner-minutes = { $minutes } min
planner-hours-minutes = { $hours } h { $minutes } min
planner-change-forward = Os relógios adiantam { $amount } em { $date } às { $time } ({ $before } → { $after })
planner-change-back = Os relógios atrasam { $amount } em { $date } às { $time } ({ $before } → { $after })
planner-key-work = horário comercial (09:00–18:00 no horário local, de segunda a sexta)
planner-key-pick = a hora da reunião
planner-key-best = uma hora sugerida
planner-static = Esta cópia do site é estática: mostra o plano padrão. Adicionar cidades e escolher horas exige o site em execução ({ $command }).

## Best start times
planner-best-label = Melhores horários de início
planner-best = { $label } ({ $count } de { $cities } cidades em horário comercial), em { $zone }: { $times }.
planner-times-separator = {", "}
planner-best-none = Nenhum horário de início nestas 24 horas coloca alguma destas cidades em horário comercial.

## Clock changes
planner-changes = Próximas mudanças de horário
planner-changes-none = Nos próximos 12 meses, a reunião fica no mesmo horário local em todas as cidades acima.
planner-changes-intro = Mudanças de horário de verão alteram a reunião para algumas cidades nestas datas (em comparação com a próxima reunião):
planner-clocks-disagree = Relógios divergem
planner-date-range = de { $from } a { $to }
planner-shift = { $dates } ({ $count ->
    [one] { $count } reunião
   *[other] { $count } reuniões
}){ $badge }: { $moves }
planner-moves-separator = {"; "}
planner-moved = { $city } às { $then } em vez de { $usual }

## Adding a city
planner-add-label = Adicionar uma cidade
planner-add-placeholder = Tokyo, São Paulo, Bangalore…
planner-add = Adicionar
planner-added = { $city } adicionada — { $zone }.
planner-several = Vários lugares correspondem a { $query }. Adicione um:
planner-not-found = Nenhuma cidade ou fuso horário chamado { $query }. Tente o nome da cidade em inglês ou um fuso como America/Sao_Paulo.

## Errors
planner-error-at = { $value } não é uma data e hora: escreva no formato AAAA-MM-DDTHH:MM, por exemplo 2027-03-16T17:00.
planner-error-series = Não existe uma série chamada { $series }.
planner-error-no-dates = { $series } não tem datas futuras.
planner-error-zone = Não existe um fuso horário chamado { $zone }.

## ---- series -----------------------------------------------------------------

# Series and working-group pages (html/series.rs, html/groups.rs, the group cards).

## A series
series-across-zones = Ver em outros fusos horários
series-part-of = Faz parte de { $group }.
series-add-alone = Cada data abaixo também pode ser adicionada sozinha.
series-next-dates = Próximas datas
series-past-dates = Datas anteriores
series-no-past-dates = Nenhuma data no último ano.

## The working groups
groups-title = Grupos de trabalho
groups-intro = Os grupos de trabalho são abertos a todos. Cada cartão traz links para o repositório, a lista de e-mails e o chat do grupo, e mostra a próxima reunião em { $zone }.
groups-none = Esta comunidade ainda não tem grupos de trabalho.
groups-breadcrumb = Trilha de navegação
groups-home = Início
groups-no-meetings = Este grupo não tem reuniões agendadas.
groups-past = Reuniões anteriores
groups-no-past = Nenhuma reunião no último ano.

## A group's card
group-repository = Repositório
group-mailing-list = Lista de e-mails
group-chat = Chat
group-calendar = Agenda
group-meets = Reúne-se
group-meetings = Reuniões
group-no-meetings = Nenhuma reunião agendada
group-next-meeting = Próxima reunião

## ---- when -------------------------------------------------------------------

# when: dates and times around the CLDR formats of when.rs (relative times, cadences, zones).
when-moved-from = transferida de { $when }
when-clocks-earlier = { $duration } mais cedo que da última vez: mudança de horário
when-clocks-later = { $duration } mais tarde que da última vez: mudança de horário
when-clocks-earlier-in = { $duration } mais cedo que da última vez: mudança de horário em { $place } ({ $day })
when-clocks-later-in = { $duration } mais tarde que da última vez: mudança de horário em { $place } ({ $day })
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
when-cadence-with-anchor = { $local } ({ $anchor })
when-repeat-every = { $unit ->
    [second] { $count ->
        [1] A cada segundo
       *[other] A cada { $count } segundos
    }
    [minute] { $count ->
        [1] A cada minuto
       *[other] A cada { $count } minutos
    }
    [hour] { $count ->
        [1] A cada hora
       *[other] A cada { $count } horas
    }
    [day] { $count ->
        [1] Todos os dias
       *[other] A cada { $count } dias
    }
    [week] { $count ->
        [1] Todas as semanas
       *[other] A cada { $count } semanas
    }
    [month] { $count ->
        [1] Todos os meses
       *[other] A cada { $count } meses
    }
   *[year] { $count ->
        [1] Todos os anos
       *[other] A cada { $count } anos
    }
}
when-list-pair = { $first } e { $last }
when-list-middle = { $first }, { $rest }

## ---- embed ------------------------------------------------------------------


embed-title = Próximas reuniões — { $community }
embed-empty = Nenhuma reunião programada.
embed-cancelled = Cancelada
embed-times-in = Horários em { $zone }.
embed-all-meetings = Todas as reuniões
embed-subscribe = Assinar
embed-failed = Não foi possível carregar as reuniões ({ $error }).

## ---- hub --------------------------------------------------------------------


hub-communities = Comunidades
hub-summary = { $count ->
    [one] { $count } comunidade
   *[other] { $count } comunidades
} · { $link }
hub-every-meeting = todas as reuniões em uma só agenda
hub-next = Próximas reuniões
hub-no-upcoming = Nenhuma reunião futura.
hub-feed = Feed
hub-unavailable = Indisponível: o arquivo da comunidade tem erros (veja { $command }).
hub-footer-subscribe = Assinar todas as comunidades
hub-period-every = As próximas quatro semanas de todas as comunidades.
hub-period-chosen = As próximas quatro semanas das comunidades escolhidas.
hub-nothing = Nada neste período.
hub-today = Hoje
hub-only-first = Somente as primeiras { $count } reuniões são mostradas: escolha comunidades para ver o restante.
hub-subscribe-these = Assinar estas comunidades (iCalendar)
hub-groups-of = Grupos de { $name }
hub-show = Mostrar
hub-every-community = Todas as comunidades
hub-not-found-title = Não encontrado
hub-not-found = Não há comunidade nem página neste endereço.
hub-broken = O arquivo desta comunidade tem erros, por isso ela não é publicada; `touchpoint check` lista os erros.
hub-nothing-to-show = Nada para mostrar
hub-no-such-community = Não há nenhuma comunidade “{ $id }” aqui. As comunidades são: { $known }.
hub-no-such-id = Nenhuma comunidade aqui tem um calendário, uma série ou um grupo “{ $id }”.
hub-no-such-id-among = Nenhuma das comunidades escolhidas ({ $communities }) tem um calendário, uma série ou um grupo “{ $id }”.
