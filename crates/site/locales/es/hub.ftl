# hub: see crates/site/src/i18n.rs for the file layout.
hub-communities = Comunidades
hub-summary = { $count ->
    [one] { $count } comunidad
   *[other] { $count } comunidades
} · { $link }
hub-every-meeting = todas las reuniones en un solo calendario
hub-next = Próximas reuniones
hub-no-upcoming = No hay reuniones próximas.
hub-feed = Feed
hub-unavailable = No disponible: su archivo de comunidad tiene errores (consulta { $command }).
hub-footer-subscribe = Suscribirse a todas las comunidades
hub-period-every = Las próximas cuatro semanas de todas las comunidades.
hub-period-chosen = Las próximas cuatro semanas de las comunidades elegidas.
hub-nothing = No hay nada en este periodo.
hub-today = Hoy
hub-only-first = Solo se muestran las primeras { $count } reuniones: elige comunidades para ver el resto.
hub-subscribe-these = Suscribirse a estas comunidades (iCalendar)
hub-groups-of = Grupos de { $name }
hub-show = Mostrar
hub-every-community = Todas las comunidades
hub-not-found-title = No encontrado
hub-not-found = No hay ninguna comunidad ni página en esta dirección.
hub-broken = El archivo de esta comunidad tiene errores, así que no se publica; `touchpoint check` los enumera.
hub-bad-zone-title = Zona horaria desconocida
hub-bad-zone = La zona horaria solicitada (tz=) no es un nombre de zona IANA como Europe/Berlin.
