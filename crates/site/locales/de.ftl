
## ---- site -------------------------------------------------------------------

## Navigation
nav-meetings = Treffen
nav-calendar = Kalender
nav-groups = Arbeitsgruppen
nav-planner = Zeitplaner

## The language picker
lang-picker-label = Sprache
lang-picker-show = Anzeigen
lang-picker-show-name = Seite in dieser Sprache anzeigen

## The head and the shell
site-feed-title = Kalender von { $name }
site-skip = Zum Inhalt springen
site-nav-label = Website
site-footer-zone = Alle Zeiten in { $zone }.
site-footer-subscribe = Kalender abonnieren
site-footer-health = Feed-Status
site-footer-served = Bereitgestellt von Touchpoint.

## The zone picker
zone-picker-label = Zeitzone
zone-picker-show = Anzeigen
zone-picker-show-name = Zeiten in dieser Zeitzone anzeigen
zone-shared = Angezeigt in { $zone }
zone-use-mine = meine Zeitzone verwenden

## Occurrences in lists, shared by every page
cancelled = Abgesagt
extra-meeting = Zusatztermin
no-upcoming-dates = Keine anstehenden Termine.
join = Teilnehmen
join-register = Zur Teilnahme anmelden
join-later = Teilnahmelink erscheint hier { $window } vor Beginn
join-near-start = Teilnahmelink erscheint auf dieser Website { $window } vor jedem Meeting
join-contact = Kontakt
join-contact-lower = Kontakt
join-ask = Teilnahmelink anfragen
join-unpublished = Teilnahmelink nicht veröffentlicht
duration-minutes = { $count ->
    [one] { $count } Minute
   *[other] { $count } Minuten
}
duration-hours = { $count ->
    [one] { $count } Stunde
   *[other] { $count } Stunden
}
link-agenda = Tagesordnung
link-notes = Notizen
link-recordings = Aufzeichnungen
link-recording = Aufzeichnung
link-of-date = vom { $date }
ics-for-date = für { $date }

## An outside calendar's event in full
details = Details
details-of = zu { $title }
details-where = Ort: { $place }
details-event-page = Veranstaltungsseite
details-outside = Termine anderer Kalender in dieser Ansicht

## Subscribe
subscribe = Abonnieren
google-calendar = Google Kalender
subscribe-to = { $name }
subscribe-webcal = Apple Kalender, Outlook (Desktop), Thunderbird
subscribe-microsoft-365 = Microsoft 365 (Arbeit oder Schule)
subscribe-other-app = Jede andere App: diese Adresse abonnieren
subscribe-copy = Kopieren
subscribe-copied = Kopiert
subscribe-download = Einmalige Kopie herunterladen (.ics)
subscribe-download-note = spätere Änderungen erscheinen darin nicht
subscribe-no-address = Dieser Server kennt seine öffentliche Adresse nicht und kann daher keinen Abo-Link anbieten (der Betreiber setzt { $base_url } oder hinter einem Proxy { $trust_forwarded }).
subscribe-no-address-download = { $link }, die nicht aktualisiert wird.

## Error pages
error-back-home = Zurück zur Meeting-Seite
error-bad-params-title = Diese Seite kann nicht angezeigt werden
not-found-title = Nicht gefunden
not-found-text = Unter dieser Adresse gibt es keine Seite.
zone-error-title = Unbekannte Zeitzone
zone-error-asked = Es gibt keine Zeitzone namens { $zone }.
zone-error-help = Geben Sie einen IANA-Zeitzonennamen im Format Gebiet/Stadt ein, etwa { $first }, { $second }, { $third } oder { $last }.
zone-error-suggestions = Meinten Sie:
zone-error-back = { $link } (angezeigt in { $zone }).
id-error-title = { $kind ->
    [source] Unbekannter Kalender
    [group] Unbekannte Arbeitsgruppe
   *[series] Unbekannte Reihe
}
id-error-asked = { $kind ->
    [source] Es gibt keinen Kalender mit der ID { $id } (in { $param }).
    [group] Es gibt keine Arbeitsgruppe mit der ID { $id } (in { $param }).
   *[series] Es gibt keine Reihe mit der ID { $id } (in { $param }).
}
id-error-none = { $kind ->
    [source] Diese Community hat keinen Kalender zur Auswahl.
    [group] Diese Community hat keine Arbeitsgruppe zur Auswahl.
   *[series] Diese Community hat keine Reihe zur Auswahl.
}
id-error-choose = Wählen Sie eine der folgenden Möglichkeiten:
id-error-back = { $link }.
id-error-back-link = Zurück zum gesamten Kalender

