## Navigation
nav-meetings = Treffen
nav-calendar = Kalender
nav-groups = Arbeitsgruppen
nav-planner = Zeitplaner

## The language picker
lang-picker-label = Sprache
lang-picker-show = Anzeigen

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
zone-shared = Angezeigt in { $zone }
zone-use-mine = meine Zeitzone verwenden

## Occurrences in lists, shared by every page
cancelled = Abgesagt
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
