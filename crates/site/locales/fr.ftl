
## ---- site -------------------------------------------------------------------

## Navigation
nav-meetings = Réunions
nav-calendar = Calendrier
nav-groups = Groupes de travail
nav-planner = Planificateur horaire

## The language picker
lang-picker-label = Langue
lang-picker-show = Afficher
lang-picker-show-name = Afficher la page dans cette langue

## The head and the shell
site-feed-title = Calendrier de { $name }
site-skip = Aller au contenu
site-nav-label = Site
site-footer-zone = Les heures sont affichées en { $zone }.
site-footer-subscribe = S’abonner au calendrier
site-footer-health = État des flux
site-footer-served = Propulsé par Touchpoint.

## The zone picker
zone-picker-label = Fuseau horaire
zone-picker-show = Afficher
zone-picker-show-name = Afficher les heures dans ce fuseau horaire
zone-shared = Affiché en { $zone }
zone-use-mine = utiliser mon fuseau

## Occurrences in lists, shared by every page
cancelled = Annulé
extra-meeting = Réunion supplémentaire
no-upcoming-dates = Aucune date à venir.
join = Rejoindre
join-register = S’inscrire pour participer
join-later = Lien de participation affiché ici { $window } avant le début
join-near-start = Lien de participation affiché sur ce site { $window } avant chaque réunion
join-contact = Contact
join-contact-lower = contact
join-ask = Demander le lien de participation
join-unpublished = Lien de participation non publié
duration-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
duration-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
link-agenda = Ordre du jour
link-notes = Notes
link-recordings = Enregistrements
link-recording = Enregistrement
link-of-date = du { $date }
ics-for-date = du { $date }

## An outside calendar's event in full
details = Détails
details-of = de { $title }
details-where = Lieu : { $place }
details-event-page = Page de l’évènement
details-outside = Évènements d’autres calendriers dans cette vue

## Subscribe
subscribe = S’abonner
google-calendar = Google Agenda
subscribe-to = à { $name }
subscribe-webcal = Apple Calendrier, Outlook pour ordinateur, Thunderbird
subscribe-microsoft-365 = Microsoft 365 (professionnel ou scolaire)
subscribe-other-app = Toute autre application : abonnez-vous à cette adresse
subscribe-copy = Copier
subscribe-copied = Copié
subscribe-download = Télécharger une copie ponctuelle (.ics)
subscribe-download-note = elle n’affichera pas les modifications ultérieures
subscribe-no-address = Ce serveur ne connaît pas son adresse publique et ne peut donc pas proposer de lien d’abonnement (son administrateur définit { $base_url }, ou { $trust_forwarded } derrière un proxy).
subscribe-no-address-download = { $link }, qui ne sera pas mise à jour.

## Error pages
error-back-home = Retour à la page des réunions
error-bad-params-title = Impossible d’afficher cette page
not-found-title = Page introuvable
not-found-text = Il n’y a aucune page à cette adresse.
zone-error-title = Fuseau horaire inconnu
zone-error-asked = Il n’existe pas de fuseau horaire nommé { $zone }.
zone-error-help = Saisissez un nom de fuseau IANA, au format Zone/Ville, par exemple { $first }, { $second }, { $third } ou { $last }.
zone-error-suggestions = Vouliez-vous dire :
zone-error-back = { $link } (affichée en { $zone }).
id-error-title = { $kind ->
    [source] Calendrier inconnu
    [group] Groupe de travail inconnu
   *[series] Série inconnue
}
id-error-asked = { $kind ->
    [source] Il n’y a aucun calendrier avec l’identifiant { $id } (dans { $param }).
    [group] Il n’y a aucun groupe de travail avec l’identifiant { $id } (dans { $param }).
   *[series] Il n’y a aucune série avec l’identifiant { $id } (dans { $param }).
}
id-error-none = { $kind ->
    [source] Cette communauté n’a aucun calendrier à choisir.
    [group] Cette communauté n’a aucun groupe de travail à choisir.
   *[series] Cette communauté n’a aucune série à choisir.
}
id-error-choose = Choisissez l’un de ceux-ci :
id-error-back = { $link }.
id-error-back-link = Retour au calendrier complet

