### Touchpoint's messages in English: the source every other language's file translates.
### One section per page area; message ids are the same in every language's file.

## ---- site -------------------------------------------------------------------

# The page shell (html/layout.rs, html/mod.rs): navigation, the zone and language pickers,
# the footer, the error pages.

## Navigation
nav-meetings = Meetings
nav-calendar = Calendar
nav-groups = Working groups
nav-planner = Time planner

## The language picker
lang-picker-label = Language
lang-picker-show = Show
# The button's name for screen readers; it holds the word shown on it.
lang-picker-show-name = Show the page in this language

## The head and the shell
site-feed-title = { $name } calendar
site-skip = Skip to content
site-nav-label = Site
# $zone is the zone's name in bold.
site-footer-zone = Times are shown in { $zone }.
site-footer-subscribe = Subscribe to the calendar
site-footer-health = Feed health
site-footer-served = Served by Touchpoint.

## The zone picker
zone-picker-label = Time zone
zone-picker-show = Show
# The button's name for screen readers; it holds the word shown on it.
zone-picker-show-name = Show the times in this time zone
# A shared link's zone; $zone is "Tokyo time", in bold.
zone-shared = Shown in { $zone }
zone-use-mine = use my zone

## Occurrences in lists, shared by every page
cancelled = Cancelled
# A badge beside an extra meeting of a series (one added on top of the regular ones).
extra-meeting = Extra meeting
no-upcoming-dates = No upcoming dates.
join = Join
join-register = Register to join
# $window is a duration: "15 minutes".
join-later = Join link here { $window } before the start
join-near-start = Join link shown on this site { $window } before each meeting
join-contact = Contact
join-contact-lower = contact
join-ask = Ask for the join link
join-unpublished = Join link not published
duration-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
duration-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
link-agenda = Agenda
link-notes = Notes
link-recordings = Recordings
link-recording = Recording
# For screen readers, after "Agenda"; $date is YYYY-MM-DD.
link-of-date = of { $date }
# For screen readers, after ".ics"; $date is YYYY-MM-DD.
ics-for-date = for { $date }

## An outside calendar's event in full
details = Details
details-of = of { $title }
details-where = Where: { $place }
details-event-page = Event page
details-outside = Other calendars' events in this view

## Subscribe
subscribe = Subscribe
# The service's own name in each language ("Google カレンダー", "Google Agenda").
google-calendar = Google Calendar
subscribe-to = to { $name }
subscribe-webcal = Apple Calendar, Outlook desktop, Thunderbird
subscribe-microsoft-365 = Microsoft 365 (work or school)
subscribe-other-app = Any other app: subscribe to this address
subscribe-copy = Copy
# The Copy button once the address is on the clipboard.
subscribe-copied = Copied
subscribe-download = Download a one-time copy (.ics)
subscribe-download-note = it will not show later changes
# $base_url and $trust_forwarded are the options' names.
subscribe-no-address = This server does not know its public address, so it cannot offer a subscription link (its operator sets { $base_url }, or { $trust_forwarded } behind a proxy).
# $link is "Download a one-time copy (.ics)", linked.
subscribe-no-address-download = { $link }, which will not update.

## Error pages
error-back-home = Back to the meetings page
error-bad-params-title = Cannot show this page
not-found-title = Not found
not-found-text = There is no page at this address.
zone-error-title = Unknown time zone
zone-error-asked = There is no time zone called { $zone }.
zone-error-help = Write an IANA time-zone name, Area/City, such as { $first }, { $second }, { $third } or { $last }.
zone-error-suggestions = Did you mean:
# $link is "Back to the meetings page", linked; $zone the community's zone.
zone-error-back = { $link } (shown in { $zone }).
# $kind is source (a calendar), group (a working group) or series.
id-error-title = { $kind ->
    [source] Unknown calendar
    [group] Unknown working group
   *[series] Unknown series
}
id-error-asked = { $kind ->
    [source] There is no calendar with the id { $id } (in { $param }).
    [group] There is no working group with the id { $id } (in { $param }).
   *[series] There is no series with the id { $id } (in { $param }).
}
id-error-none = { $kind ->
    [source] This community has no calendar to choose.
    [group] This community has no working group to choose.
   *[series] This community has no series to choose.
}
id-error-choose = Choose one of these:
id-error-back = { $link }.
id-error-back-link = Back to the whole calendar

