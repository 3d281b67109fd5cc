# Series and working-group pages (html/series.rs, html/groups.rs, the group cards).

## A series
series-across-zones = In anderen Zeitzonen ansehen
series-part-of = Teil von { $group }.
series-add-alone = Jeder der folgenden Termine kann auch einzeln hinzugefügt werden.
series-next-dates = Nächste Termine
series-past-dates = Vergangene Termine
series-no-past-dates = Keine vergangenen Termine im letzten Jahr.

## The working groups
groups-title = Arbeitsgruppen
groups-intro = Arbeitsgruppen stehen allen offen. Jede Karte verlinkt Repository, Mailingliste und Chat der Gruppe und zeigt ihr nächstes Meeting in { $zone }.
groups-none = Diese Community hat noch keine Arbeitsgruppen.
groups-breadcrumb = Brotkrümelnavigation
groups-home = Startseite
groups-no-meetings = Diese Gruppe hat keine geplanten Meetings.
groups-past = Vergangene Meetings
groups-no-past = Keine Meetings im letzten Jahr.

## A group's card
group-repository = Repository
group-mailing-list = Mailingliste
group-chat = Chat
group-calendar = Kalender
group-meets = Trifft sich
group-meetings = Meetings
group-no-meetings = Keine geplanten Meetings
group-next-meeting = Nächstes Meeting
