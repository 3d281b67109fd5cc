# embed: see crates/site/src/i18n.rs for the file layout.
embed-title = 即将举行的会议 — { $community }
embed-empty = 暂无即将举行的会议。
embed-cancelled = 已取消
embed-times-in = 时间以{ $zone }显示。
embed-all-meetings = 所有会议
embed-subscribe = 订阅
