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
