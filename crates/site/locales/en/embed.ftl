# embed: see crates/site/src/i18n.rs for the file layout.
embed-title = Upcoming meetings — { $community }
embed-empty = No upcoming meetings.
embed-cancelled = Cancelled
embed-times-in = Times in { $zone }.
embed-all-meetings = All meetings
embed-subscribe = Subscribe
