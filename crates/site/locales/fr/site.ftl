## Navigation
nav-meetings = Réunions
nav-calendar = Calendrier
nav-groups = Groupes de travail
nav-planner = Planificateur horaire

## The language picker
lang-picker-label = Langue
