# The calendar (html/calendar.rs, html/week.rs): agenda, week and month, their navigation and
# filters. Dates and clocks are not messages: when.rs writes them in the page's language.

## The page
cal-title = Calendar
# The page's <title>: $period is the period's heading (a date range, "Week of …").
cal-page-title = Calendar: { $period }
cal-views-label = Calendar views
cal-view-agenda = Agenda
cal-view-week = Week
cal-view-month = Month
cal-earlier = ← Earlier
cal-later = Later →
cal-today = Today
# $zone is an IANA zone name such as Asia/Tokyo.
cal-times-in = Times in { $zone }
# Follows the "Today" link and a middle dot.
cal-times-in-after-today = times in { $zone }
# $date is a date such as "Mon 30 Nov 2026".
cal-week-of = Week of { $date }
cal-week-from = 7 days from { $date }
cal-too-many = This period has more than { $max } meetings: only the first { $max } are shown. Choose fewer calendars or groups to see the rest.

## Filters
cal-filter-calendars = Calendars
cal-filter-groups = Working groups
# The community's own series among the calendars: $community is the community's name.
cal-source-community = { $community } meetings
cal-filter-group-idle = (no scheduled meetings)
cal-filter-apply = Filter
cal-filter-show-all = Show all
cal-filter-hint = Ticked calendars and groups are shown together.
# The static copy's filters: links to one calendar or group each.
cal-filter-one-label = Show one calendar or group
# $links: "All · Community · Upstream", links.
cal-filter-calendars-list = Calendars: { $links }
cal-filter-all = All
cal-filter-groups-list = Working groups: { $links }
cal-filter-one-hint = This copy of the site shows one calendar or group at a time.

## Empty periods
cal-empty = Nothing in this period.
cal-empty-filtered = Nothing in this period for the calendars and groups ticked.
# $group is a working group's name.
cal-group-idle = { $group } has no scheduled meetings.

## Agenda and month
cal-all-day = All day
# A crowded month cell's link to the rest of the day.
cal-more = +{ $count } more
# Read by screen readers only, after cal-more: $date is a date such as "Tuesday 1 December".
cal-more-on = on { $date }

## Week
cal-week-scroll-cue = Scroll sideways for every day of the week →
cal-week-grid-label = Week, hour by hour
# A day whose clocks change is $hours (23 or 25) hours long.
cal-week-clocks-change = Clocks change: { $hours } hours
cal-week-day-empty = No meetings.

## Errors in the address (the 400 page): $value is the value, quoted. The words agenda, week,
## month and the date's form are what the address takes: keep them as they are.
cal-error-view = There is no calendar view called { $value }: use agenda, week or month.
cal-error-date = { $value } is not a date: write it as YYYY-MM-DD, e.g. 2026-12-03.
