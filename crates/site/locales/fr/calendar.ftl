# Le calendrier (html/calendar.rs, html/week.rs). Les dates et les heures sont écrites par when.rs.

## The page
cal-title = Calendrier
cal-page-title = Calendrier : { $period }
cal-views-label = Vues du calendrier
cal-view-agenda = Planning
cal-view-week = Semaine
cal-view-month = Mois
cal-earlier = ← Avant
cal-later = Après →
cal-today = Aujourd’hui
cal-times-in = Heures en { $zone }
cal-times-in-after-today = heures en { $zone }
cal-week-of = Semaine du { $date }
cal-week-from = 7 jours à partir du { $date }
cal-too-many = Cette période compte plus de { $max } réunions : seules les { $max } premières sont affichées. Choisissez moins d’agendas ou de groupes pour voir les autres.

## Filters
cal-filter-calendars = Agendas
cal-filter-groups = Groupes de travail
cal-source-community = Réunions de { $community }
cal-filter-group-idle = (aucune réunion prévue)
cal-filter-apply = Filtrer
cal-filter-show-all = Tout afficher
cal-filter-hint = Les agendas et groupes cochés sont affichés ensemble.
cal-filter-one-label = Afficher un seul agenda ou groupe
cal-filter-calendars-list = Agendas : { $links }
cal-filter-all = Tous
cal-filter-groups-list = Groupes de travail : { $links }
cal-filter-one-hint = Cette copie du site affiche un agenda ou un groupe à la fois.

## Empty periods
cal-empty = Rien durant cette période.
cal-empty-filtered = Rien durant cette période pour les agendas et groupes cochés.
cal-group-idle = { $group } n’a aucune réunion prévue.

## Agenda and month
cal-all-day = Toute la journée
cal-more = { $count ->
    [one] +{ $count } autre
   *[other] +{ $count } autres
}
cal-more-on = le { $date }

## Week
cal-week-scroll-cue = Faites défiler horizontalement pour voir tous les jours de la semaine →
cal-week-grid-label = Semaine, heure par heure
cal-week-clocks-change = Changement d’heure : journée de { $hours } heures
cal-week-day-empty = Aucune réunion.

## Errors in the address
cal-error-view = Il n’existe pas de vue de calendrier nommée { $value } : utilisez agenda, week ou month.
cal-error-date = { $value } n’est pas une date : écrivez-la sous la forme AAAA-MM-JJ, par exemple 2026-12-03.
