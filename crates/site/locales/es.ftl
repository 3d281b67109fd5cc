
## ---- site -------------------------------------------------------------------

## Navigation
nav-meetings = Reuniones
nav-calendar = Calendario
nav-groups = Grupos de trabajo
nav-planner = Planificador horario

## The language picker
lang-picker-label = Idioma
lang-picker-show = Mostrar
lang-picker-show-name = Mostrar la página en este idioma

## The head and the shell
site-feed-title = Calendario de { $name }
site-skip = Ir al contenido
site-nav-label = Sitio
site-footer-zone = Las horas se muestran en { $zone }.
site-footer-subscribe = Suscribirse al calendario
site-footer-health = Estado de los feeds
site-footer-served = Funciona con Touchpoint.

## The zone picker
zone-picker-label = Zona horaria
zone-picker-show = Mostrar
zone-picker-show-name = Mostrar las horas en esta zona horaria
zone-shared = Mostrado en { $zone }
zone-use-mine = usar mi zona horaria

## Occurrences in lists, shared by every page
cancelled = Cancelada
extra-meeting = Reunión adicional
no-upcoming-dates = No hay próximas fechas.
join = Unirse
join-register = Registrarse para unirse
join-later = El enlace para unirse aparecerá aquí { $window } antes del inicio
join-near-start = El enlace para unirse aparece en este sitio { $window } antes de cada reunión
join-contact = Contacto
join-contact-lower = contacto
join-ask = Solicitar el enlace para unirse
join-unpublished = Enlace para unirse no publicado
duration-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}
duration-hours = { $count ->
    [one] { $count } hora
   *[other] { $count } horas
}
link-agenda = Orden del día
link-notes = Notas
link-recordings = Grabaciones
link-recording = Grabación
link-of-date = del { $date }
ics-for-date = del { $date }

## An outside calendar's event in full
details = Detalles
details-of = de { $title }
details-where = Lugar: { $place }
details-event-page = Página del evento
details-outside = Eventos de otros calendarios en esta vista

## Subscribe
subscribe = Suscribirse
google-calendar = Google Calendar
subscribe-to = a { $name }
subscribe-webcal = Calendario de Apple, Outlook de escritorio, Thunderbird
subscribe-microsoft-365 = Microsoft 365 (trabajo o centro educativo)
subscribe-other-app = Cualquier otra aplicación: suscríbete a esta dirección
subscribe-copy = Copiar
subscribe-copied = Copiado
subscribe-download = Descargar una copia puntual (.ics)
subscribe-download-note = no mostrará cambios posteriores
subscribe-no-address = Este servidor no conoce su dirección pública, así que no puede ofrecer un enlace de suscripción (su operador configura { $base_url }, o { $trust_forwarded } detrás de un proxy).
subscribe-no-address-download = { $link }, que no se actualizará.

## Error pages
error-back-home = Volver a la página de reuniones
error-bad-params-title = No se puede mostrar esta página
not-found-title = No encontrada
not-found-text = No hay ninguna página en esta dirección.
zone-error-title = Zona horaria desconocida
zone-error-asked = No existe ninguna zona horaria llamada { $zone }.
zone-error-help = Escribe un nombre de zona horaria IANA, Área/Ciudad, como { $first }, { $second }, { $third } o { $last }.
zone-error-suggestions = Quizás quisiste decir:
zone-error-back = { $link } (mostrada en { $zone }).
id-error-title = { $kind ->
    [source] Calendario desconocido
    [group] Grupo de trabajo desconocido
   *[series] Serie desconocida
}
id-error-asked = { $kind ->
    [source] No hay ningún calendario con el id { $id } (en { $param }).
    [group] No hay ningún grupo de trabajo con el id { $id } (en { $param }).
   *[series] No hay ninguna serie con el id { $id } (en { $param }).
}
id-error-none = { $kind ->
    [source] Esta comunidad no tiene ningún calendario para elegir.
    [group] Esta comunidad no tiene ningún grupo de trabajo para elegir.
   *[series] Esta comunidad no tiene ninguna serie para elegir.
}
id-error-choose = Elige una de estas opciones:
id-error-back = { $link }.
id-error-back-link = Volver al calendario completo

