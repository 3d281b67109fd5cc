
## ---- site -------------------------------------------------------------------

## Navigation
nav-meetings = ミーティング
nav-calendar = カレンダー
nav-groups = ワーキンググループ
nav-planner = タイムプランナー

## The language picker
lang-picker-label = 言語
lang-picker-show = 表示
lang-picker-show-name = この言語でページを表示

## The head and the shell
site-feed-title = { $name }のカレンダー
site-skip = 本文へスキップ
site-nav-label = サイト
site-footer-zone = 時刻はすべて{ $zone }で表示しています。
site-footer-subscribe = カレンダーを購読
site-footer-health = フィードの状態
site-footer-served = Touchpointで配信しています。

## The zone picker
zone-picker-label = タイムゾーン
zone-picker-show = 表示
zone-picker-show-name = このタイムゾーンで時刻を表示
zone-shared = { $zone }で表示中
zone-use-mine = 自分のタイムゾーンで表示

## Occurrences in lists, shared by every page
cancelled = 中止
extra-meeting = 追加の会議
no-upcoming-dates = 今後の予定はありません。
join = 参加
join-register = 登録して参加
join-later = 参加リンクは開始の{ $window }前にここに表示されます
join-near-start = 参加リンクは各ミーティングの{ $window }前にこのサイトに表示されます
join-contact = 問い合わせ
join-contact-lower = 問い合わせ
join-ask = 参加リンクを問い合わせる
join-unpublished = 参加リンクは公開されていません
duration-minutes = { $count }分
duration-hours = { $count }時間
link-agenda = アジェンダ
link-notes = 議事録
link-recordings = 録画
link-recording = 録画
link-of-date = （{ $date }）
ics-for-date = （{ $date }）

## An outside calendar's event in full
details = 詳細
details-of = （{ $title }）
details-where = 場所：{ $place }
details-event-page = イベントページ
details-outside = この表示に含まれる他のカレンダーの予定

## Subscribe
subscribe = 購読
google-calendar = Google カレンダー
subscribe-to = （{ $name }）
subscribe-webcal = Appleカレンダー、Outlookデスクトップ版、Thunderbird
subscribe-microsoft-365 = Microsoft 365（職場または学校）
subscribe-other-app = その他のアプリ：このアドレスを購読してください
subscribe-copy = コピー
subscribe-copied = コピーしました
subscribe-download = 1回限りのコピーをダウンロード（.ics）
subscribe-download-note = 後からの変更は反映されません
subscribe-no-address = このサーバーは自身の公開アドレスを知らないため、購読リンクを提供できません（運営者が{ $base_url }を設定するか、プロキシの背後では{ $trust_forwarded }を設定してください）。
subscribe-no-address-download = { $link }。内容は更新されません。

## Error pages
error-back-home = ミーティングのページに戻る
error-bad-params-title = このページを表示できません
not-found-title = ページが見つかりません
not-found-text = このアドレスにはページがありません。
zone-error-title = 不明なタイムゾーン
zone-error-asked = { $zone }というタイムゾーンはありません。
zone-error-help = IANAのタイムゾーン名（地域/都市）で入力してください。例：{ $first }、{ $second }、{ $third }、{ $last }。
zone-error-suggestions = もしかして：
zone-error-back = { $link }（{ $zone }で表示）。
id-error-title = { $kind ->
    [source] 不明なカレンダー
    [group] 不明なワーキンググループ
   *[series] 不明なシリーズ
}
id-error-asked = { $kind ->
    [source] IDが{ $id }のカレンダーはありません（{ $param }）。
    [group] IDが{ $id }のワーキンググループはありません（{ $param }）。
   *[series] IDが{ $id }のシリーズはありません（{ $param }）。
}
id-error-none = { $kind ->
    [source] このコミュニティには選べるカレンダーがありません。
    [group] このコミュニティには選べるワーキンググループがありません。
   *[series] このコミュニティには選べるシリーズがありません。
}
id-error-choose = 次の中から選んでください：
id-error-back = { $link }。
id-error-back-link = カレンダー全体に戻る