## Feed health
health-title = Feed-Status
health-intro = Externe Kalender, denen diese Seite folgt, und wie ihre letzte Aktualisierung verlief, Stand { $time }.
health-no-sources = Diese Community folgt keinen externen Kalendern.
health-channels = Ankündigungskanäle
health-channels-intro = Wohin Erinnerungen und Änderungshinweise gehen und wie die letzten Sendungen verliefen.
health-ok = OK
health-stale = Fehler: Die letzte gültige Kopie wird angezeigt
health-error = Fehler: Noch keine gültige Kopie
health-pending = Noch nicht abgerufen
health-channel-failing = Fehler: Nachrichten werden erneut gesendet
health-feed = Feed
health-file = Datei { $path }
health-last-success = Letzter Erfolg
health-last-attempt = Letzter Versuch
health-last-sent = Zuletzt gesendet
health-never = nie
health-next-try = Nächster Versuch
health-due-now = jetzt fällig
health-next-try-start = sobald die Aktualisierung startet
health-last-error = Letzter Fehler
health-no-error = keiner
health-waiting = Wartend
health-contents = Inhalt

## How long ago, how soon (within a minute; the rest is when.rs)
ago-just-now = gerade eben
ago-soon = in weniger als einer Minute

## ---- home -------------------------------------------------------------------

# The home page (html/home.rs) and its "Next up" (html/next_up.rs).

## Sections
home-meetings = Meetings
home-groups = Arbeitsgruppen
home-calendar = Kalender
home-calendar-days = Die nächsten { $days } Tage.
home-calendar-all = { $link }.
home-calendar-all-link = Alle Kalenderansichten
home-calendar-empty = Keine Meetings in den nächsten { $days } Tagen.
home-other = Weitere interessante Kalender
home-more-series = { $count ->
    [one] Und { $count } weitere Reihe: siehe { $link }.
   *[other] Und { $count } weitere Reihen: siehe { $link }.
}
home-more-groups = { $count ->
    [one] Und { $count } weitere Gruppe: siehe { $link }.
   *[other] Und { $count } weitere Gruppen: siehe { $link }.
}
home-more-upcoming = Und { $count } weitere in diesen { $days } Tagen: siehe { $link }.
home-more-calendar-link = den Kalender
home-more-groups-link = alle Arbeitsgruppen

## Descriptions
home-about-shared = Über { $titles }
home-about-meeting = Über dieses Meeting
home-list-separator = {", "}
home-list-and = { $first } und { $last }

## Outside calendars
home-source-stale = Die letzte gültige Kopie wird angezeigt: Die letzte Aktualisierung ist fehlgeschlagen.
home-source-error = Noch nicht verfügbar: Der Feed konnte nicht gelesen werden.
home-source-pending = Noch nicht abgerufen.
home-source-in-calendar = Im Kalender
home-source-original = Ursprünglicher Feed

## Next up
home-next-up = Als Nächstes
home-next-up-ended = Diese Meetings sind vorbei.
home-next-up-reload = Neu laden für die nächsten
home-add-to-calendar = Zum Kalender hinzufügen:
home-countdown-now = läuft gerade
home-countdown-ended = beendet
home-countdown-minutes = in { $minutes } Min.
home-countdown-hours = in { $hours } Std.
home-countdown-hours-minutes = in { $hours } Std. { $minutes } Min.
home-countdown-days = { $days ->
    [one] in { $days } Tag
   *[other] in { $days } Tagen
}
home-countdown-day-hours = in 1 Tag { $hours } Std.

## ---- calendar ---------------------------------------------------------------

# Der Kalender (html/calendar.rs, html/week.rs). Datums- und Zeitangaben schreibt when.rs.

## The page
cal-title = Kalender
cal-page-title = Kalender: { $period }
cal-views-label = Kalenderansichten
cal-view-agenda = Terminübersicht
cal-view-week = Woche
cal-view-month = Monat
cal-earlier = ← Früher
cal-later = Später →
cal-today = Heute
cal-times-in = Zeiten in { $zone }
cal-times-in-after-today = Zeiten in { $zone }
cal-week-of = Woche ab { $date }
cal-week-from = 7 Tage ab { $date }
cal-too-many = In diesem Zeitraum gibt es mehr als { $max } Treffen; nur die ersten { $max } werden angezeigt. Wählen Sie weniger Kalender oder Gruppen aus, um den Rest zu sehen.

