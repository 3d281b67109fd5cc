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
