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
