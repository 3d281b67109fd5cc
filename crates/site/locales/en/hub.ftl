# hub: see crates/site/src/i18n.rs for the file layout.
hub-communities = Communities
# $count communities, then $link: "every meeting in one calendar" as a link.
hub-summary = { $count ->
    [one] { $count } community
   *[other] { $count } communities
} · { $link }
hub-every-meeting = every meeting in one calendar
hub-next = Next meetings
hub-no-upcoming = No upcoming meetings.
hub-feed = Feed
# $command is "touchpoint check", as code.
hub-unavailable = Not available: its community file has errors (see { $command }).
hub-footer-subscribe = Subscribe to every community
hub-period-every = The next four weeks of every community.
hub-period-chosen = The next four weeks of the communities chosen.
hub-nothing = Nothing in this period.
hub-today = Today
hub-only-first = Only the first { $count } meetings are shown: choose communities to see the rest.
hub-subscribe-these = Subscribe to these communities (iCalendar)
hub-groups-of = Groups of { $name }
hub-show = Show
hub-every-community = Every community
