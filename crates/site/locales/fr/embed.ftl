# embed: see crates/site/src/i18n.rs for the file layout.
embed-title = Prochaines réunions — { $community }
embed-empty = Aucune réunion à venir.
embed-cancelled = Annulée
embed-times-in = Heures affichées en { $zone }.
embed-all-meetings = Toutes les réunions
embed-subscribe = S’abonner
