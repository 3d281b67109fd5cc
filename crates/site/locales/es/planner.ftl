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
