# embed: see crates/site/src/i18n.rs for the file layout.
embed-title = 今後のミーティング — { $community }
embed-empty = 予定されているミーティングはありません。
embed-cancelled = 中止
embed-times-in = 時刻は{ $zone }で表示しています。
embed-all-meetings = すべてのミーティング
embed-subscribe = 購読
