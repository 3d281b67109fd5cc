# hub: see crates/site/src/i18n.rs for the file layout.
hub-communities = 社区
hub-summary = { $count } 个社区 · { $link }
hub-every-meeting = 在一个日历中查看所有会议
hub-next = 即将举行的会议
hub-no-upcoming = 暂无即将举行的会议。
hub-feed = 订阅源
hub-unavailable = 不可用：其社区文件有错误（请参阅 { $command }）。
hub-footer-subscribe = 订阅所有社区
hub-period-every = 所有社区未来四周的会议。
hub-period-chosen = 所选社区未来四周的会议。
hub-nothing = 此期间没有会议。
hub-today = 今天
hub-only-first = 仅显示前 { $count } 场会议：选择社区以查看其余会议。
hub-subscribe-these = 订阅这些社区（iCalendar）
hub-groups-of = { $name } 的工作组
hub-show = 显示
hub-every-community = 所有社区
hub-not-found-title = 未找到
hub-not-found = 此地址没有社区或页面。
hub-broken = 此社区的文件有错误，因此未提供服务；`touchpoint check` 会列出这些错误。
hub-bad-zone-title = 未知时区
hub-bad-zone = 请求的时区（tz=）不是 IANA 时区名称，例如 Europe/Berlin。
