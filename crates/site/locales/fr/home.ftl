# The home page (html/home.rs) and its "Next up" (html/next_up.rs).

## Sections
home-meetings = Réunions
home-groups = Groupes de travail
home-calendar = Calendrier
home-calendar-days = Les { $days } prochains jours.
home-calendar-all = { $link }.
home-calendar-all-link = Toutes les vues du calendrier
home-calendar-empty = Aucune réunion dans les { $days } prochains jours.
home-other = Autres calendriers intéressants
home-more-series = { $count ->
    [one] Et { $count } autre série : voir { $link }.
   *[other] Et { $count } autres séries : voir { $link }.
}
home-more-groups = { $count ->
    [one] Et { $count } autre groupe : voir { $link }.
   *[other] Et { $count } autres groupes : voir { $link }.
}
home-more-upcoming = Et { $count } autres sur ces { $days } jours : voir { $link }.
home-more-calendar-link = le calendrier
home-more-groups-link = tous les groupes de travail

## Descriptions
home-about-shared = À propos de { $titles }
home-about-meeting = À propos de cette réunion
home-list-separator = {", "}
home-list-and = { $first } et { $last }

## Outside calendars
home-source-stale = Affichage de la dernière copie valide : la dernière actualisation a échoué.
home-source-error = Pas encore disponible : le flux n’a pas pu être lu.
home-source-pending = Pas encore récupéré.
home-source-in-calendar = Dans le calendrier
home-source-original = Flux d’origine

## Next up
home-next-up = Prochainement
home-next-up-ended = Ces réunions sont terminées.
home-next-up-reload = Recharger pour voir les suivantes
home-add-to-calendar = Ajouter au calendrier :
home-countdown-now = en cours
home-countdown-ended = terminée
home-countdown-minutes = dans { $minutes } min
home-countdown-hours = dans { $hours } h
home-countdown-hours-minutes = dans { $hours } h { $minutes } min
home-countdown-days = { $days ->
    [one] dans { $days } jour
   *[other] dans { $days } jours
}
home-countdown-day-hours = dans 1 jour { $hours } h