## Filters
cal-filter-calendars = Kalender
cal-filter-groups = Arbeitsgruppen
cal-source-community = Treffen von { $community }
cal-filter-group-idle = (keine geplanten Treffen)
cal-filter-apply = Filtern
cal-filter-show-all = Alle anzeigen
cal-filter-hint = Ausgewählte Kalender und Gruppen werden zusammen angezeigt.
cal-filter-one-label = Einen Kalender oder eine Gruppe anzeigen
cal-filter-calendars-list = Kalender: { $links }
cal-filter-all = Alle
cal-filter-groups-list = Arbeitsgruppen: { $links }
cal-filter-one-hint = Diese Kopie der Website zeigt jeweils einen Kalender oder eine Gruppe.

## Empty periods
cal-empty = Keine Termine in diesem Zeitraum.
cal-empty-filtered = Keine Termine in diesem Zeitraum für die ausgewählten Kalender und Gruppen.
cal-group-idle = { $group } hat keine geplanten Treffen.

## Agenda and month
cal-all-day = Ganztägig
cal-more = +{ $count } weitere
cal-more-on = am { $date }

## Week
cal-week-scroll-cue = Seitwärts scrollen, um alle Tage der Woche zu sehen →
cal-week-grid-label = Woche, Stunde für Stunde
cal-week-clocks-change = Zeitumstellung: { $hours } Stunden
cal-week-day-empty = Keine Treffen.

## Errors in the address
cal-error-view = Es gibt keine Kalenderansicht namens { $value }: Verwenden Sie agenda, week oder month.
cal-error-date = { $value } ist kein Datum: Schreiben Sie es als JJJJ-MM-TT, z. B. 2026-12-03.

## ---- planner ----------------------------------------------------------------

# Der Zeitplaner (html/planner/).

## The page
planner-title = Zeitplaner
planner-intro = Sehen Sie ein Treffen in mehreren Städten zugleich, Stunde für Stunde. Die Arbeitszeit – 09:00 bis 18:00 Uhr Ortszeit, Montag bis Freitag – ist hinterlegt, die Startzeiten, die den meisten Städten passen, werden vorgeschlagen, und die kommenden Wochen, in denen Zeitumstellungen das Treffen für einige Städte verschieben, werden aufgelistet.
planner-credit = Städtenamen und Zeitzonen: { $geonames } (CC BY 4.0).

## The meeting form
planner-meeting = Treffen
planner-any-time = Beliebiges Datum und Uhrzeit (unten)
planner-date-time = Datum und Uhrzeit
planner-zone = Zeitzone
planner-show = Anzeigen
planner-meeting-at = { $date }, { $time } Uhr { $zone }
planner-unknown-cities = Unbekannte Städte ausgelassen: { $cities }. Fügen Sie sie unten über ihren Namen hinzu oder geben Sie Zeitzonen wie Europe/Berlin an.

## Local times
planner-gap-headline = { $time } gibt es am { $date } in { $zone } nicht
planner-gap = { $headline }: Die Uhren springen dort von { $before } auf { $after }. Das Treffen beginnt dann um { $actual } (um die Zeitumstellung verschoben).
planner-fold-headline = { $time } gibt es am { $date } in { $zone } zweimal
planner-fold = { $headline }: zuerst bei { $before }, dann bei { $after }, nachdem die Uhren zurückgestellt wurden. Der Plan verwendet das erste Mal.

