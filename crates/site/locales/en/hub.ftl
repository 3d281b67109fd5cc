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
hub-not-found-title = Not found
hub-not-found = There is no community or page at this address.
hub-broken = This community's file has errors, so it is not served; `touchpoint check` lists them.
hub-bad-zone-title = Unknown time zone
hub-bad-zone = The time zone asked for (tz=) is not an IANA zone name such as Europe/Berlin.