## Feed health
health-title = État des flux
health-intro = Les calendriers externes que suit cette page et le résultat de leur dernière actualisation, au { $time }.
health-no-sources = Cette communauté ne suit aucun calendrier externe.
health-channels = Canaux d’annonce
health-channels-intro = Où partent les rappels et les avis de modification, et comment se sont passés les derniers envois.
health-ok = OK
health-stale = En échec : la dernière copie valide est affichée
health-error = En échec : aucune copie valide pour l’instant
health-pending = Pas encore récupéré
health-channel-failing = En échec : les messages seront renvoyés
health-feed = Flux
health-file = Fichier { $path }
health-last-success = Dernier succès
health-last-attempt = Dernière tentative
health-last-sent = Dernier envoi
health-never = jamais
health-next-try = Prochaine tentative
health-due-now = imminente
health-next-try-start = dès le démarrage de l’actualisation
health-last-error = Dernière erreur
health-no-error = aucune
health-waiting = En attente
health-contents = Contenu

## How long ago, how soon (within a minute; the rest is when.rs)
ago-just-now = à l’instant
ago-soon = dans moins d’une minute

## ---- home -------------------------------------------------------------------

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

## ---- calendar ---------------------------------------------------------------

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

## ---- planner ----------------------------------------------------------------

# Le planificateur horaire (html/planner/).

## The page
planner-title = Planificateur horaire
planner-intro = Voyez une réunion dans plusieurs villes à la fois, heure par heure. Les heures de travail — de 9 h à 18 h, heure locale, du lundi au vendredi — sont grisées, les heures de début qui conviennent au plus grand nombre de villes sont suggérées, et les semaines à venir où un changement d’heure décale la réunion pour certaines villes sont listées.
planner-credit = Noms des villes et fuseaux : { $geonames } (CC BY 4.0).

## The meeting form
planner-meeting = Réunion
planner-any-time = Date et heure au choix (ci-dessous)
planner-date-time = Date et heure
planner-zone = Fuseau horaire
planner-show = Afficher
planner-meeting-at = { $date } à { $time } ({ $zone })
planner-unknown-cities = Villes inconnues ignorées : { $cities }. Ajoutez-les par leur nom ci-dessous, ou indiquez des fuseaux comme Europe/Berlin.

## Local times
planner-gap-headline = { $time } n’existe pas dans le fuseau { $zone } le { $date }
planner-gap = { $headline } : les horloges passent alors de { $before } à { $after }. La réunion a donc lieu à { $actual } (décalée de la durée du saut).
planner-fold-headline = { $time } a lieu deux fois dans le fuseau { $zone } le { $date }
planner-fold = { $headline } : d’abord en { $before }, puis en { $after } après le recul des horloges. Le plan retient la première.

## The plan
planner-next = Prochaine réunion : { $when } ({ $zone }).
planner-next-elsewhere = Prochaine réunion : { $when } ({ $zone }) · { $time } { $meeting_zone } (fuseau de la réunion).
planner-day-times = { $day }, { $from }–{ $to }
planner-share = { $link } (tout est dans l’adresse).
planner-share-link = Lien vers ce plan
planner-scroll-hint = Faites défiler le tableau horizontalement pour voir plus d’heures →
planner-caption = L’heure locale de chaque ville dans chaque colonne ; les colonnes sont des heures de { $zone }, et un lien dans l’en-tête de chaque colonne choisit cette heure.
planner-hour-in = Heure ({ $zone })
planner-pick-hour = Choisir { $date }, heure
planner-remove = Retirer { $city }
planner-fit-work = Heures de travail
planner-fit-edge = Hors des heures de travail
planner-fit-night = Nuit
planner-hours = { $hours } h
planner-minutes = { $minutes } min
planner-hours-minutes = { $hours } h { $minutes } min
planner-change-forward = Les horloges avancent de { $amount } le { $date } à { $time } ({ $before } → { $after })
planner-change-back = Les horloges reculent de { $amount } le { $date } à { $time } ({ $before } → { $after })
planner-key-work = heures de travail (9 h – 18 h, heure locale, du lundi au vendredi)
planner-key-pick = l’heure de la réunion
planner-key-best = une heure suggérée
planner-static = Cette copie du site est statique : elle affiche le plan par défaut. Pour ajouter des villes et choisir des heures, il faut le site servi ({ $command }).