## Feed health
health-title = Estado de los feeds
health-intro = Calendarios externos que sigue esta página y cómo fue su última actualización, a fecha de { $time }.
health-no-sources = Esta comunidad no sigue ningún calendario externo.
health-channels = Canales de anuncios
health-channels-intro = Adónde van los recordatorios y avisos de cambios, y cómo fueron los últimos envíos.
health-ok = Correcto
health-stale = Con errores: se muestra la última copia válida
health-error = Con errores: aún no hay ninguna copia válida
health-pending = Aún no descargado
health-channel-failing = Con errores: los mensajes se reintentan
health-feed = Feed
health-file = Archivo { $path }
health-last-success = Último éxito
health-last-attempt = Último intento
health-last-sent = Último envío
health-never = nunca
health-next-try = Próximo intento
health-due-now = pendiente ahora
health-next-try-start = en cuanto se inicie la actualización
health-last-error = Último error
health-no-error = ninguno
health-waiting = En espera
health-contents = Contenido

## How long ago, how soon (within a minute; the rest is when.rs)
ago-just-now = justo ahora
ago-soon = en menos de un minuto

## ---- home -------------------------------------------------------------------

# The home page (html/home.rs) and its "Next up" (html/next_up.rs).

## Sections
home-meetings = Reuniones
home-groups = Grupos de trabajo
home-calendar = Calendario
home-calendar-days = Los próximos { $days } días.
home-calendar-all = { $link }.
home-calendar-all-link = Todas las vistas del calendario
home-calendar-empty = No hay reuniones en los próximos { $days } días.
home-other = Otros calendarios de interés
home-more-series = { $count ->
    [one] Y { $count } serie más: consulta { $link }.
   *[other] Y { $count } series más: consulta { $link }.
}
home-more-groups = { $count ->
    [one] Y { $count } grupo más: consulta { $link }.
   *[other] Y { $count } grupos más: consulta { $link }.
}
home-more-upcoming = Y { $count } más en estos { $days } días: consulta { $link }.
home-more-calendar-link = el calendario
home-more-groups-link = todos los grupos de trabajo

## Descriptions
home-about-shared = Acerca de { $titles }
home-about-meeting = Acerca de esta reunión
home-list-separator = {", "}
home-list-and = { $first } y { $last }

## Outside calendars
home-source-stale = Se muestra la última copia válida: la última actualización falló.
home-source-error = Aún no disponible: no se pudo leer el feed.
home-source-pending = Aún no descargado.
home-source-in-calendar = En el calendario
home-source-original = Feed original

## Next up
home-next-up = A continuación
home-next-up-ended = Estas reuniones han terminado.
home-next-up-reload = Recargar para ver las siguientes
home-add-to-calendar = Añadir al calendario:
home-countdown-now = en curso
home-countdown-ended = terminada
home-countdown-minutes = en { $minutes } min
home-countdown-hours = en { $hours } h
home-countdown-hours-minutes = en { $hours } h { $minutes } min
home-countdown-days = { $days ->
    [one] en { $days } día
   *[other] en { $days } días
}
home-countdown-day-hours = en 1 día { $hours } h

## ---- calendar ---------------------------------------------------------------

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

## ---- planner ----------------------------------------------------------------

# El planificador horario (html/planner/).

## The page
planner-title = Planificador horario
planner-intro = Ve una reunión en varias ciudades a la vez, hora por hora. El horario laboral (de 09:00 a 18:00 hora local, de lunes a viernes) aparece sombreado, se sugieren las horas de inicio que convienen a más ciudades y se enumeran las próximas semanas en que los cambios de horario mueven la reunión para algunas ciudades.
planner-credit = Nombres de ciudades y zonas: { $geonames } (CC BY 4.0).

## The meeting form
planner-meeting = Reunión
planner-any-time = Cualquier fecha y hora (abajo)
planner-date-time = Fecha y hora
planner-zone = Zona horaria
planner-show = Mostrar
planner-meeting-at = { $date }, { $time } ({ $zone })
planner-unknown-cities = Se omitieron ciudades desconocidas: { $cities }. Añádelas por su nombre abajo o escribe zonas como Europe/Berlin.

## Local times
planner-gap-headline = Las { $time } no existen en { $zone } el { $date }
planner-gap = { $headline }: los relojes saltan de { $before } a { $after } en ese momento. La reunión pasa a las { $actual } (desplazada por el salto).
planner-fold-headline = Las { $time } ocurren dos veces en { $zone } el { $date }
planner-fold = { $headline }: primero en { $before } y luego en { $after }, después de atrasarse los relojes. El plan toma la primera.

