## Navigation
nav-meetings = Reuniones
nav-calendar = Calendario
nav-groups = Grupos de trabajo
nav-planner = Planificador horario

## The language picker
lang-picker-label = Idioma
