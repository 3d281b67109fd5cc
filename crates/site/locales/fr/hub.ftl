# hub: see crates/site/src/i18n.rs for the file layout.
hub-communities = Communautés
hub-summary = { $count ->
    [one] { $count } communauté
   *[other] { $count } communautés
} · { $link }
hub-every-meeting = toutes les réunions dans un seul agenda
hub-next = Prochaines réunions
hub-no-upcoming = Aucune réunion à venir.
hub-feed = Flux
hub-unavailable = Indisponible : son fichier de communauté contient des erreurs (voir { $command }).
hub-footer-subscribe = S’abonner à toutes les communautés
hub-period-every = Les quatre prochaines semaines de toutes les communautés.
hub-period-chosen = Les quatre prochaines semaines des communautés choisies.
hub-nothing = Rien pendant cette période.
hub-today = Aujourd’hui
hub-only-first = Seules les { $count } premières réunions sont affichées : choisissez des communautés pour voir les autres.
hub-subscribe-these = S’abonner à ces communautés (iCalendar)
hub-groups-of = Groupes de { $name }
hub-show = Afficher
hub-every-community = Toutes les communautés
hub-not-found-title = Introuvable
hub-not-found = Il n’y a ni communauté ni page à cette adresse.
hub-broken = Le fichier de cette communauté contient des erreurs, elle n’est donc pas servie ; `touchpoint check` les liste.
hub-bad-zone-title = Fuseau horaire inconnu
hub-bad-zone = Le fuseau horaire demandé (tz=) n’est pas un nom de fuseau IANA tel que Europe/Berlin.