## The plan
planner-next = Próxima reunión: { $when } en { $zone }.
planner-next-elsewhere = Próxima reunión: { $when } en { $zone } · { $time } { $meeting_zone } (la zona de la reunión).
planner-day-times = { $day }, { $from }–{ $to }
planner-share = { $link } (todo está en la dirección).
planner-share-link = Enlace a este plan
planner-scroll-hint = Desplaza la tabla hacia los lados para ver más horas →
planner-caption = La hora local de cada ciudad en cada columna; las columnas son horas en { $zone } y un enlace en el encabezado de cada columna elige esa hora.
planner-hour-in = Hora en { $zone }
planner-pick-hour = Elegir { $date }, hora
planner-remove = Quitar { $city }
planner-fit-work = Horario laboral
planner-fit-edge = Fuera del horario laboral
planner-fit-night = Noche
planner-hours = { $hours } h
planner-minutes = { $minutes } min
planner-hours-minutes = { $hours } h { $minutes } min
planner-change-forward = Los relojes se adelantan { $amount } el { $date } a las { $time } ({ $before } → { $after })
planner-change-back = Los relojes se atrasan { $amount } el { $date } a las { $time } ({ $before } → { $after })
planner-key-work = horario laboral (09:00–18:00 hora local, de lunes a viernes)
planner-key-pick = la hora de la reunión
planner-key-best = una hora sugerida
planner-static = Esta copia del sitio es estática: muestra el plan predeterminado. Para añadir ciudades y elegir horas se necesita el sitio en marcha ({ $command }).

## Best start times
planner-best-label = Mejores horas de inicio
planner-best = { $label } ({ $count } de { $cities } ciudades en horario laboral), en { $zone }: { $times }.
planner-times-separator = {", "}
planner-best-none = Ninguna hora de inicio en estas 24 horas deja a alguna de estas ciudades en horario laboral.

## Clock changes
planner-changes = Próximos cambios de hora
planner-changes-none = En los próximos 12 meses, la reunión se mantiene a la misma hora local en todas las ciudades de arriba.
planner-changes-intro = Los cambios de horario mueven la reunión para algunas ciudades en estas fechas (en comparación con la próxima reunión):
planner-clocks-disagree = Relojes desfasados
planner-date-range = del { $from } al { $to }
planner-shift = { $dates } ({ $count ->
    [one] { $count } reunión
   *[other] { $count } reuniones
}){ $badge }: { $moves }
planner-moves-separator = {"; "}
planner-moved = { $city } a las { $then } en lugar de las { $usual }

## Adding a city
planner-add-label = Añadir una ciudad
planner-add-placeholder = Tokyo, São Paulo, Bangalore…
planner-add = Añadir
planner-added = Se añadió { $city } — { $zone }.
planner-several = Varios lugares coinciden con { $query }. Añade uno:
planner-not-found = No hay ninguna ciudad ni zona horaria llamada { $query }. Prueba con el nombre en inglés de la ciudad o con una zona como America/Sao_Paulo.

## Errors
planner-error-at = { $value } no es una fecha y hora: escríbela como AAAA-MM-DDTHH:MM, por ejemplo 2027-03-16T17:00.
planner-error-series = No existe ninguna serie llamada { $series }.
planner-error-no-dates = { $series } no tiene próximas fechas.
planner-error-zone = No existe ninguna zona horaria llamada { $zone }.

## ---- series -----------------------------------------------------------------

# Series and working-group pages (html/series.rs, html/groups.rs, the group cards).

## A series
series-across-zones = Verla en otras zonas horarias
series-part-of = Forma parte de { $group }.
series-add-alone = Cada fecha de abajo también se puede añadir por separado.
series-next-dates = Próximas fechas
series-past-dates = Fechas pasadas
series-no-past-dates = No hay fechas pasadas en el último año.

## The working groups
groups-title = Grupos de trabajo
groups-intro = Los grupos de trabajo están abiertos a todo el mundo. Cada tarjeta enlaza el repositorio, la lista de correo y el chat del grupo, y muestra su próxima reunión en { $zone }.
groups-none = Esta comunidad aún no tiene grupos de trabajo.
groups-breadcrumb = Ruta de navegación
groups-home = Inicio
groups-no-meetings = Este grupo no tiene reuniones programadas.
groups-past = Reuniones pasadas
groups-no-past = No hay reuniones en el último año.

## A group's card
group-repository = Repositorio
group-mailing-list = Lista de correo
group-chat = Chat
group-calendar = Calendario
group-meets = Se reúne
group-meetings = Reuniones
group-no-meetings = No hay reuniones programadas
group-next-meeting = Próxima reunión

