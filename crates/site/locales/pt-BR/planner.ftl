# O planejador de horários (html/planner/).

## The page
planner-title = Planejador de horários
planner-intro = Veja uma reunião em várias cidades ao mesmo tempo, hora a hora. O horário comercial (das 09:00 às 18:00 no horário local, de segunda a sexta) aparece sombreado, os horários de início que atendem mais cidades são sugeridos e as próximas semanas em que mudanças de horário de verão alteram a reunião para algumas cidades são listadas.
planner-credit = Nomes de cidades e fusos: { $geonames } (CC BY 4.0).

## The meeting form
planner-meeting = Reunião
planner-any-time = Qualquer data e hora (abaixo)
planner-date-time = Data e hora
planner-zone = Fuso horário
planner-show = Mostrar
planner-meeting-at = { $date }, { $time } ({ $zone })
planner-unknown-cities = Cidades desconhecidas deixadas de fora: { $cities }. Adicione-as pelo nome abaixo ou escreva fusos como Europe/Berlin.

## Local times
planner-gap-headline = { $time } não existe em { $zone } em { $date }
planner-gap = { $headline }: os relógios pulam de { $before } para { $after } nesse momento. A reunião passa então para { $actual } (deslocada pelo salto).
planner-fold-headline = { $time } acontece duas vezes em { $zone } em { $date }
planner-fold = { $headline }: primeiro em { $before }, depois em { $after }, quando os relógios são atrasados. O plano usa a primeira.

## The plan
planner-next = Próxima reunião: { $when } em { $zone }.
planner-next-elsewhere = Próxima reunião: { $when } em { $zone } · { $time } { $meeting_zone } (o fuso da reunião).
planner-day-times = { $day }, { $from }–{ $to }
planner-share = { $link } (tudo está no endereço).
planner-share-link = Link para este plano
planner-scroll-hint = Role a tabela para o lado para ver mais horas →
planner-caption = A hora local de cada cidade em cada coluna; as colunas são horas em { $zone }, e um link no cabeçalho de cada coluna escolhe essa hora.
planner-hour-in = Hora em { $zone }
planner-pick-hour = Escolher { $date }, hora
planner-remove = Remover { $city }
planner-fit-work = Horário comercial
planner-fit-edge = Fora do horário comercial
planner-fit-night = Noite
planner-hours = { $hours } h
planner-minutes = { $minutes } min
planner-hours-minutes = { $hours } h { $minutes } min
planner-change-forward = Os relógios adiantam { $amount } em { $date } às { $time } ({ $before } → { $after })
planner-change-back = Os relógios atrasam { $amount } em { $date } às { $time } ({ $before } → { $after })
planner-key-work = horário comercial (09:00–18:00 no horário local, de segunda a sexta)
planner-key-pick = a hora da reunião
planner-key-best = uma hora sugerida
planner-static = Esta cópia do site é estática: mostra o plano padrão. Adicionar cidades e escolher horas exige o site em execução ({ $command }).

## Best start times
planner-best-label = Melhores horários de início
planner-best = { $label } ({ $count } de { $cities } cidades em horário comercial), em { $zone }: { $times }.
planner-times-separator = {", "}
planner-best-none = Nenhum horário de início nestas 24 horas coloca alguma destas cidades em horário comercial.

## Clock changes
planner-changes = Próximas mudanças de horário
planner-changes-none = Nos próximos 12 meses, a reunião fica no mesmo horário local em todas as cidades acima.
planner-changes-intro = Mudanças de horário de verão alteram a reunião para algumas cidades nestas datas (em comparação com a próxima reunião):
planner-clocks-disagree = Relógios divergem
planner-date-range = de { $from } a { $to }
planner-shift = { $dates } ({ $count ->
    [one] { $count } reunião
   *[other] { $count } reuniões
}){ $badge }: { $moves }
planner-moves-separator = {"; "}
planner-moved = { $city } às { $then } em vez de { $usual }

## Adding a city
planner-add-label = Adicionar uma cidade
planner-add-placeholder = Tokyo, São Paulo, Bangalore…
planner-add = Adicionar
planner-added = { $city } adicionada — { $zone }.
planner-several = Vários lugares correspondem a { $query }. Adicione um:
planner-not-found = Nenhuma cidade ou fuso horário chamado { $query }. Tente o nome da cidade em inglês ou um fuso como America/Sao_Paulo.

## Errors
planner-error-at = { $value } não é uma data e hora: escreva no formato AAAA-MM-DDTHH:MM, por exemplo 2027-03-16T17:00.
planner-error-series = Não existe uma série chamada { $series }.
planner-error-no-dates = { $series } não tem datas futuras.
planner-error-zone = Não existe um fuso horário chamado { $zone }.
