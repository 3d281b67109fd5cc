## Navigation
nav-meetings = ミーティング
nav-calendar = カレンダー
nav-groups = ワーキンググループ
nav-planner = タイムプランナー

## The language picker
lang-picker-label = 言語
