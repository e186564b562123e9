//! The 发通知单 popup: issue the notice the selected item's colour calls for, to its units,
//! or the notice of one colour to one of its units for all of that unit's items of that
//! colour. What it will issue is previewed from the catalogue (the numbers it would take,
//! and whether an item already holds that notice today); the issuing itself is an effect
//! (see [`crate::issue`]), whose outcome comes back as [`NoticeOutcome`].

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};

use super::catalog::Catalog;
use super::edit::Target;
use crate::domain::NoticeKind;
use crate::issue::{Duplicate, Format, Request, Scope, duplicate_of};
use crate::report::notices::plan_items;
use crate::storage::LoadedLedger;

/// Which items the notices are about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// The selected item only (to each of its units, of the kind its colour calls for).
    Item,
    /// Every open item of the chosen unit at the chosen colour.
    Unit,
}

/// One notice the popup would issue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedNotice {
    /// Which notice.
    pub kind: NoticeKind,
    /// The unit it goes to.
    pub recipient: String,
    /// How many items it lists.
    pub items: usize,
    /// The number it would take (the next free one now).
    pub number: String,
}

/// What Enter would issue now.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoticePreview {
    /// The notices, one per unit and kind.
    pub notices: Vec<PlannedNotice>,
    /// How many distinct items they are recorded on.
    pub items: usize,
    /// A notice one of the items already holds today (issuing asks first).
    pub duplicate: Option<Duplicate>,
}

/// The open popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticePopup {
    /// The item it was opened on.
    pub target: Target,
    /// The notice the item's colour calls for (none when it is not lit or not open).
    pub item_kind: Option<NoticeKind>,
    /// The item's units (lead first): the recipients to choose from.
    pub units: Vec<String>,
    /// The unit chosen (index into `units`) for [`Reach::Unit`].
    pub unit: usize,
    /// Which items.
    pub reach: Reach,
    /// The notice chosen for [`Reach::Unit`].
    pub kind: NoticeKind,
    /// The files' format.
    pub format: Format,
    /// What Enter would issue.
    pub preview: NoticePreview,
    /// Asked before issuing a notice an item already holds today.
    pub question: Option<Duplicate>,
    /// Issuing is under way (its outcome has not come back yet).
    pub sending: bool,
}

impl NoticePopup {
    /// The popup on the item `target` of `catalog` at `today`, or why it cannot open.
    pub fn open(catalog: &Catalog, target: Target, today: NaiveDate) -> Result<Self, String> {
        let index = catalog
            .entry_index(&target.ledger_id, &target.item_id)
            .ok_or("选中的事项已不存在")?;
        let entry = &catalog.entries[index];
        let item = catalog.item(entry);
        let units: Vec<String> = item.all_units().into_iter().map(String::from).collect();
        if units.is_empty() {
            return Err("该事项没有牵头或责任单位,无法发通知单;可按 a 指定单位".to_string());
        }
        let item_kind = entry.colour().notice().filter(|_| item.status.is_open());
        let mut popup = NoticePopup {
            target,
            item_kind,
            units,
            unit: 0,
            reach: if item_kind.is_some() {
                Reach::Item
            } else {
                Reach::Unit
            },
            kind: item_kind.unwrap_or(NoticeKind::Supervise),
            format: Format::Markdown,
            preview: NoticePreview::default(),
            question: None,
            sending: false,
        };
        popup.refresh(catalog, today);
        Ok(popup)
    }

    /// The items the notices are about, as the issuing path takes them.
    pub fn scope(&self) -> Scope {
        match self.reach {
            Reach::Item => Scope {
                kind: self.item_kind,
                items: Some(vec![(
                    self.target.ledger_id.clone(),
                    self.target.item_id.clone(),
                )]),
                ..Scope::default()
            },
            Reach::Unit => Scope {
                unit: self.units.get(self.unit).cloned(),
                kind: Some(self.kind),
                ..Scope::default()
            },
        }
    }

    /// The chosen unit.
    pub fn unit_name(&self) -> &str {
        self.units.get(self.unit).map_or("", String::as_str)
    }

    /// Switch between the item and its unit's items of one colour.
    pub fn toggle_reach(&mut self) {
        self.reach = match self.reach {
            Reach::Item => Reach::Unit,
            Reach::Unit => Reach::Item,
        };
    }

