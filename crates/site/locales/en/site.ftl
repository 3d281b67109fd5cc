# The page shell (html/layout.rs, html/mod.rs): navigation, the zone and language pickers,
# the footer, the error pages. Message ids are shared by every language's site.ftl.

## Navigation
nav-meetings = Meetings
nav-calendar = Calendar
nav-groups = Working groups
nav-planner = Time planner

## The language picker
lang-picker-label = Language
