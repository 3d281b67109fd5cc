## Navigation
nav-meetings = Reuniões
nav-calendar = Calendário
nav-groups = Grupos de trabalho
nav-planner = Planejador de horários

## The language picker
lang-picker-label = Idioma
