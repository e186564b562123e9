//! The application state machine: [`State`], the [`Action`]s that change it, and the
//! pure [`update`] that returns [`Effect`]s for the event loop to perform.
//!
//! The state is split by responsibility: the [`Catalog`] (loaded items and their
//! precomputed assessments), the [`View`] (grouping, filters, sort, rows, cursor), the
//! [`SearchState`], and the [`Screen`] / [`Overlay`] that decide which keys are live.
//!
//! How editing (issue 5) slots in:
//! - new [`Action`] variants (e.g. `SetStatus`, `AddNote`), bound in `input::defaults` with
//!   a Chinese description, so help and footer show them;
//! - a form or prompt is a new [`Overlay`] variant with its own [`Mode`] (keys typed into
//!   it resolve like search text does);
//! - an edit changes the item through [`Catalog::item_mut`], then [`Catalog::reassess`]
//!   (assessment, bucket, units and search text) and [`State::rebuild_view`] (which keeps
//!   the cursor on the same item), and returns [`Effect::SaveLedger`]; the event loop
//!   saves and reports the outcome back as an action, so the state stays pure and testable.

mod action;
mod bucket;
mod catalog;
mod changes;
mod dashboard;
pub mod edit;
mod effect;
mod export_view;
mod filters;
mod grouping;
mod meeting;
mod meeting_update;
mod notices;
mod notices_update;
pub mod returned;
mod search_state;
mod sort;
mod start;
mod update;
mod view;
mod walk;

use chrono::NaiveDate;

pub use action::Action;
pub use bucket::DueBucket;
pub use catalog::{COUNTED_COLOURS, Catalog, Entry, colour_slot};
pub use changes::{ChangedItem, ChangesView};
pub use dashboard::{COLUMNS as DASH_COLUMNS, DashKey, DashRow, Dashboard};
pub use effect::Effect;
pub use export_view::view_ledgers;
pub use filters::{FilterOption, Filters};
pub use grouping::{Group, GroupKey, Grouping, build_groups, short_ledger_title};
pub use meeting::{Meeting, MeetingScope, MeetingSetup, Stop, marks};
pub use notices::{
    IssuedNotices, NoticeFailure, NoticeOutcome, NoticePopup, NoticePreview, PlannedNotice, Reach,
};
pub use search_state::SearchState;
pub use sort::{SortKey, sorted_entries};
pub use start::{DateOrigin, Start, start_messages};
pub use update::update;
pub use view::{CHROME_ROWS, Pane, View, table_rows_for, visible_offset};
pub use walk::Walk;

use crate::domain::calendar::WorkCalendar;
use crate::storage::Workspace;

/// The main screen or the detail of one item.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Screen {
    /// Groups and the item table.
    #[default]
    Browse,
    /// One item's detail, scrolled by `scroll` lines.
    Detail {
        /// The entry shown.
        entry: u32,
        /// The first line shown.
        scroll: u16,
    },
    /// A meeting: one item of the meeting set per screen, scrolled by `scroll` lines.
    Meeting {
        /// The first line shown.
        scroll: u16,
    },
    /// What changed since the last meeting.
    Changes,
    /// The dashboard (总览) with its cursor.
    Dashboard(Box<Dashboard>),
}

/// A window drawn over the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The key help, scrolled by `scroll` lines.
    Help {
        /// The first line shown.
        scroll: u16,
    },
    /// The filter menu with its cursor.
    FilterMenu {
        /// Index into [`FilterOption::all`].
        cursor: usize,
    },
}

/// The key context: which bindings are live (the key map is looked up per mode).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Mode {
    /// The main screen.
    Browse,
    /// Typing a search query.
    Search,
    /// The detail view.
    Detail,
    /// The help overlay.
    Help,
    /// The filter menu.
    FilterMenu,
    /// An edit form or the conflict popup has the keyboard.
    Edit,
    /// The popup that starts a meeting (scope and attendees).
    MeetingSetup,
    /// The popup that issues notices (发通知单).
    Notices,
    /// Asking whether to issue a notice the items already hold today.
    NoticeAgain,
    /// A meeting under way (keys not bound here work as in the detail view).
    Meeting,
    /// Asking whether to end the meeting and write its minutes.
    MeetingEnd,
    /// The list of what changed since the last meeting.
    Changes,
    /// The dashboard.
    Dashboard,
    /// Asked whether to drop the text typed into a form.
    ConfirmDiscard,
    /// Asked what to do with edits that could not be saved, before quitting.
    ConfirmQuit,
    /// Choosing a returned workbook and its ledger (keys are typed into the path).
    SheetPrompt,
    /// Looking at what a returned sheet would change.
    SheetPreview,
}

