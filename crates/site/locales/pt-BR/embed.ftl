# embed: see crates/site/src/i18n.rs for the file layout.
embed-title = Próximas reuniões — { $community }
embed-empty = Nenhuma reunião programada.
embed-cancelled = Cancelada
embed-times-in = Horários em { $zone }.
embed-all-meetings = Todas as reuniões
embed-subscribe = Assinar
