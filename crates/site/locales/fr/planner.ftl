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
