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
