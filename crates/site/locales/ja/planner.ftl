# タイムプランナー（html/planner/）。

## The page
planner-title = タイムプランナー
planner-intro = 1つのミーティングを複数の都市の時刻で1時間ごとに並べて表示します。勤務時間（現地時間の月曜～金曜9:00～18:00）は色付きで示し、最も多くの都市で勤務時間内になる開始時刻を提案します。夏時間の切り替えで一部の都市の時刻が変わる今後の週も一覧にします。
planner-credit = 都市名とタイムゾーン：{ $geonames }（CC BY 4.0）

## The meeting form
planner-meeting = ミーティング
planner-any-time = 任意の日時（下で指定）
planner-date-time = 日時
planner-zone = タイムゾーン
planner-show = 表示
planner-meeting-at = { $date } { $time }（{ $zone }）
planner-unknown-cities = 不明な都市を除外しました：{ $cities }。下で名前を入力して追加するか、Europe/Berlinのようなタイムゾーンを指定してください。

## Local times
planner-gap-headline = { $date }の{ $zone }に{ $time }は存在しません
planner-gap = { $headline }：この時刻に時計が{ $before }から{ $after }へ進みます。ミーティングは{ $actual }になります（切り替え分だけ後ろにずれます）。
planner-fold-headline = { $date }の{ $zone }では{ $time }が2回あります
planner-fold = { $headline }：1回目は{ $before }、時計が戻った後の2回目は{ $after }です。このプランでは1回目を使います。

## The plan
planner-next = 次回：{ $when }（{ $zone }）。
planner-next-elsewhere = 次回：{ $when }（{ $zone }）・{ $meeting_zone }では{ $time }（ミーティングのタイムゾーン）。
planner-day-times = { $day } { $from }～{ $to }
planner-share = { $link }（設定はすべてアドレスに含まれます）
planner-share-link = このプランへのリンク
planner-scroll-hint = 表を横にスクロールすると他の時間帯が表示されます →
planner-caption = 各列に各都市の現地時刻を示します。列は{ $zone }の時刻で、列見出しのリンクでその時刻を選択できます。
planner-hour-in = { $zone }の時刻
planner-pick-hour = { $date }の時刻を選択：
planner-remove = { $city }を削除
planner-fit-work = 勤務時間内
planner-fit-edge = 勤務時間外
planner-fit-night = 夜間
planner-hours = { $hours }時間
planner-minutes = { $minutes }分
planner-hours-minutes = { $hours }時間{ $minutes }分
planner-change-forward = { $date }の{ $time }に時計が{ $amount }進みます（{ $before }→{ $after }）
planner-change-back = { $date }の{ $time }に時計が{ $amount }戻ります（{ $before }→{ $after }）
planner-key-work = 勤務時間（現地時間の月曜～金曜9:00～18:00）
planner-key-pick = ミーティングの時刻
planner-key-best = おすすめの時刻
planner-static = このサイトのコピーは静的なため、既定のプランのみを表示します。都市の追加や時刻の選択には、サーバーで動作するサイト（{ $command }）が必要です。

## Best start times
planner-best-label = おすすめの開始時刻
planner-best = { $label }（{ $cities }都市中{ $count }都市が勤務時間内、{ $zone }の時刻）：{ $times }
planner-times-separator = 、
planner-best-none = この24時間には、これらの都市のどこかが勤務時間内になる開始時刻がありません。

## Clock changes
planner-changes = 今後の時刻の切り替え
planner-changes-none = 今後12か月間、上のすべての都市でミーティングの現地時刻は変わりません。
planner-changes-intro = 夏時間の切り替えにより、次の日程では一部の都市でミーティングの時刻が変わります（次回のミーティングとの比較）：
planner-clocks-disagree = 時差が変化
planner-date-range = { $from }～{ $to }
planner-shift = { $dates }（{ $count }回）{ $badge }：{ $moves }
planner-moves-separator = 、
planner-moved = { $city }は{ $usual }ではなく{ $then }

## Adding a city
planner-add-label = 都市を追加
planner-add-placeholder = Tokyo、São Paulo、Bangalore…
planner-add = 追加
planner-added = { $city }（{ $zone }）を追加しました。
planner-several = { $query }に一致する場所が複数あります。1つ選んで追加してください：
planner-not-found = { $query }という都市やタイムゾーンは見つかりません。都市の英語名か、America/Sao_Pauloのようなタイムゾーンを入力してください。

## Errors
planner-error-at = { $value }は日時ではありません。YYYY-MM-DDTHH:MMの形式（例：2027-03-16T17:00）で指定してください。
planner-error-series = { $series }というシリーズはありません。
planner-error-no-dates = { $series }には今後の予定がありません。
planner-error-zone = { $zone }というタイムゾーンはありません。