impl Mode {
    /// All modes, in the order of the help screen.
    pub const ALL: [Mode; 17] = [
        Mode::Browse,
        Mode::Search,
        Mode::Detail,
        Mode::FilterMenu,
        Mode::Edit,
        Mode::Notices,
        Mode::NoticeAgain,
        Mode::MeetingSetup,
        Mode::Meeting,
        Mode::MeetingEnd,
        Mode::Changes,
        Mode::Dashboard,
        Mode::SheetPrompt,
        Mode::SheetPreview,
        Mode::ConfirmDiscard,
        Mode::ConfirmQuit,
        Mode::Help,
    ];

    /// The Chinese name of the mode (help screen headings).
    pub fn label(self) -> &'static str {
        match self {
            Mode::Browse => "浏览",
            Mode::Search => "搜索",
            Mode::Detail => "详情",
            Mode::Help => "帮助",
            Mode::FilterMenu => "筛选菜单",
            Mode::Edit => "编辑表单",
            Mode::ConfirmDiscard => "放弃输入的确认",
            Mode::ConfirmQuit => "有未保存修改时退出",
            Mode::MeetingSetup => "开始会议",
            Mode::Notices => "发通知单",
            Mode::NoticeAgain => "再次发出的确认",
            Mode::Meeting => "会议",
            Mode::MeetingEnd => "结束会议",
            Mode::Changes => "会后变化",
            Mode::Dashboard => "总览",
            Mode::SheetPrompt => "收回报表:选择工作簿",
            Mode::SheetPreview => "收回报表:预览",
        }
    }

    /// The mode whose bindings apply when this one has none for a key (a meeting shows
    /// items as the detail view does, so the detail's keys work there too).
    pub fn fallback(self) -> Option<Mode> {
        match self {
            Mode::Meeting => Some(Mode::Detail),
            _ => None,
        }
    }
}

/// The whole application state.
#[derive(Debug)]
pub struct State {
    /// The loaded items.
    pub catalog: Catalog,
    /// What the table shows.
    pub view: View,
    /// The search.
    pub search: SearchState,
    /// Main screen or detail.
    pub screen: Screen,
    /// A window over the screen, if any.
    pub overlay: Option<Overlay>,
    /// A one-line message for the footer (e.g. a bad key map entry).
    pub message: Option<String>,
    /// The terminal size `(columns, rows)` from the last resize.
    pub size: (u16, u16),
    /// Editing: marks, the open form, conflicts, undo/redo.
    pub edit: edit::EditSession,
    /// Meetings: the setup popup, the meeting under way, the last one's record.
    pub meetings: Meetings,
    /// The 发通知单 popup, while open.
    pub notices: Option<NoticePopup>,
    /// What `]` / `[` walk in the detail view (fixed when the detail opens).
    pub walk: Option<Walk>,
    /// Taking back a returned sheet: the prompt or the preview, while open.
    pub returned: Option<returned::SheetReturn>,
    /// Whether today is the real date, the workspace's pinned one or one chosen with
    /// `--today` (the header marks the last two).
    pub date_origin: DateOrigin,
}

/// Everything meeting mode adds to the state.
#[derive(Debug, Clone, Default)]
pub struct Meetings {
    /// The popup that starts a meeting.
    pub setup: Option<MeetingSetup>,
    /// The meeting under way.
    pub active: Option<Meeting>,
    /// The record of the last meeting held in this workspace.
    pub last: Option<crate::domain::meeting::MeetingRecord>,
    /// The "changed since the last meeting" list, while shown.
    pub changes: Option<ChangesView>,
}

