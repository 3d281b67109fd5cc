## Navigation
nav-meetings = Reuniones
nav-calendar = Calendario
nav-groups = Grupos de trabajo
nav-planner = Planificador horario

## The language picker
lang-picker-label = Idioma
lang-picker-show = Mostrar

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
zone-shared = Mostrado en { $zone }
zone-use-mine = usar mi zona horaria

## Occurrences in lists, shared by every page
cancelled = Cancelada
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