## Feed health
health-title = フィードの状態
health-intro = このページが取り込んでいる外部カレンダーと、直近の更新結果（{ $time }時点）。
health-no-sources = このコミュニティは外部カレンダーを取り込んでいません。
health-channels = お知らせチャンネル
health-channels-intro = リマインダーや変更のお知らせの送信先と、直近の送信結果。
health-ok = 正常
health-stale = 失敗：最後に取得できたコピーを表示しています
health-error = 失敗：まだ正常なコピーがありません
health-pending = まだ取得していません
health-channel-failing = 失敗：メッセージを再送します
health-feed = フィード
health-file = ファイル{ $path }
health-last-success = 最終成功
health-last-attempt = 最終試行
health-last-sent = 最終送信
health-never = なし
health-next-try = 次回の試行
health-due-now = まもなく
health-next-try-start = 更新処理の開始後すぐ
health-last-error = 最新のエラー
health-no-error = なし
health-waiting = 送信待ち
health-contents = 内容

## How long ago, how soon (within a minute; the rest is when.rs)
ago-just-now = たった今
ago-soon = 1分以内

## ---- home -------------------------------------------------------------------

# The home page (html/home.rs) and its "Next up" (html/next_up.rs).

## Sections
home-meetings = ミーティング
home-groups = ワーキンググループ
home-calendar = カレンダー
home-calendar-days = 今後{ $days }日間の予定です。
home-calendar-all = { $link }。
home-calendar-all-link = すべてのカレンダー表示
home-calendar-empty = 今後{ $days }日間にミーティングはありません。
home-other = その他の関連カレンダー
home-more-series = ほかに{ $count }件のシリーズがあります。{ $link }をご覧ください。
home-more-groups = ほかに{ $count }件のグループがあります。{ $link }をご覧ください。
home-more-upcoming = この{ $days }日間にほかに{ $count }件あります。{ $link }をご覧ください。
home-more-calendar-link = カレンダー
home-more-groups-link = すべてのワーキンググループ

## Descriptions
home-about-shared = { $titles }について
home-about-meeting = このミーティングについて
home-list-separator = 、
home-list-and = { $first }、{ $last }

## Outside calendars
home-source-stale = 最後に取得できたコピーを表示しています（最新の更新に失敗しました）。
home-source-error = まだ利用できません（フィードを読み込めませんでした）。
home-source-pending = まだ取得していません。
home-source-in-calendar = カレンダーで見る
home-source-original = 元のフィード

## Next up
home-next-up = 次のミーティング
home-next-up-ended = これらのミーティングは終了しました。
home-next-up-reload = 再読み込みして次の予定を表示
home-add-to-calendar = カレンダーに追加：
home-countdown-now = 開催中
home-countdown-ended = 終了
home-countdown-minutes = { $minutes }分後
home-countdown-hours = { $hours }時間後
home-countdown-hours-minutes = { $hours }時間{ $minutes }分後
home-countdown-days = { $days }日後
home-countdown-day-hours = 1日{ $hours }時間後

## ---- calendar ---------------------------------------------------------------

# カレンダー（html/calendar.rs, html/week.rs）。日付と時刻はwhen.rsが書くため、ここにはありません。

## The page
cal-title = カレンダー
cal-page-title = カレンダー：{ $period }
cal-views-label = カレンダーの表示
cal-view-agenda = スケジュール
cal-view-week = 週
cal-view-month = 月
cal-earlier = ← 前へ
cal-later = 次へ →
cal-today = 今日
cal-times-in = タイムゾーン：{ $zone }
cal-times-in-after-today = タイムゾーン：{ $zone }
cal-week-of = { $date }の週
cal-week-from = { $date }から7日間
cal-too-many = この期間のミーティングは{ $max }件を超えています。最初の{ $max }件のみ表示しています。残りを見るには、カレンダーやグループを絞り込んでください。

