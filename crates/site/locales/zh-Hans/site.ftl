## Navigation
nav-meetings = 会议
nav-calendar = 日历
nav-groups = 工作组
nav-planner = 时间规划

## The language picker
lang-picker-label = 语言
