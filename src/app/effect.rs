//! What [`crate::app::update`] asks the event loop to do: the state machine stays pure,
//! the loop performs effects and feeds their results back as actions.

/// One side effect requested by an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Restore the terminal and exit.
    Quit,
    /// Save the ledger at this index of [`crate::app::Catalog::ledgers`] (used by editing).
    SaveLedger(usize),
    /// Write a meeting's minutes and record into the workspace.
    WriteMeeting(
        Box<(
            crate::domain::meeting::Minutes,
            crate::domain::meeting::MeetingRecord,
        )>,
    ),
    /// Write these ledgers (the rows of the view) to a workbook in the workspace's
    /// `exports/` folder; the outcome comes back as [`crate::app::Action::Exported`].
    ExportView(Vec<crate::domain::Ledger>),
    /// Issue notices under the workspace lock (without waiting for it), write their files
    /// and record them on the items; the outcome comes back as
    /// [`crate::app::Action::NoticesIssued`].
    IssueNotices(Box<crate::issue::Request>),
    /// Read the returned workbook asked for; the outcome comes back as
    /// [`crate::app::Action::SheetRead`].
    ReadSheet(Box<crate::app::returned::SheetRequest>),
    /// List the folder of a path being typed (for Tab); the entries come back as
    /// [`crate::app::Action::FolderListed`].
    ListFolder {
        /// The path as typed.
        typed: String,
        /// What a relative path is relative to (the workspace folder).
        base: std::path::PathBuf,
    },
    /// Put this text on the terminal's clipboard (OSC 52).
    Copy(String),
    /// Write these ledgers (indices of the catalogue) to recovery files; the outcome comes
    /// back as [`crate::app::Action::RecoveryWritten`].
    WriteRecovery(Vec<usize>),
    /// Store the user's name in the per-user config folder `dir`; the outcome comes back as
    /// [`crate::app::Action::UserNameSaved`].
    SaveUserName {
        /// The per-user config folder.
        dir: std::path::PathBuf,
        /// The name.
        name: String,
    },
}