## Feed health
health-title = Feed health
# $time is the exact time.
health-intro = Outside calendars this page follows, and how their last refresh went, as of { $time }.
health-no-sources = This community follows no outside calendars.
health-channels = Announcement channels
health-channels-intro = Where reminders and change notices go, and how the last sends went.
health-ok = OK
health-stale = Failing: the last good copy is shown
health-error = Failing: no good copy yet
health-pending = Not fetched yet
health-channel-failing = Failing: messages are retried
health-feed = Feed
health-file = File { $path }
health-last-success = Last success
health-last-attempt = Last attempt
health-last-sent = Last sent
health-never = never
health-next-try = Next try
health-due-now = due now
health-next-try-start = as soon as the refresher starts
health-last-error = Last error
health-no-error = none
health-waiting = Waiting
health-contents = Contents

## How long ago, how soon (within a minute; the rest is when.rs)
ago-just-now = just now
ago-soon = in under a minute

## ---- home -------------------------------------------------------------------

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

## ---- calendar ---------------------------------------------------------------

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

## ---- planner ----------------------------------------------------------------

# The time planner (html/planner/). Dates, clocks and UTC offsets are not messages.

## The page
planner-title = Time planner
planner-intro = See a meeting in several cities at once, hour by hour. Working hours — 09:00 to 18:00 local time, Monday to Friday — are shaded, the start times that suit the most cities are suggested, and the coming weeks when daylight-saving changes move the meeting for some cities are listed.
# $geonames is a link to GeoNames.
planner-credit = City names and zones: { $geonames } (CC BY 4.0).

## The meeting form
planner-meeting = Meeting
planner-any-time = Any date and time (below)
planner-date-time = Date and time
planner-zone = In zone
planner-show = Show
# A date and time chosen in the form: $date such as "Thu 3 Dec 2026", $time such as 17:00.
planner-meeting-at = { $date }, { $time } { $zone }
# $cities: what the address named that is no city or zone, comma-separated.
planner-unknown-cities = Unknown cities left out: { $cities }. Add them by name below, or write zones such as Europe/Berlin.

## Local times that do not exist or happen twice; $before, $after: UTC offsets such as UTC−5.
planner-gap-headline = { $time } does not exist in { $zone } on { $date }
# $headline is planner-gap-headline, in bold; $actual a clock time, in bold.
planner-gap = { $headline }: clocks jump from { $before } to { $after } over it. The meeting is then at { $actual } (moved forward by the gap).
planner-fold-headline = { $time } happens twice in { $zone } on { $date }
planner-fold = { $headline }: first at { $before }, then at { $after } after clocks go back. The plan takes the first.

