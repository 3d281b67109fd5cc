## Navigation
nav-meetings = Treffen
nav-calendar = Kalender
nav-groups = Arbeitsgruppen
nav-planner = Zeitplaner

## The language picker
lang-picker-label = Sprache