## ---- when -------------------------------------------------------------------

# when: dates and times around the CLDR formats of when.rs (relative times, cadences, zones).
when-moved-from = movida del { $when }
when-clocks-earlier = { $duration } antes que la última vez: cambio de hora
when-clocks-later = { $duration } más tarde que la última vez: cambio de hora
when-clocks-earlier-in = { $duration } antes que la última vez: cambio de hora en { $place } el { $day }
when-clocks-later-in = { $duration } más tarde que la última vez: cambio de hora en { $place } el { $day }
when-all-day = { $day }, todo el día
when-at = { $day }, { $start }
when-span = { $day }, { $start }–{ $end }
when-span-days = { $day }, { $start } – { $end_day }, { $end }
when-range = { $from } – { $to }
when-zone-label = { $zone } ({ $name }, { $offset })
when-zone-label-offset = { $zone } ({ $offset })
when-happening-now = En curso
when-starts-in-min = Empieza en { $minutes } min
when-starts-in-h = Empieza en { $hours } h
when-starts-in-h-min = Empieza en { $hours } h { $minutes } min
when-in-minutes = { $count ->
    [one] dentro de { $count } minuto
   *[other] dentro de { $count } minutos
  }
when-in-hours = { $count ->
    [one] dentro de { $count } hora
   *[other] dentro de { $count } horas
  }
when-in-days = { $count ->
    [one] dentro de { $count } día
   *[other] dentro de { $count } días
  }
when-ago-minutes = { $count ->
    [one] hace { $count } minuto
   *[other] hace { $count } minutos
  }
when-ago-hours = { $count ->
    [one] hace { $count } hora
   *[other] hace { $count } horas
  }
when-ago-days = { $count ->
    [one] hace { $count } día
   *[other] hace { $count } días
  }
when-daily = Todos los días
when-weekly = Cada { $days }
when-every-other-week = Cada dos semanas, el { $days }
when-every-n-weeks = Cada { $count } semanas, el { $days }
when-monthly-nth = Cada mes, el { $nth ->
    [-1] último
   *[other] { $nth }.º
  } { $weekday }
when-monthly-day = Cada mes, el día { $day }
when-shift-later = { $rule }, { $count ->
    [one] un día
   *[other] { $count } días
  } después en tu zona horaria
when-shift-earlier = { $rule }, { $count ->
    [one] un día
   *[other] { $count } días
  } antes en tu zona horaria
when-cadence = { $rule }, { $clock } { $zone }
when-cadence-anchor = { $clock } { $zone }
when-cadence-anchor-days = { $days } { $clock } { $zone }
when-cadence-with-anchor = { $local } ({ $anchor })
when-repeat-every = { $unit ->
    [second] { $count ->
        [1] Cada segundo
       *[other] Cada { $count } segundos
    }
    [minute] { $count ->
        [1] Cada minuto
       *[other] Cada { $count } minutos
    }
    [hour] { $count ->
        [1] Cada hora
       *[other] Cada { $count } horas
    }
    [day] { $count ->
        [1] Todos los días
       *[other] Cada { $count } días
    }
    [week] { $count ->
        [1] Todas las semanas
       *[other] Cada { $count } semanas
    }
    [month] { $count ->
        [1] Todos los meses
       *[other] Cada { $count } meses
    }
   *[year] { $count ->
        [1] Todos los años
       *[other] Cada { $count } años
    }
}
when-list-pair = { $first } y { $last }
when-list-middle = { $first }, { $rest }

## ---- embed ------------------------------------------------------------------


embed-title = Próximas reuniones — { $community }
embed-empty = No hay reuniones próximas.
embed-cancelled = Cancelada
embed-times-in = Horas en { $zone }.
embed-all-meetings = Todas las reuniones
embed-subscribe = Suscribirse
embed-failed = No se pudieron cargar las reuniones ({ $error }).

## ---- hub --------------------------------------------------------------------


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
hub-nothing-to-show = No hay nada que mostrar
hub-no-such-community = Aquí no hay ninguna comunidad «{ $id }». Las comunidades son: { $known }.
hub-no-such-id = Ninguna comunidad de aquí tiene un calendario, una serie o un grupo «{ $id }».
hub-no-such-id-among = Ninguna de las comunidades elegidas ({ $communities }) tiene un calendario, una serie o un grupo «{ $id }».
