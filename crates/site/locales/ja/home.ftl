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
