//! Everything the user (or the event loop) can ask of the app, as data.
//!
//! Actions are a serde enum so the key map file names them (`MoveDown`,
//! `ToggleColour(Red)`) and the help screen is generated from the same bindings.

use serde::{Deserialize, Serialize};

use ratatui::crossterm::event::KeyEvent;

use crate::app::edit::{DiskChange, EditKind, SaveReport};
use crate::domain::Colour;

/// One request to change the application state, handled by [`crate::app::update`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Action {
    /// Leave the application.
    Quit,
    /// Move the cursor (or scroll) up one line.
    MoveUp,
    /// Move the cursor (or scroll) down one line.
    MoveDown,
    /// Move up one page.
    PageUp,
    /// Move down one page.
    PageDown,
    /// Go to the first line.
    Top,
    /// Go to the last line.
    Bottom,
    /// Switch focus between the group panel and the item table.
    NextPane,
    /// Focus the group panel.
    FocusGroups,
    /// Focus the item table.
    FocusTable,
    /// Open the selected item's detail (or choose the group under the cursor).
    Open,
    /// In the detail: show the next item of the table.
    NextItem,
    /// In the detail: show the previous item of the table.
    PreviousItem,
    /// Go back: close detail, help or a menu; in search, clear the query.
    Back,
    /// Show the key help.
    Help,
    /// Cycle the grouping: ledger → unit → deadline bucket.
    CycleGrouping,
    /// Cycle the sort order of the table.
    CycleSort,
    /// Show or hide items of one colour (several colours may be chosen).
    ToggleColour(Colour),
    /// Clear every filter and the search query.
    ClearFilters,
    /// Open the filter menu (status, unit, ledger, due window).
    FilterMenu,
    /// In the filter menu: toggle the option under the cursor.
    ToggleOption,
    /// Start typing a search query.
    StartSearch,
    /// Insert text into the search query (typed or pasted).
    SearchInsert(String),
    /// Delete the last character of the search query.
    SearchBackspace,
    /// Finish typing the query and go back to the table, keeping the matches.
    SearchAccept,
    /// The terminal was resized to `(columns, rows)`.
    Resize(u16, u16),
    /// Open the edit form of this kind on the marked items, else the selected one.
    Edit(EditKind),
    /// Mark or unmark the selected item for a bulk edit.
    ToggleMark,
    /// Undo the last edit of the session (saved at once).
    Undo,
    /// Redo the last undone edit (saved at once).
    Redo,
    /// Open the popup that starts a meeting over the red and black items (or the colours
    /// filtered) of the ledger or unit chosen.
    StartMeeting,
    /// In the meeting popup: take yellow (催办) items too, or not.
    MeetingToggleYellow,
    /// Ask whether to end the meeting (and write its minutes).
    EndMeeting,
    /// Show what changed since the last meeting.
    ShowChanges,
    /// Show the dashboard (总览).
    ShowDashboard,
    /// Move the cursor one column left (dashboard).
    MoveLeft,
    /// Move the cursor one column right (dashboard).
    MoveRight,
    /// Export the rows shown (filters, group, search, sort) to an Excel workbook.
    ExportView,
    /// The view was exported (the file's path) or could not be (why).
    #[serde(skip)]
    Exported(Result<String, String>),
    /// Open the 发通知单 popup on the selected item (its notice, or its unit's items of
    /// one colour).
    IssueNotices,
    /// In the notice popup: the selected item only, or its unit's items of one colour.
    NoticeToggleReach,
    /// In the notice popup: the next notice kind (colour) for the unit's items.
    NoticeNextKind,
    /// In the notice popup: the next of the item's units.
    NoticeNextUnit,
    /// In the notice popup: Markdown or Word.
    NoticeNextFormat,
    /// Issue the notice again although its items already hold it today.
    NoticeIssueAgain,
    /// Notices were issued and recorded, or why not (for
    /// [`crate::app::Effect::IssueNotices`]).
    #[serde(skip)]
    NoticesIssued(Box<crate::app::NoticeOutcome>),
    /// Take back a sheet a unit returned: ask for the workbook and its ledger, then preview.
    ReturnSheet,
    /// In the take-back preview: write what it lists, as one undoable edit.
    ApplySheet,
    /// The workbook asked for by [`crate::app::Effect::ReadSheet`] was read (or not).
    #[serde(skip)]
    SheetRead(Box<crate::app::returned::SheetRead>),
    /// The folder asked for by [`crate::app::Effect::ListFolder`] was listed.
    #[serde(skip)]
    FolderListed(Box<crate::app::returned::FolderListing>),
    /// Copy the item's `LEDGER ITEM` (what the command line takes) to the clipboard.
    CopyIds,
    /// The minutes were written (their path) or could not be (why).
    #[serde(skip)]
    MeetingSaved(Result<String, String>),
    /// The last meeting's record, read when the app starts.
    #[serde(skip)]
    MeetingLoaded(Box<crate::domain::meeting::MeetingRecord>),
    /// Answer yes to the question shown (drop the typed text; quit without saving).
    ConfirmYes,
    /// Write the edits that could not be saved to a recovery file, then quit.
    WriteRecovery,
    /// A key for the open edit form or conflict popup (the loop routes every key there
    /// while one is open).
    #[serde(skip)]
    FormKey(KeyEvent),
    /// Pasted text for the open edit form.
    #[serde(skip)]
    FormPaste(String),
    /// A save finished (performed by the loop for [`crate::app::Effect::SaveLedger`]).
    #[serde(skip)]
    Saved(Box<SaveReport>),
    /// Another writer changed a ledger file (noticed by the loop on an idle tick).
    #[serde(skip)]
    DiskChanged(Box<DiskChange>),
    /// The loop's timer: retry saves that failed.
    #[serde(skip)]
    RetrySaves,
    /// Recovery files were written (their paths) or could not be (why), for
    /// [`crate::app::Effect::WriteRecovery`].
    #[serde(skip)]
    RecoveryWritten(Result<Vec<std::path::PathBuf>, String>),
    /// The user's name was stored (the file) or could not be (why), for
    /// [`crate::app::Effect::SaveUserName`].
    #[serde(skip)]
    UserNameSaved(Result<std::path::PathBuf, String>),
    /// A key with no binding in the current mode: it does nothing but dismiss the message.
    #[serde(skip)]
    Unbound,
}

impl Action {
    /// Whether the action comes from the user's keyboard or a paste (and so dismisses the
    /// footer message), rather than being a result the event loop feeds back.
    pub fn is_input(&self) -> bool {
        !matches!(
            self,
            Action::Resize(..)
                | Action::Exported(_)
                | Action::MeetingSaved(_)
                | Action::MeetingLoaded(_)
                | Action::NoticesIssued(_)
                | Action::Saved(_)
                | Action::DiskChanged(_)
                | Action::RetrySaves
                | Action::RecoveryWritten(_)
                | Action::UserNameSaved(_)
                | Action::SheetRead(_)
                | Action::FolderListed(_)
        )
    }
}