## Filters
cal-filter-calendars = カレンダー
cal-filter-groups = ワーキンググループ
cal-source-community = { $community }のミーティング
cal-filter-group-idle = （予定されたミーティングはありません）
cal-filter-apply = 絞り込む
cal-filter-show-all = すべて表示
cal-filter-hint = チェックしたカレンダーとグループをまとめて表示します。
cal-filter-one-label = カレンダーまたはグループを1つ表示
cal-filter-calendars-list = カレンダー：{ $links }
cal-filter-all = すべて
cal-filter-groups-list = ワーキンググループ：{ $links }
cal-filter-one-hint = このサイトのコピーでは、カレンダーまたはグループを1つずつ表示します。

## Empty periods
cal-empty = この期間の予定はありません。
cal-empty-filtered = チェックしたカレンダーとグループには、この期間の予定はありません。
cal-group-idle = { $group }には予定されたミーティングがありません。

## Agenda and month
cal-all-day = 終日
cal-more = 他{ $count }件
cal-more-on = （{ $date }）

## Week
cal-week-scroll-cue = 横にスクロールすると週のすべての日が表示されます →
cal-week-grid-label = 週（1時間ごと）
cal-week-clocks-change = 時刻の切り替え：{ $hours }時間
cal-week-day-empty = ミーティングはありません。

## Errors in the address
cal-error-view = { $value }というカレンダー表示はありません。agenda、week、monthのいずれかを指定してください。
cal-error-date = { $value }は日付ではありません。YYYY-MM-DDの形式（例：2026-12-03）で指定してください。

## ---- planner ----------------------------------------------------------------

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

## ---- series -----------------------------------------------------------------

# Series and working-group pages (html/series.rs, html/groups.rs, the group cards).

## A series
series-across-zones = 各タイムゾーンでの時刻を見る
series-part-of = { $group }のミーティングです。
series-add-alone = 以下の各日程は個別に追加することもできます。
series-next-dates = 今後の日程
series-past-dates = 過去の日程
series-no-past-dates = 過去1年間の日程はありません。

## The working groups
groups-title = ワーキンググループ
groups-intro = ワーキンググループはどなたでも参加できます。各カードにはグループのリポジトリ、メーリングリスト、チャットへのリンクと、{ $zone }での次回ミーティングを表示しています。
groups-none = このコミュニティにはまだワーキンググループがありません。
groups-breadcrumb = パンくずリスト
groups-home = ホーム
groups-no-meetings = このグループには予定されたミーティングがありません。
groups-past = 過去のミーティング
groups-no-past = 過去1年間のミーティングはありません。

## A group's card
group-repository = リポジトリ
group-mailing-list = メーリングリスト
group-chat = チャット
group-calendar = カレンダー
group-meets = 開催
group-meetings = ミーティング
group-no-meetings = 予定されたミーティングはありません
group-next-meeting = 次回のミーティング

## ---- when -------------------------------------------------------------------

# when: dates and times around the CLDR formats of when.rs (relative times, cadences, zones).
when-moved-from = { $when }から変更
when-clocks-earlier = 前回より{ $duration }早い開始（時刻の切り替えのため）
when-clocks-later = 前回より{ $duration }遅い開始（時刻の切り替えのため）
when-clocks-earlier-in = 前回より{ $duration }早い開始（{ $day }に{ $place }で時刻を切り替え）
when-clocks-later-in = 前回より{ $duration }遅い開始（{ $day }に{ $place }で時刻を切り替え）
when-all-day = { $day } 終日
when-at = { $day } { $start }
when-span = { $day } { $start }～{ $end }
when-span-days = { $day } { $start }～{ $end_day } { $end }
when-range = { $from }～{ $to }
when-zone-label = { $zone }（{ $name }、{ $offset }）
when-zone-label-offset = { $zone }（{ $offset }）
when-happening-now = 開催中
when-starts-in-min = あと{ $minutes }分で開始
when-starts-in-h = あと{ $hours }時間で開始
when-starts-in-h-min = あと{ $hours }時間{ $minutes }分で開始
when-in-minutes = { $count } 分後
when-in-hours = { $count } 時間後
when-in-days = { $count } 日後
when-ago-minutes = { $count } 分前
when-ago-hours = { $count } 時間前
when-ago-days = { $count } 日前
when-daily = 毎日
when-weekly = 毎週{ $days }
when-every-other-week = 隔週{ $days }
when-every-n-weeks = { $count }週間ごとの{ $days }
when-monthly-nth = 毎月{ $nth ->
    [-1] 最終
   *[other] 第{ $nth }
  }{ $weekday }
