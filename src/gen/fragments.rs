//! Real fragments from the source documents (seeds) that synthetic items are built from.

/// Responsible units as named in the seeds (Mianyang bureau's sections and county bureaus).
pub const UNITS: &[&str] = &[
    "机关党办",
    "政治部",
    "办公室",
    "合法性审查科",
    "社区矫正管理科",
    "律师工作科",
    "公共法律服务管理科",
    "普法与依法治理科",
    "人民参与和促进法治科",
    "行政执法协调监督科",
    "法治调研科",
    "法治督察科",
    "立法科",
    "信息科",
    "装财科",
    "涪城区司法局",
    "游仙区司法局",
    "安州区司法局",
    "江油市司法局",
    "三台县司法局",
    "盐亭县司法局",
    "梓潼县司法局",
    "北川县司法局",
    "平武县司法局",
];

/// Supervising or guiding departments.
pub const SUPERVISORS: &[&str] = &["政治部", "办公室", "法治督察科", "市委依法治市办"];

/// Item categories (类型 / 目标) as in the ledgers.
pub const CATEGORIES: &[&str] = &[
    "党的建设类",
    "队伍建设类",
    "议事决策类",
    "运行规则类",
    "基础保障类",
    "跟踪问效类",
    "基层基础建设",
    "公共法律服务",
    "智慧司法建设",
    "法治保障",
    "特色创新",
];

/// The verbs titles start with.
pub const VERBS: &[&str] = &[
    "推进", "完善", "建立", "深化", "开展", "打造", "规范", "加强", "健全", "落实", "创建", "提升",
];

/// The objects of the work.
pub const OBJECTS: &[&str] = &[
    "智慧矫正中心",
    "司法所规范化",
    "公共法律服务体系",
    "人民调解组织",
    "行政复议",
    "法律援助",
    "律师行业党建",
    "社区矫正对象帮扶",
    "合法性审查",
    "行政执法协调监督",
    "法治宣传教育",
    "村(社区)法律顾问",
    "公证服务",
    "矛盾纠纷多元化解",
    "法治乡村示范村",
    "普法责任制",
    "民法典宣传",
    "非诉讼纠纷解决中心",
    "人民调解员队伍",
    "重大行政决策程序",
    "行政规范性文件备案",
    "干部顶岗实训",
];

/// The endings of titles.
pub const SUFFIXES: &[&str] = &[
    "建设",
    "工作机制",
    "示范点创建",
    "标准化建设",
    "专项行动",
    "提质增效",
    "规范化管理",
    "全覆盖",
    "考核办法",
    "三年行动计划",
];

/// Deadline texts exactly as written in the seeds (see tests/fixtures/deadline-cases.tsv).
pub const DEADLINES: &[&str] = &[
    "5月底前",
    "2月底前",
    "6月底前完成",
    "12月底前完成",
    "12月初完成",
    "年内建成",
    "全年整体推进",
    "全年推进",
    "长期",
    "按省厅要求",
    "根据省厅安排",
    "9-12月组织实施",
    "1-3月项目申报 4-10月完成建设 10-11月市级初审 11-12月省厅审核 12月底司法部验收",
    "1-4月制定方案 4-6月考察学习 7-11月逐级申报 12月组织验收",
    "1-3月制定方案 4-9月软件开发 10-11月调试 12月项目验收",
    "6月底前建成;12月底前形成工作经验推广",
    "3-9月建制、开展活动;12月底前建成基地",
    "1-3月筹备 后期持续推进",
    "分阶段实施,2025年前完成",
];

/// General deadline forms the ledgers use; `{m}` is replaced by a month number.
pub const DEADLINE_FORMS: &[&str] = &[
    "{m}月底前",
    "{m}月底前完成",
    "{m}月中旬",
    "{m}月上旬完成",
    "{m}月下旬",
    "上半年",
    "下半年",
    "年底前",
    "第三季度",
    "季度末",
];

/// Titles of project ledgers (the four project years, monthly lists, the three-year plan).
pub const LEDGER_TITLES: &[&str] = &[
    "制度建设规范年",
    "基础工作提升年",
    "特色创新发展年",
    "重点工程推进年",
    "月度工作推进清单",
    "司法所规范化建设三年行动",
];

/// Progress texts as units report them.
pub const PROGRESS: &[&str] = &[
    "已完成方案制定并印发",
    "召开专题会议研究部署",
    "已报送阶段性进展情况",
    "正在组织调研,收集意见建议",
    "已完成初稿,正在征求意见",
    "已提交局党委会审议",
    "完成实地督导检查",
    "按月报送推进情况",
    "已完成整改,建立长效机制",
    "因人员调整进度滞后,已约谈责任人",
];

/// Names of reporting staff.
pub const AUTHORS: &[&str] = &[
    "张敏",
    "李强",
    "王芳",
    "刘洋",
    "陈静",
    "杨帆",
    "赵磊",
    "督查室",
];

/// Reasons for 暂缓 and for raising a colour.
pub const REASONS: &[&str] = &["待省厅出台政策", "领导批示", "机构改革调整", "经费未落实"];
