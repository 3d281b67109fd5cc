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