when-monthly-day = 毎月{ $day }日
when-shift-later = { $rule }（あなたのタイムゾーンでは{ $count }日後）
when-shift-earlier = { $rule }（あなたのタイムゾーンでは{ $count }日前）
when-cadence = { $rule } { $clock } { $zone }
when-cadence-anchor = { $clock } { $zone }
when-cadence-anchor-days = { $days } { $clock } { $zone }
when-cadence-with-anchor = { $local }（{ $anchor }）
when-repeat-every = { $unit ->
    [second] { $count ->
        [1] 毎秒
       *[other] { $count }秒ごと
    }
    [minute] { $count ->
        [1] 毎分
       *[other] { $count }分ごと
    }
    [hour] { $count ->
        [1] 毎時
       *[other] { $count }時間ごと
    }
    [day] { $count ->
        [1] 毎日
       *[other] { $count }日ごと
    }
    [week] { $count ->
        [1] 毎週
       *[other] { $count }週間ごと
    }
    [month] { $count ->
        [1] 毎月
       *[other] { $count }か月ごと
    }
   *[year] { $count ->
        [1] 毎年
       *[other] { $count }年ごと
    }
}
when-list-pair = { $first }と{ $last }
when-list-middle = { $first }、{ $rest }

## ---- embed ------------------------------------------------------------------


embed-title = 今後のミーティング — { $community }
embed-empty = 予定されているミーティングはありません。
embed-cancelled = 中止
embed-times-in = 時刻は{ $zone }で表示しています。
embed-all-meetings = すべてのミーティング
embed-subscribe = 購読
embed-failed = ミーティングを読み込めませんでした（{ $error }）。

## ---- hub --------------------------------------------------------------------


hub-communities = コミュニティ
hub-summary = { $count }個のコミュニティ · { $link }
hub-every-meeting = すべてのミーティングを1つのカレンダーで見る
hub-next = 次のミーティング
hub-no-upcoming = 予定されているミーティングはありません。
hub-feed = フィード
hub-unavailable = 利用できません：コミュニティファイルにエラーがあります（{ $command }を参照）。
hub-footer-subscribe = すべてのコミュニティを購読
hub-period-every = すべてのコミュニティの今後4週間の予定です。
hub-period-chosen = 選択したコミュニティの今後4週間の予定です。
hub-nothing = この期間の予定はありません。
hub-today = 今日
hub-only-first = 最初の{ $count }件のミーティングのみ表示しています。残りを見るにはコミュニティを選択してください。
hub-subscribe-these = これらのコミュニティを購読（iCalendar）
hub-groups-of = { $name }のグループ
hub-show = 表示
hub-every-community = すべてのコミュニティ
hub-not-found-title = 見つかりません
hub-not-found = このアドレスにはコミュニティもページもありません。
hub-broken = このコミュニティのファイルにはエラーがあるため公開されていません。`touchpoint check`でエラーを確認できます。
hub-nothing-to-show = 表示する内容がありません
hub-no-such-community = コミュニティ「{ $id }」はありません。コミュニティ：{ $known }
hub-no-such-id = カレンダー、シリーズ、グループ「{ $id }」を持つコミュニティはありません。
hub-no-such-id-among = 選んだコミュニティ（{ $communities }）には、カレンダー、シリーズ、グループ「{ $id }」がありません。