    /// The next notice kind (colour), mildest to most severe, for the unit's items.
    pub fn next_kind(&mut self) {
        let all = NoticeKind::ALL;
        let at = all.iter().position(|k| *k == self.kind).unwrap_or(0);
        self.kind = all[(at + 1) % all.len()];
    }

    /// The next of the item's units.
    pub fn next_unit(&mut self) {
        self.unit = (self.unit + 1) % self.units.len().max(1);
    }

    /// Markdown or Word.
    pub fn next_format(&mut self) {
        self.format = match self.format {
            Format::Markdown => Format::Docx,
            _ => Format::Markdown,
        };
    }

    /// Recompute the preview after a choice changed.
    pub fn refresh(&mut self, catalog: &Catalog, today: NaiveDate) {
        self.preview = preview(catalog, &self.scope(), today);
    }

    /// The request that issues the notices into `<workspace>/notices`.
    pub fn request(&self, catalog: &Catalog, today: NaiveDate, again: bool) -> Request {
        Request {
            scope: self.scope(),
            format: self.format,
            out: Some(catalog.dir.join(crate::issue::NOTICES_DIR)),
            again,
            today,
        }
    }
}

/// What issuing `scope` would do now, from the catalogue's assessments: the same planning
/// as the issuing path (one notice per unit and kind), numbered from the sequences as
/// loaded.
pub fn preview(catalog: &Catalog, scope: &Scope, today: NaiveDate) -> NoticePreview {
    let chosen: Vec<&super::Entry> = catalog
        .entries
        .iter()
        .filter(|e| {
            let ledger = &catalog.ledger(e).id;
            scope.ledger.as_ref().is_none_or(|l| l == ledger)
                && scope.takes(ledger, &catalog.item(e).id)
        })
        .collect();
    let plans = plan_items(
        chosen
            .iter()
            .map(|e| (catalog.item(e), e.colour().notice())),
        scope.unit.as_deref(),
        scope.kind,
    );
    let mut settings = catalog.config.notices.clone();
    let mut items = std::collections::BTreeSet::new();
    let mut duplicate = None;
    let notices = plans
        .iter()
        .map(|p| {
            for &i in &p.entries {
                let entry = chosen[i];
                let (ledger, item) = (&catalog.ledger(entry).id, catalog.item(entry));
                items.insert((ledger, &item.id));
                if duplicate.is_none() {
                    duplicate = duplicate_of(ledger, item, p.kind, &p.recipient, today);
                }
            }
            PlannedNotice {
                kind: p.kind,
                recipient: p.recipient.clone(),
                items: p.entries.len(),
                number: settings.take(p.kind, today.year()),
            }
        })
        .collect();
    NoticePreview {
        notices,
        items: items.len(),
        duplicate,
    }
}

/// The outcome of issuing, fed back by the event loop.
#[derive(Debug, Clone)]
pub struct NoticeOutcome {
    /// What was issued, or why nothing was.
    pub result: Result<IssuedNotices, NoticeFailure>,
}

/// Why nothing was issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeFailure {
    /// An item already holds the notice today (found under the lock): ask, then issue
    /// again.
    Duplicate(Duplicate),
    /// Anything else, in words.
    Other(String),
}

/// Notices issued and recorded.
#[derive(Debug, Clone)]
pub struct IssuedNotices {
    /// Each notice: its kind, number, recipient and how many items it lists.
    pub notices: Vec<(NoticeKind, String, String, usize)>,
    /// The files written.
    pub files: Vec<PathBuf>,
    /// The folder they are in.
    pub folder: PathBuf,
    /// The ledgers the notices were recorded in, as saved.
    pub ledgers: Vec<LoadedLedger>,
    /// The workspace's notice settings as saved (the sequences moved on).
    pub settings: crate::domain::notices::NoticeSettings,
}

impl PartialEq for NoticeOutcome {
    fn eq(&self, other: &Self) -> bool {
        match (&self.result, &other.result) {
            (Ok(a), Ok(b)) => a.notices == b.notices && a.files == b.files,
            (Err(a), Err(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for NoticeOutcome {}

impl std::hash::Hash for NoticeOutcome {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.result.is_ok().hash(state);
    }
}
