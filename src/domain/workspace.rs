//! The workspace configuration (`duban.ron`): name, units, rules.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How days are counted for the warning thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum CalendarMode {
    /// Working days on the Chinese holiday calendar (holidays and 调休 make-up days).
    #[default]
    WorkingDays,
    /// Plain calendar days.
    CalendarDays,
}

/// The thresholds of the four-colour rules (defaults as in PRODUCT.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WarningRules {
    /// Blue when not overdue and at most this many days are left.
    pub blue_days_left: i64,
    /// Red when more than this many days overdue (yellow from 1 up to this).
    pub red_after_days: i64,
    /// Black when more than this many days overdue.
    pub black_after_days: i64,
    /// Working days or calendar days.
    pub calendar: CalendarMode,
    /// Whether a missing progress report makes an item yellow (the cadence is `report`).
    /// The name is kept for existing `duban.ron` files; the cadence need not be monthly.
    pub monthly_report: bool,
    /// How often units report progress and by which day (monthly at month end by default).
    pub report: ReportCadence,
}

/// How often progress is reported to the supervisor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ReportEvery {
    /// 每月 (the default).
    #[default]
    Monthly,
    /// 每半月: the 1st–15th and the 16th–month end (seed 001's "实时+半月").
    HalfMonthly,
    /// 每周: Monday–Sunday.
    Weekly,
    /// 每季度.
    Quarterly,
}

/// The reporting cadence: the period and the day of the period by which its report is due.
///
/// `day` is the day of the month (monthly: `25` = 每月25日前), the weekday 1–7 (weekly,
/// Monday = 1) or the day of the quarter's last month (quarterly); `None` = the period's
/// last day. Half-monthly reports are due at the end of each half (`day` is not used).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct ReportCadence {
    /// The period.
    pub every: ReportEvery,
    /// The report day within the period (see the type's documentation).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u32>,
}

impl Default for WarningRules {
    fn default() -> Self {
        WarningRules {
            blue_days_left: 5,
            red_after_days: 5,
            black_after_days: 20,
            calendar: CalendarMode::WorkingDays,
            monthly_report: true,
            report: ReportCadence::default(),
        }
    }
}

/// The workspace's own settings, stored as `duban.ron` in the workspace folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WorkspaceConfig {
    /// The file format version (see `storage::FORMAT_VERSION`).
    pub format: u32,
    /// The workspace's display name (e.g. 绵阳市司法局督查室).
    pub name: String,
    /// True while the workspace holds the bundled demo data.
    pub demo: bool,
    /// A pinned "today" (demo data only; real workspaces use the real date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    /// The known responsible units (for checks and completion).
    pub units: Vec<String>,
    /// The default author of progress notes (else the login name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The warning rules.
    pub rules: WarningRules,
    /// How many previous versions of each ledger to keep as backups.
    pub backups: usize,
}

impl Default for WorkspaceConfig {
    fn default() -> Self {
        WorkspaceConfig {
            format: 1,
            name: "督办工作区".to_string(),
            demo: false,
            as_of: None,
            units: Vec::new(),
            author: None,
            rules: WarningRules::default(),
            backups: 5,
        }
    }
}
