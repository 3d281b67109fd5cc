# embed: see crates/site/src/i18n.rs for the file layout.
embed-title = Próximas reuniones — { $community }
embed-empty = No hay reuniones próximas.
embed-cancelled = Cancelada
embed-times-in = Horas en { $zone }.
embed-all-meetings = Todas las reuniones
embed-subscribe = Suscribirse
