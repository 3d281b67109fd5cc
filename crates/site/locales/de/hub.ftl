# hub: see crates/site/src/i18n.rs for the file layout.
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
hub-bad-zone-title = Unbekannte Zeitzone
hub-bad-zone = Die angefragte Zeitzone (tz=) ist kein IANA-Zeitzonenname wie Europe/Berlin.
