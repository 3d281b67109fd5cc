# embed: see crates/site/src/i18n.rs for the file layout.
embed-title = Nächste Meetings — { $community }
embed-empty = Keine anstehenden Meetings.
embed-cancelled = Abgesagt
embed-times-in = Zeiten in { $zone }.
embed-all-meetings = Alle Meetings
embed-subscribe = Abonnieren
