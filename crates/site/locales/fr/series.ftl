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
