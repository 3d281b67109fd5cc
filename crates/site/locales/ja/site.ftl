## Navigation
nav-meetings = ミーティング
nav-calendar = カレンダー
nav-groups = ワーキンググループ
nav-planner = タイムプランナー

## The language picker
lang-picker-label = 言語
lang-picker-show = 表示

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
zone-shared = { $zone }で表示中
zone-use-mine = 自分のタイムゾーンで表示

## Occurrences in lists, shared by every page
cancelled = 中止
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
