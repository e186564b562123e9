//! The domain: pure data and rules. Nothing here touches a terminal, a file or the clock.

pub mod assess;
pub mod calendar;
pub mod deadline;
pub mod edit;
pub mod ids;
pub mod item;
pub mod ledger;
pub mod meeting;
pub mod notices;
pub mod rates;
pub mod warning;
pub mod workspace;

pub use item::{
    Acceptance, AuditEntry, Extension, Item, ManualRaise, MilestoneMet, Notice, NoticeKind,
    ProgressEntry, Status, SubMeasure, Submission,
};
pub use ledger::{Ledger, LedgerKind, RectificationPeriod, UnitRole};
pub use warning::{Colour, Warning};
pub use workspace::{CalendarMode, ReportCadence, ReportEvery, WarningRules, WorkspaceConfig};
