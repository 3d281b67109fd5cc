# The page shell (html/layout.rs, html/mod.rs): navigation, the zone and language pickers,
# the footer, the error pages. Message ids are shared by every language's site.ftl.

## Navigation
nav-meetings = Meetings
nav-calendar = Calendar
nav-groups = Working groups
nav-planner = Time planner

## The language picker
lang-picker-label = Language
lang-picker-show = Show

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
# A shared link's zone; $zone is "Tokyo time", in bold.
zone-shared = Shown in { $zone }
zone-use-mine = use my zone

## Occurrences in lists, shared by every page
cancelled = Cancelled
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
