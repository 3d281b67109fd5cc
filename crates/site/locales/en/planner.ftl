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