## The plan
planner-next = Nächstes Treffen: { $when } in { $zone }.
planner-next-elsewhere = Nächstes Treffen: { $when } in { $zone } · { $time } { $meeting_zone } (Zeitzone des Treffens).
planner-day-times = { $day }, { $from }–{ $to }
planner-share = { $link } (alles steht in der Adresse).
planner-share-link = Link zu diesem Plan
planner-scroll-hint = Tabelle seitwärts scrollen für weitere Stunden →
planner-caption = Die Ortszeit jeder Stadt in jeder Spalte; die Spalten sind Stunden in { $zone }, und ein Link in jeder Spaltenüberschrift wählt diese Stunde.
planner-hour-in = Stunde in { $zone }
planner-pick-hour = { $date } wählen, Stunde
planner-remove = { $city } entfernen
planner-fit-work = Arbeitszeit
planner-fit-edge = Außerhalb der Arbeitszeit
planner-fit-night = Nacht
planner-hours = { $hours } Std.
planner-minutes = { $minutes } Min.
planner-hours-minutes = { $hours } Std. { $minutes } Min.
planner-change-forward = Die Uhren werden am { $date } um { $time } um { $amount } vorgestellt ({ $before } → { $after })
planner-change-back = Die Uhren werden am { $date } um { $time } um { $amount } zurückgestellt ({ $before } → { $after })
planner-key-work = Arbeitszeit (09:00–18:00 Uhr Ortszeit, Montag bis Freitag)
planner-key-pick = Stunde des Treffens
planner-key-best = vorgeschlagene Stunde
planner-static = Diese Kopie der Website ist statisch: Sie zeigt den Standardplan. Zum Hinzufügen von Städten und Wählen von Stunden braucht es die laufende Website ({ $command }).

## Best start times
planner-best-label = Beste Startzeiten
planner-best = { $label } ({ $count } von { $cities } Städten in der Arbeitszeit), in { $zone }: { $times }.
planner-times-separator = {", "}
planner-best-none = Keine Startzeit in diesen 24 Stunden liegt für eine dieser Städte in der Arbeitszeit.

## Clock changes
planner-changes = Kommende Zeitumstellungen
planner-changes-none = In den nächsten 12 Monaten bleibt das Treffen in allen oben genannten Städten zur gleichen Ortszeit.
planner-changes-intro = Zeitumstellungen verschieben das Treffen für einige Städte an diesen Terminen (verglichen mit dem nächsten Treffen):
planner-clocks-disagree = Uhren weichen ab
planner-date-range = { $from } – { $to }
planner-shift = { $dates } ({ $count } Treffen){ $badge }: { $moves }
planner-moves-separator = {"; "}
planner-moved = { $city } um { $then } statt { $usual }

## Adding a city
planner-add-label = Stadt hinzufügen
planner-add-placeholder = Tokyo, São Paulo, Bangalore…
planner-add = Hinzufügen
planner-added = { $city } hinzugefügt – { $zone }.
planner-several = Mehrere Orte passen zu { $query }. Fügen Sie einen hinzu:
planner-not-found = Keine Stadt oder Zeitzone namens { $query }. Versuchen Sie den englischen Namen der Stadt oder eine Zone wie America/Sao_Paulo.

## Errors
planner-error-at = { $value } ist kein Datum mit Uhrzeit: Schreiben Sie es als JJJJ-MM-TTTHH:MM, z. B. 2027-03-16T17:00.
planner-error-series = Es gibt keine Reihe namens { $series }.
planner-error-no-dates = { $series } hat keine kommenden Termine.
planner-error-zone = Es gibt keine Zeitzone namens { $zone }.

## ---- series -----------------------------------------------------------------

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

## ---- when -------------------------------------------------------------------

# when: dates and times around the CLDR formats of when.rs (relative times, cadences, zones).
when-moved-from = verschoben von { $when }
when-clocks-earlier = { $duration } früher als letztes Mal: Zeitumstellung
when-clocks-later = { $duration } später als letztes Mal: Zeitumstellung
when-clocks-earlier-in = { $duration } früher als letztes Mal: Zeitumstellung in { $place } am { $day }
when-clocks-later-in = { $duration } später als letztes Mal: Zeitumstellung in { $place } am { $day }
when-all-day = { $day }, ganztägig
when-at = { $day }, { $start }
when-span = { $day }, { $start }–{ $end }
when-span-days = { $day }, { $start } – { $end_day }, { $end }
when-range = { $from } – { $to }
when-zone-label = { $zone } ({ $name }, { $offset })
when-zone-label-offset = { $zone } ({ $offset })
when-happening-now = Läuft gerade
when-starts-in-min = Beginnt in { $minutes } Min.
when-starts-in-h = Beginnt in { $hours } Std.
when-starts-in-h-min = Beginnt in { $hours } Std. { $minutes } Min.
when-in-minutes = { $count ->
    [one] in { $count } Minute
   *[other] in { $count } Minuten
  }
when-in-hours = { $count ->
    [one] in { $count } Stunde
   *[other] in { $count } Stunden
  }
when-in-days = { $count ->
    [one] in { $count } Tag
   *[other] in { $count } Tagen
  }