## Best start times
planner-best-label = Meilleures heures de début
planner-best = { $label } ({ $count ->
    [one] { $count } ville sur { $cities } dans ses heures de travail
   *[other] { $count } villes sur { $cities } dans leurs heures de travail
}), en { $zone } : { $times }.
planner-times-separator = {", "}
planner-best-none = Aucune heure de début dans ces 24 heures ne tombe dans les heures de travail de l’une de ces villes.

## Clock changes
planner-changes = Prochains changements d’heure
planner-changes-none = Au cours des 12 prochains mois, la réunion reste à la même heure locale dans toutes les villes ci-dessus.
planner-changes-intro = Les changements d’heure décalent la réunion pour certaines villes à ces dates (par rapport à la prochaine réunion) :
planner-clocks-disagree = Décalage horaire modifié
planner-date-range = du { $from } au { $to }
planner-shift = { $dates } ({ $count ->
    [one] { $count } réunion
   *[other] { $count } réunions
}){ $badge } : { $moves }
planner-moves-separator = {"\u00A0; "}
planner-moved = { $city } à { $then } au lieu de { $usual }

## Adding a city
planner-add-label = Ajouter une ville
planner-add-placeholder = Tokyo, São Paulo, Bangalore…
planner-add = Ajouter
planner-added = { $city } ajoutée — { $zone }.
planner-several = Plusieurs lieux correspondent à { $query }. Ajoutez-en un :
planner-not-found = Aucune ville ni aucun fuseau nommé { $query }. Essayez le nom anglais de la ville, ou un fuseau comme America/Sao_Paulo.

## Errors
planner-error-at = { $value } n’est pas une date et une heure : écrivez-la sous la forme AAAA-MM-JJTHH:MM, par exemple 2027-03-16T17:00.
planner-error-series = Il n’existe pas de série nommée { $series }.
planner-error-no-dates = { $series } n’a pas de dates à venir.
planner-error-zone = Il n’existe pas de fuseau horaire nommé { $zone }.

## ---- series -----------------------------------------------------------------

# Series and working-group pages (html/series.rs, html/groups.rs, the group cards).

## A series
series-across-zones = Voir dans d’autres fuseaux horaires
series-part-of = Fait partie de { $group }.
series-add-alone = Chaque date ci-dessous peut aussi être ajoutée seule.
series-next-dates = Prochaines dates
series-past-dates = Dates passées
series-no-past-dates = Aucune date passée au cours de l’année écoulée.

## The working groups
groups-title = Groupes de travail
groups-intro = Les groupes de travail sont ouverts à tous. Chaque carte renvoie au dépôt, à la liste de diffusion et au salon de discussion du groupe, et indique sa prochaine réunion en { $zone }.
groups-none = Cette communauté n’a pas encore de groupe de travail.
groups-breadcrumb = Fil d’Ariane
groups-home = Accueil
groups-no-meetings = Ce groupe n’a aucune réunion prévue.
groups-past = Réunions passées
groups-no-past = Aucune réunion au cours de l’année écoulée.

## A group's card
group-repository = Dépôt
group-mailing-list = Liste de diffusion
group-chat = Discussion
group-calendar = Calendrier
group-meets = Se réunit
group-meetings = Réunions
group-no-meetings = Aucune réunion prévue
group-next-meeting = Prochaine réunion

## ---- when -------------------------------------------------------------------