## The plan
# $when: date and clock times, in bold; $zone: the viewer's zone name.
planner-next = Next: { $when } in { $zone }.
# $time and $meeting_zone: the start in the meeting's own zone.
planner-next-elsewhere = Next: { $when } in { $zone } · { $time } { $meeting_zone } (the meeting's zone).
# $day such as "Thu 3 Dec 2026"; $from and $to: clock times.
planner-day-times = { $day }, { $from }–{ $to }
# $link is planner-share-link as a link.
planner-share = { $link } (everything is in the address).
planner-share-link = Link to this plan
planner-scroll-hint = Scroll the table sideways for more hours →
planner-caption = Each city's local hour in each column; the columns are hours in { $zone }, and a link in each column's heading picks that hour.
planner-hour-in = Hour in { $zone }
# Read by screen readers before a column's hour ("14"): $date such as "Tue 1 Dec".
planner-pick-hour = Pick { $date }, hour
planner-remove = Remove { $city }
planner-fit-work = Working hours
planner-fit-edge = Outside working hours
planner-fit-night = Night
# How far clocks move.
planner-hours = { $hours } h
planner-minutes = { $minutes } min
planner-hours-minutes = { $hours } h { $minutes } min
# $amount: planner-hours and the like; $date such as "Sun 14 Mar"; $time such as 02:00.
planner-change-forward = Clocks go forward { $amount } on { $date } at { $time } ({ $before } → { $after })
planner-change-back = Clocks go back { $amount } on { $date } at { $time } ({ $before } → { $after })
# The legend after each colour key.
planner-key-work = working hours (09:00–18:00 local, Monday to Friday)
planner-key-pick = the meeting's hour
planner-key-best = a suggested hour
# $command is the command, as code.
planner-static = This copy of the site is static: it shows the default plan. Adding cities and picking hours need the served site ({ $command }).

## Best start times
planner-best-label = Best start times
# $label is planner-best-label, in bold; $count of $cities cities; $times: links, planner-times-separator between.
planner-best = { $label } ({ $count } of { $cities } cities inside working hours), in { $zone }: { $times }.
planner-times-separator = {", "}
planner-best-none = No start time in these 24 hours puts any of these cities inside working hours.

## Clock changes
planner-changes = Coming clock changes
planner-changes-none = In the next 12 months the meeting stays at the same local time in every city above.
planner-changes-intro = Daylight-saving changes move the meeting for some cities on these dates (compared with the next meeting):
planner-clocks-disagree = Clocks disagree
# Two dates, both included.
planner-date-range = { $from } – { $to }
# $dates: a date or a range, in bold; $badge: planner-clocks-disagree or nothing; $moves: planner-moved
# for each city, planner-moves-separator between.
planner-shift = { $dates } ({ $count ->
    [one] { $count } meeting
   *[other] { $count } meetings
}){ $badge }: { $moves }
planner-moves-separator = {"; "}
# $then, in bold, and $usual: clock times.
planner-moved = { $city } at { $then } instead of { $usual }

## Adding a city
planner-add-label = Add a city
# City names the search knows (GeoNames' names, in Latin script).
planner-add-placeholder = Tokyo, São Paulo, Bangalore…
planner-add = Add
planner-added = Added { $city } — { $zone }.
# $query: what was typed, in bold.
planner-several = Several places match { $query }. Add one:
planner-not-found = No city or time zone called { $query }. Try the city's English name, or a zone such as America/Sao_Paulo.

## Errors; $value, $series and $zone are quoted. The date's form is what the address takes.
planner-error-at = { $value } is not a date and time: write it as YYYY-MM-DDTHH:MM, e.g. 2027-03-16T17:00.
planner-error-series = There is no series called { $series }.
planner-error-no-dates = { $series } has no coming dates.
planner-error-zone = There is no time zone called { $zone }.

## ---- series -----------------------------------------------------------------

# Series and working-group pages (html/series.rs, html/groups.rs, the group cards).

## A series
series-across-zones = See it across time zones
# $group is the working group's name, linked.
series-part-of = Part of the { $group }.
series-add-alone = Each date below can also be added alone.
series-next-dates = Next dates
series-past-dates = Past dates
series-no-past-dates = No past dates in the last year.

## The working groups
groups-title = Working groups
# $zone is the IANA name of the zone times are shown in.
groups-intro = Working groups are open to everyone. Each card links the group's repository, mailing list and chat, and shows its next meeting in { $zone }.
groups-none = This community has no working groups yet.
groups-breadcrumb = Breadcrumb
groups-home = Home
groups-no-meetings = This group has no scheduled meetings.
groups-past = Past meetings
groups-no-past = No meetings in the last year.

## A group's card
group-repository = Repository
group-mailing-list = Mailing list
group-chat = Chat
group-calendar = Calendar
group-meets = Meets
group-meetings = Meetings
group-no-meetings = No scheduled meetings
group-next-meeting = Next meeting

## ---- when -------------------------------------------------------------------

# when: dates and times around the CLDR formats of when.rs (relative times, cadences, zones).
when-moved-from = moved from { $when }
# A regular meeting that starts at another time on the reader's clock than the one before
# because clocks changed (summer time) in the reader's zone or the meeting's: it did not move.
# $duration: "1 hour", "30 minutes" (duration-hours, duration-minutes).
when-clocks-earlier = { $duration } earlier than last time: clocks changed
when-clocks-later = { $duration } later than last time: clocks changed
# The same, naming where and when the clocks changed: $place "New York", $day "Sun 14 Mar".
when-clocks-earlier-in = { $duration } earlier than last time: clocks changed in { $place } on { $day }
when-clocks-later-in = { $duration } later than last time: clocks changed in { $place } on { $day }
when-all-day = { $day }, all day
when-at = { $day }, { $start }
when-span = { $day }, { $start }–{ $end }
when-span-days = { $day }, { $start } – { $end_day }, { $end }
when-range = { $from } – { $to }
when-zone-label = { $zone } ({ $name }, { $offset })
when-zone-label-offset = { $zone } ({ $offset })
when-happening-now = Happening now
when-starts-in-min = Starts in { $minutes } min
when-starts-in-h = Starts in { $hours } h
when-starts-in-h-min = Starts in { $hours } h { $minutes } min
when-in-minutes = { $count ->
    [one] in { $count } minute
   *[other] in { $count } minutes
  }
when-in-hours = { $count ->
    [one] in { $count } hour
   *[other] in { $count } hours
  }
when-in-days = { $count ->
    [one] in { $count } day
   *[other] in { $count } days
  }
when-ago-minutes = { $count ->
    [one] { $count } minute ago
   *[other] { $count } minutes ago
  }
when-ago-hours = { $count ->
    [one] { $count } hour ago
   *[other] { $count } hours ago
  }
when-ago-days = { $count ->
    [one] { $count } day ago
   *[other] { $count } days ago
  }
when-daily = Daily
when-weekly = Every { $days }
when-every-other-week = Every other { $days }
when-every-n-weeks = Every { $count } weeks on { $days }
when-monthly-nth = Monthly, { $nth ->
    [-1] last
    [1] 1st
    [2] 2nd
    [3] 3rd
   *[other] { $nth }th
  } { $weekday }
when-monthly-day = Monthly, day { $day }
when-shift-later = { $rule }, { $count ->
    [one] a day
   *[other] { $count } days
  } later in your zone
when-shift-earlier = { $rule }, { $count ->
    [one] a day
   *[other] { $count } days
  } earlier in your zone
when-cadence = { $rule }, { $clock } { $zone }
when-cadence-anchor = { $clock } { $zone }
when-cadence-anchor-days = { $days } { $clock } { $zone }
# A cadence and, where it reads differently, the same in the series' own zone.
when-cadence-with-anchor = { $local } ({ $anchor })
# A raw RRULE no friendly form can say: its frequency ($unit: second, minute, hour, day,
# week, month, year) and every how many ($count, 1 for every one).
when-repeat-every = { $unit ->
    [second] { $count ->
        [1] Every second
       *[other] Every { $count } seconds
    }
    [minute] { $count ->
        [1] Every minute
       *[other] Every { $count } minutes
    }
    [hour] { $count ->
        [1] Hourly
       *[other] Every { $count } hours
    }
    [day] { $count ->
        [1] Daily
       *[other] Every { $count } days
    }
    [week] { $count ->
        [1] Weekly
       *[other] Every { $count } weeks
    }
    [month] { $count ->
        [1] Monthly
       *[other] Every { $count } months
    }
   *[year] { $count ->
        [1] Yearly
       *[other] Every { $count } years
    }
}
when-list-pair = { $first } and { $last }
when-list-middle = { $first }, { $rest }

## ---- embed ------------------------------------------------------------------


embed-title = Upcoming meetings — { $community }
embed-empty = No upcoming meetings.
embed-cancelled = Cancelled
embed-times-in = Times in { $zone }.
embed-all-meetings = All meetings
embed-subscribe = Subscribe
# The web component's list could not be loaded; $error is the reason (technical, as given).
embed-failed = Meetings could not be loaded ({ $error }).

## ---- hub --------------------------------------------------------------------


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
hub-nothing-to-show = Nothing to show
# $known: the ids of the communities this hub serves, comma-separated.
hub-no-such-community = There is no community “{ $id }” here. The communities are: { $known }.
hub-no-such-id = No community here has a calendar, series or group “{ $id }”.
hub-no-such-id-among = None of the chosen communities ({ $communities }) has a calendar, series or group “{ $id }”.
