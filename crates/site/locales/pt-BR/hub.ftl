# hub: see crates/site/src/i18n.rs for the file layout.
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
hub-bad-zone-title = Fuso horário desconhecido
hub-bad-zone = O fuso horário pedido (tz=) não é um nome de fuso IANA como Europe/Berlin.
