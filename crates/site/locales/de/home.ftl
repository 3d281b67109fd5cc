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