# when: dates and times around the CLDR formats of when.rs (relative times, cadences, zones).
when-moved-from = déplacé du { $when }
when-clocks-earlier = { $duration } plus tôt que la dernière fois : changement d’heure
when-clocks-later = { $duration } plus tard que la dernière fois : changement d’heure
when-clocks-earlier-in = { $duration } plus tôt que la dernière fois : changement d’heure à { $place } le { $day }
when-clocks-later-in = { $duration } plus tard que la dernière fois : changement d’heure à { $place } le { $day }
when-all-day = { $day }, toute la journée
when-at = { $day }, { $start }
when-span = { $day }, { $start }–{ $end }
when-span-days = { $day }, { $start } – { $end_day }, { $end }
when-range = { $from } – { $to }
when-zone-label = { $zone } ({ $name }, { $offset })
when-zone-label-offset = { $zone } ({ $offset })
when-happening-now = En cours
when-starts-in-min = Commence dans { $minutes } min
when-starts-in-h = Commence dans { $hours } h
when-starts-in-h-min = Commence dans { $hours } h { $minutes } min
when-in-minutes = { $count ->
    [one] dans { $count } minute
   *[other] dans { $count } minutes
  }
when-in-hours = { $count ->
    [one] dans { $count } heure
   *[other] dans { $count } heures
  }
when-in-days = { $count ->
    [one] dans { $count } jour
   *[other] dans { $count } jours
  }
when-ago-minutes = { $count ->
    [one] il y a { $count } minute
   *[other] il y a { $count } minutes
  }
when-ago-hours = { $count ->
    [one] il y a { $count } heure
   *[other] il y a { $count } heures
  }
when-ago-days = { $count ->
    [one] il y a { $count } jour
   *[other] il y a { $count } jours
  }
when-daily = Tous les jours
when-weekly = Chaque { $days }
when-every-other-week = Un { $days } sur deux
when-every-n-weeks = Toutes les { $count } semaines le { $days }
when-monthly-nth = Tous les mois, le { $nth ->
    [-1] dernier
    [1] 1er
   *[other] { $nth }e
  } { $weekday }
when-monthly-day = Tous les mois, le { $day }
when-shift-later = { $rule }, { $count ->
    [one] un jour
   *[other] { $count } jours
  } plus tard dans votre fuseau
when-shift-earlier = { $rule }, { $count ->
    [one] un jour
   *[other] { $count } jours
  } plus tôt dans votre fuseau
when-cadence = { $rule }, { $clock } { $zone }
when-cadence-anchor = { $clock } { $zone }
when-cadence-anchor-days = { $days } { $clock } { $zone }
when-cadence-with-anchor = { $local } ({ $anchor })
when-repeat-every = { $unit ->
    [second] { $count ->
        [1] Chaque seconde
       *[other] Toutes les { $count } secondes
    }
    [minute] { $count ->
        [1] Chaque minute
       *[other] Toutes les { $count } minutes
    }
    [hour] { $count ->
        [1] Toutes les heures
       *[other] Toutes les { $count } heures
    }
    [day] { $count ->
        [1] Tous les jours
       *[other] Tous les { $count } jours
    }
    [week] { $count ->
        [1] Toutes les semaines
       *[other] Toutes les { $count } semaines
    }
    [month] { $count ->
        [1] Tous les mois
       *[other] Tous les { $count } mois
    }
   *[year] { $count ->
        [1] Tous les ans
       *[other] Tous les { $count } ans
    }
}
when-list-pair = { $first } et { $last }
when-list-middle = { $first }, { $rest }

## ---- embed ------------------------------------------------------------------


embed-title = Prochaines réunions — { $community }
embed-empty = Aucune réunion à venir.
embed-cancelled = Annulée
embed-times-in = Heures affichées en { $zone }.
embed-all-meetings = Toutes les réunions
embed-subscribe = S’abonner
embed-failed = Impossible de charger les réunions ({ $error }).

## ---- hub --------------------------------------------------------------------


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
hub-nothing-to-show = Rien à afficher
hub-no-such-community = Il n’y a pas de communauté « { $id } » ici. Les communautés sont : { $known }.
hub-no-such-id = Aucune communauté ici n’a de calendrier, de série ou de groupe « { $id } ».
hub-no-such-id-among = Aucune des communautés choisies ({ $communities }) n’a de calendrier, de série ou de groupe « { $id } ».
