# The home page (html/home.rs) and its "Next up" (html/next_up.rs).

## Sections
home-meetings = Meetings
home-groups = Working groups
home-calendar = Calendar
home-calendar-days = The next { $days } days.
# $link is "All calendar views", linked.
home-calendar-all = { $link }.
home-calendar-all-link = All calendar views
home-calendar-empty = No meetings in the next { $days } days.
home-other = Other calendars of interest
# $link is the link's text below, linked.
home-more-series = { $count ->
    [one] And { $count } more series: see { $link }.
   *[other] And { $count } more series: see { $link }.
}
home-more-groups = { $count ->
    [one] And { $count } more group: see { $link }.
   *[other] And { $count } more groups: see { $link }.
}
home-more-upcoming = And { $count } more in these { $days } days: see { $link }.
home-more-calendar-link = the calendar
home-more-groups-link = all working groups

## Descriptions
# $titles is a list of series titles: "A, B and C".
home-about-shared = About the { $titles }
home-about-meeting = About this meeting
home-list-separator = {", "}
home-list-and = { $first } and { $last }

## Outside calendars
home-source-stale = Showing the last good copy: the latest refresh failed.
home-source-error = Not available yet: the feed could not be read.
home-source-pending = Not fetched yet.
home-source-in-calendar = In the calendar
home-source-original = Original feed

## Next up
home-next-up = Next up
home-next-up-ended = These meetings have ended.
home-next-up-reload = Reload for the next ones
home-add-to-calendar = Add to calendar:
home-countdown-now = happening now
home-countdown-ended = ended
home-countdown-minutes = in { $minutes } min
home-countdown-hours = in { $hours } h
home-countdown-hours-minutes = in { $hours } h { $minutes } min
home-countdown-days = { $days ->
    [one] in { $days } day
   *[other] in { $days } days
}
home-countdown-day-hours = in 1 day { $hours } h
