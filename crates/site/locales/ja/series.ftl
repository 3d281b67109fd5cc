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
