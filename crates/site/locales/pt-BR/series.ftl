# Series and working-group pages (html/series.rs, html/groups.rs, the group cards).

## A series
series-across-zones = Ver em outros fusos horários
series-part-of = Faz parte de { $group }.
series-add-alone = Cada data abaixo também pode ser adicionada sozinha.
series-next-dates = Próximas datas
series-past-dates = Datas anteriores
series-no-past-dates = Nenhuma data no último ano.

## The working groups
groups-title = Grupos de trabalho
groups-intro = Os grupos de trabalho são abertos a todos. Cada cartão traz links para o repositório, a lista de e-mails e o chat do grupo, e mostra a próxima reunião em { $zone }.
groups-none = Esta comunidade ainda não tem grupos de trabalho.
groups-breadcrumb = Trilha de navegação
groups-home = Início
groups-no-meetings = Este grupo não tem reuniões agendadas.
groups-past = Reuniões anteriores
groups-no-past = Nenhuma reunião no último ano.

## A group's card
group-repository = Repositório
group-mailing-list = Lista de e-mails
group-chat = Chat
group-calendar = Agenda
group-meets = Reúne-se
group-meetings = Reuniões
group-no-meetings = Nenhuma reunião agendada
group-next-meeting = Próxima reunião