when-ago-minutes = { $count ->
    [one] vor { $count } Minute
   *[other] vor { $count } Minuten
  }
when-ago-hours = { $count ->
    [one] vor { $count } Stunde
   *[other] vor { $count } Stunden
  }
when-ago-days = { $count ->
    [one] vor { $count } Tag
   *[other] vor { $count } Tagen
  }
when-daily = Täglich
when-weekly = Jeden { $days }
when-every-other-week = Jeden zweiten { $days }
when-every-n-weeks = Alle { $count } Wochen am { $days }
when-monthly-nth = Monatlich, { $nth ->
    [-1] letzter
   *[other] { $nth }.
  } { $weekday }
when-monthly-day = Monatlich, am { $day }.
when-shift-later = { $rule }, in Ihrer Zeitzone { $count ->
    [one] einen Tag
   *[other] { $count } Tage
  } später
when-shift-earlier = { $rule }, in Ihrer Zeitzone { $count ->
    [one] einen Tag
   *[other] { $count } Tage
  } früher
when-cadence = { $rule }, { $clock } { $zone }
when-cadence-anchor = { $clock } { $zone }
when-cadence-anchor-days = { $days } { $clock } { $zone }
when-cadence-with-anchor = { $local } ({ $anchor })
when-repeat-every = { $unit ->
    [second] { $count ->
        [1] Jede Sekunde
       *[other] Alle { $count } Sekunden
    }
    [minute] { $count ->
        [1] Jede Minute
       *[other] Alle { $count } Minuten
    }
    [hour] { $count ->
        [1] Stündlich
       *[other] Alle { $count } Stunden
    }
    [day] { $count ->
        [1] Täglich
       *[other] Alle { $count } Tage
    }
    [week] { $count ->
        [1] Wöchentlich
       *[other] Alle { $count } Wochen
    }
    [month] { $count ->
        [1] Monatlich
       *[other] Alle { $count } Monate
    }
   *[year] { $count ->
        [1] Jährlich
       *[other] Alle { $count } Jahre
    }
}
when-list-pair = { $first } und { $last }
when-list-middle = { $first }, { $rest }

## ---- embed ------------------------------------------------------------------


embed-title = Nächste Meetings — { $community }
embed-empty = Keine anstehenden Meetings.
embed-cancelled = Abgesagt
embed-times-in = Zeiten in { $zone }.
embed-all-meetings = Alle Meetings
embed-subscribe = Abonnieren
embed-failed = Die Meetings konnten nicht geladen werden ({ $error }).

## ---- hub --------------------------------------------------------------------


hub-communities = Communitys
hub-summary = { $count ->
    [one] { $count } Community
   *[other] { $count } Communitys
} · { $link }
hub-every-meeting = alle Meetings in einem Kalender
hub-next = Nächste Meetings
hub-no-upcoming = Keine anstehenden Meetings.
hub-feed = Feed
hub-unavailable = Nicht verfügbar: Die Community-Datei enthält Fehler (siehe { $command }).
hub-footer-subscribe = Alle Communitys abonnieren
hub-period-every = Die nächsten vier Wochen aller Communitys.
hub-period-chosen = Die nächsten vier Wochen der ausgewählten Communitys.
hub-nothing = In diesem Zeitraum gibt es nichts.
hub-today = Heute
hub-only-first = Nur die ersten { $count } Meetings werden angezeigt: Wähle Communitys aus, um den Rest zu sehen.
hub-subscribe-these = Diese Communitys abonnieren (iCalendar)
hub-groups-of = Gruppen von { $name }
hub-show = Anzeigen
hub-every-community = Alle Communitys
hub-not-found-title = Nicht gefunden
hub-not-found = Unter dieser Adresse gibt es keine Community und keine Seite.
hub-broken = Die Datei dieser Community enthält Fehler, daher wird sie nicht bereitgestellt; `touchpoint check` listet sie auf.
hub-nothing-to-show = Nichts anzuzeigen
hub-no-such-community = Hier gibt es keine Community „{ $id }“. Die Communitys sind: { $known }.
hub-no-such-id = Keine Community hier hat einen Kalender, eine Serie oder eine Gruppe „{ $id }“.
hub-no-such-id-among = Keine der gewählten Communities ({ $communities }) hat einen Kalender, eine Serie oder eine Gruppe „{ $id }“.
