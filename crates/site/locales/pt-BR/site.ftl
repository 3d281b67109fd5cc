## Navigation
nav-meetings = Reuniões
nav-calendar = Calendário
nav-groups = Grupos de trabalho
nav-planner = Planejador de horários

## The language picker
lang-picker-label = Idioma
lang-picker-show = Mostrar

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
zone-shared = Mostrado em { $zone }
zone-use-mine = usar meu fuso horário

## Occurrences in lists, shared by every page
cancelled = Cancelada
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