impl State {
    /// The state of a freshly opened workspace at `today`, on the bundled holiday calendar.
    pub fn new(workspace: Workspace, today: NaiveDate) -> Self {
        let mode = workspace.config.rules.calendar;
        Self::with_calendar(workspace, WorkCalendar::new(mode), today)
    }

    /// The state of a freshly opened workspace at `today`, on a calendar with the
    /// workspace's holiday overrides.
    pub fn with_calendar(workspace: Workspace, calendar: WorkCalendar, today: NaiveDate) -> Self {
        // The pinned date, unless the command line says otherwise (it knows the real date).
        let date_origin = if workspace.config.as_of == Some(today) {
            DateOrigin::Pinned
        } else {
            DateOrigin::Real
        };
        let catalog = Catalog::new(workspace, calendar, today);
        let mut view = View::new(&catalog);
        let search = SearchState::default();
        view.refresh(&catalog, &search);
        State {
            catalog,
            view,
            search,
            screen: Screen::Browse,
            overlay: None,
            message: None,
            size: (80, 24),
            edit: edit::EditSession::default(),
            meetings: Meetings::default(),
            notices: None,
            walk: None,
            returned: None,
            date_origin,
        }
    }

    /// The key context now.
    pub fn mode(&self) -> Mode {
        match self.edit.prompt {
            Some(edit::Prompt::DiscardInput { .. }) => return Mode::ConfirmDiscard,
            Some(edit::Prompt::QuitUnsaved) => return Mode::ConfirmQuit,
            None => {}
        }
        if self.edit.is_active() {
            return Mode::Edit;
        }
        match &self.returned {
            Some(returned::SheetReturn::Prompt(_)) => return Mode::SheetPrompt,
            Some(returned::SheetReturn::Preview(_)) => return Mode::SheetPreview,
            None => {}
        }
        match (&self.overlay, &self.screen) {
            (Some(Overlay::Help { .. }), _) => Mode::Help,
            (Some(Overlay::FilterMenu { .. }), _) => Mode::FilterMenu,
            (None, _) if self.notices.as_ref().is_some_and(|p| p.question.is_some()) => {
                Mode::NoticeAgain
            }
            (None, _) if self.notices.is_some() => Mode::Notices,
            (None, _) if self.meetings.setup.is_some() => Mode::MeetingSetup,
            (None, Screen::Meeting { .. })
                if self.meetings.active.as_ref().is_some_and(|m| m.ending) =>
            {
                Mode::MeetingEnd
            }
            (None, _) if self.search.editing => Mode::Search,
            (None, Screen::Detail { .. }) => Mode::Detail,
            (None, Screen::Meeting { .. }) => Mode::Meeting,
            (None, Screen::Changes) => Mode::Changes,
            (None, Screen::Dashboard(_)) => Mode::Dashboard,
            (None, Screen::Browse) => Mode::Browse,
        }
    }

    /// The date the app shows as today (the pinned date of demo data).
    pub fn today(&self) -> NaiveDate {
        self.catalog.today
    }

    /// Keep the scroll of the detail or help at most `limit` (the layout's largest useful
    /// scroll, measured by the UI for the current terminal size).
    pub fn clamp_scroll(&mut self, limit: u16) {
        match (&mut self.overlay, &mut self.screen) {
            _ if matches!(self.returned, Some(returned::SheetReturn::Preview(_))) => {
                if let Some(returned::SheetReturn::Preview(p)) = &mut self.returned {
                    p.scroll = p.scroll.min(limit);
                }
            }
            (Some(Overlay::Help { scroll }), _)
            | (None, Screen::Detail { scroll, .. })
            | (None, Screen::Meeting { scroll }) => {
                *scroll = (*scroll).min(limit);
            }
            _ => {}
        }
    }

    /// Recompute the sort order and the rows after entries were reassessed (edits, reloads).
    pub fn rebuild_view(&mut self) {
        let sort = self.view.sort;
        self.view.set_sort(&self.catalog, sort);
        self.refresh();
    }

    /// Recompute the rows after filters, search, grouping or sort changed.
    pub fn refresh(&mut self) {
        self.view.refresh(&self.catalog, &self.search);
    }
}
