# hub: see crates/site/src/i18n.rs for the file layout.
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
hub-bad-zone-title = 不明なタイムゾーン
hub-bad-zone = 指定されたタイムゾーン（tz=）は、Europe/BerlinのようなIANAタイムゾーン名ではありません。
