//! The generic edit form: a few labelled fields, Tab between them, Enter to save, Esc to
//! cancel. Each kind of form only says which fields it has and which edits they make.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::date_input::parse_date;
use super::field::FormField;
use super::{FormContext, FormOutcome, Message};
use crate::domain::deadline;
use crate::domain::edit::Edit;
use crate::domain::warning::extensions;
use crate::domain::warning::governing::{first_unmet, governing_occurrence};
use crate::domain::{Colour, NoticeKind};

/// Which edit a [`Form`] records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// A progress note.
    Note,
    /// A corrected deadline text.
    Deadline,
    /// An approved extension.
    Extension,
    /// A manual raise of the colour (or its removal).
    Raise,
    /// A notice issued.
    Notice,
    /// The overdue explanation.
    Explanation,
    /// The acceptance.
    Acceptance,
    /// A supervision instruction (督办意见).
    Instruction,
    /// One occurrence of a recurring obligation submitted.
    Submit,
    /// The date of the event the deadline counts from (empty: not known).
    EventDate,
}

/// The colours a supervisor can raise to, and the option that removes a raise.
const RAISE_OPTIONS: [(&str, Colour); 5] = [
    ("蓝", Colour::Blue),
    ("黄", Colour::Yellow),
    ("红", Colour::Red),
    ("黑", Colour::Black),
    ("取消升色", Colour::None),
];

/// A form in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// What it records.
    pub kind: FormKind,
    /// The popup's title.
    pub title: String,
    /// Lines of context shown above the fields (e.g. the original deadline).
    pub notes: Vec<String>,
    /// The fields.
    pub fields: Vec<FormField>,
    /// The field with the caret.
    pub focus: usize,
    /// An error or warning shown in place.
    pub message: Option<Message>,
    confirmed_unparsed: bool,
    /// For an extension of a plan: its milestones (due, label); the choice field picks one.
    milestones: Vec<(NaiveDate, String)>,
    base_year: i32,
    today: NaiveDate,
    user: String,
    /// What each field held when the form opened (to know whether anything was typed).
    opened: Vec<String>,
}

impl Form {
    fn new(kind: FormKind, title: String, ctx: &FormContext, fields: Vec<FormField>) -> Self {
        let opened = fields.iter().map(|f| f.input.text().to_string()).collect();
        Self {
            kind,
            title,
            notes: Vec::new(),
            fields,
            focus: 0,
            message: None,
            confirmed_unparsed: false,
            milestones: Vec::new(),
            base_year: ctx.base_year,
            today: ctx.today,
            user: ctx.user.to_string(),
            opened,
        }
    }

    /// Whether any field's text differs from what it held when the form opened.
    pub fn has_input(&self) -> bool {
        self.fields
            .iter()
            .zip(&self.opened)
            .any(|(field, opened)| field.input.text() != opened)
    }

    /// Open the form of `kind` for the context's item(s), pre-filled with sensible defaults.
    pub fn open(kind: FormKind, ctx: &FormContext) -> Self {
        let item = ctx.item;
        let title = |what: &str| ctx.title(what);
        match kind {
            FormKind::Note => Self::new(
                kind,
                title("添加进展"),
                ctx,
                vec![
                    FormField::text("进展", true, ""),
                    FormField::date("日期", ctx.today),
                ],
            ),
            FormKind::Deadline => {
                let current = item.map(|i| i.deadline.as_str()).unwrap_or("");
                let mut form = Self::new(
                    kind,
                    title("修改完成时限"),
                    ctx,
                    vec![FormField::deadline("完成时限", ctx.base_year, current)],
                );
                if item.is_some_and(|i| !i.extensions.is_empty()) {
                    form.notes.push(format!(
                        "已延期,现行时限:{}(此处改的是原定时限;再次延期请按 x)",
                        ctx.governing_deadline
                    ));
                } else if current.trim().is_empty() && !ctx.governing_deadline.is_empty() {
                    form.notes
                        .push(format!("沿用台账时限:{}", ctx.governing_deadline));
                }
                form
            }
            FormKind::Extension => {
                let mut form = Self::new(
                    kind,
                    title("登记延期"),
                    ctx,
                    vec![
                        FormField::deadline("新时限", ctx.base_year, ""),
                        FormField::text("延期原因", true, ""),
                        FormField::text("批准人", false, ""),
                        FormField::date("批准日期", ctx.today),
                    ],
                );
                form.notes
                    .push(format!("原时限:{}", ctx.governing_deadline));
                // A plan (several milestones, or a recurring obligation beside its date):
                // the extension moves one milestone, by default the first unmet one.
                let schedule = deadline::parse(ctx.governing_deadline, ctx.base_year);
                if let Some(item) = item
                    && (schedule.milestones.len() > 1 || schedule.recurrence.is_some())
                {
                    let schedule = extensions::extended(&schedule, item);
                    let first_unmet = first_unmet(item, &schedule).map_or(0, |(i, _)| i);
                    form.milestones = schedule
                        .milestones
                        .iter()
                        .map(|m| (m.due, m.label.clone()))
                        .collect();
                    let options = form
                        .milestones
                        .iter()
                        .map(|(due, label)| format!("{due} {label}"))
                        .collect();
                    form.fields
                        .push(FormField::choice("延期节点", options, first_unmet));
                    form.notes
                        .push("只移动所选节点,其余阶段和周期报送要求不变".to_string());
                }
                form
            }
            FormKind::Raise => {
                let current = item.and_then(|i| i.raised.as_ref());
                let selected = current
                    .and_then(|r| RAISE_OPTIONS.iter().position(|(_, c)| *c == r.colour))
                    .unwrap_or(2);
                let options = RAISE_OPTIONS.iter().map(|(l, _)| l.to_string()).collect();
                Self::new(
                    kind,
                    title("手动升色"),
                    ctx,
                    vec![
                        FormField::choice("颜色", options, selected),
                        FormField::text(
                            "原因",
                            false,
                            current.map(|r| r.reason.as_str()).unwrap_or(""),
                        ),
                    ],
                )
            }
            FormKind::Notice => {
                let selected = NoticeKind::for_colour(ctx.colour)
                    .and_then(|k| NoticeKind::ALL.iter().position(|n| *n == k))
                    .unwrap_or(0);
                let options = NoticeKind::ALL
                    .iter()
                    .map(|k| k.label().to_string())
                    .collect();
                let recipient = item
                    .and_then(|i| i.all_units().first().map(|u| u.to_string()))
                    .unwrap_or_default();
                Self::new(
                    kind,
                    title("登记通知单"),
                    ctx,
                    vec![
                        FormField::choice("种类", options, selected),
                        FormField::date("发出日期", ctx.today),
                        FormField::text("接收单位", true, &recipient),
                    ],
                )
            }
            FormKind::Explanation => {
                let current = item.and_then(|i| i.overdue_explanation.as_deref());
                Self::new(
                    kind,
                    title("逾期说明"),
                    ctx,
                    vec![FormField::text("说明", true, current.unwrap_or(""))],
                )
            }
            FormKind::Instruction => {
                let assignee = item
                    .and_then(|i| i.all_units().first().map(|u| u.to_string()))
                    .unwrap_or_default();
                let mut form = Self::new(
                    kind,
                    title("督办意见"),
                    ctx,
                    vec![
                        FormField::text("承办单位", true, &assignee),
                        FormField::text("督办要求", true, ""),
                        FormField::text("办结期限", false, ""),
                    ],
                );
                form.notes
                    .push("谁来办、办什么、何时办结(期限可写“12月底前”等)".to_string());
                form
            }
            FormKind::Acceptance => Self::new(
                kind,
                title("登记验收"),
                ctx,
                vec![
                    FormField::date("验收日期", ctx.today),
                    FormField::text("验收结果", true, "通过"),
                ],
            ),
            FormKind::Submit => {
                let schedule = deadline::parse(ctx.governing_deadline, ctx.base_year);
                let due = match (schedule.recurrence, item) {
                    (Some(rule), Some(item)) => {
                        governing_occurrence(rule, item, ctx.base_year, ctx.today)
                    }
                    _ => ctx.today,
                };
                let mut form = Self::new(
                    kind,
                    title("周期报送"),
                    ctx,
                    vec![
                        FormField::date("该期截止日", due),
                        FormField::date("报送日期", ctx.today),
                    ],
                );
                form.notes
                    .push(format!("周期要求:{}", schedule.text.trim()));
                form
            }
            FormKind::EventDate => {
                let current = item.and_then(|i| i.event_date).unwrap_or(ctx.today);
                let field = FormField::text("事件日期", false, &current.to_string());
                let mut form = Self::new(kind, title("事件日期"), ctx, vec![field]);
                let term = deadline::parse(ctx.governing_deadline, ctx.base_year).relative;
                if let Some(term) = term {
                    form.notes.push(format!("期限:{}", term.words));
                }
                form.notes
                    .push("期限从该日起算(当日不计入);清空后保存即取消".to_string());
                form
            }
        }
    }

    /// The focused field.
    pub fn focused(&self) -> Option<&FormField> {
        self.fields.get(self.focus)
    }

    /// Handle a key: Esc cancels, Enter saves (after checking), Tab/↑/↓ move between fields,
    /// anything else goes to the focused field.
    pub fn handle_key(&mut self, key: &KeyEvent) -> FormOutcome {
        let n = self.fields.len().max(1);
        match key.code {
            KeyCode::Esc => return FormOutcome::Cancel,
            KeyCode::Enter => return self.submit(),
            KeyCode::Tab | KeyCode::Down => self.focus = (self.focus + 1) % n,
            KeyCode::BackTab | KeyCode::Up => self.focus = (self.focus + n - 1) % n,
            _ => {
                if let Some(field) = self.fields.get_mut(self.focus)
                    && field.handle_key(key)
                {
                    self.edited();
                }
            }
        }
        FormOutcome::Continue
    }

    /// Insert pasted text into the focused field.
    pub fn paste(&mut self, text: &str) {
        if let Some(field) = self.fields.get_mut(self.focus) {
            field.paste(text);
            self.edited();
        }
    }

    fn edited(&mut self) {
        self.message = None;
        self.confirmed_unparsed = false;
    }

    fn submit(&mut self) -> FormOutcome {
        for (i, field) in self.fields.iter().enumerate() {
            if let Err(text) = field.check(self.today) {
                self.focus = i;
                self.message = Some(Message::error(text));
                return FormOutcome::Continue;
            }
        }
        let unparsed = self.fields.iter().position(|f| {
            f.deadline_preview()
                .is_some_and(|p| !p.understood && !f.input.is_blank())
        });
        if let Some(i) = unparsed
            && !self.confirmed_unparsed
        {
            self.focus = i;
            self.confirmed_unparsed = true;
            self.message = Some(Message::warning(
                "未能识别这个期限,将原样保存并标记。再按 Enter 确认保存,或继续修改".to_string(),
            ));
            return FormOutcome::Continue;
        }
        match self.build() {
            Ok(edits) => FormOutcome::Submit(edits),
            Err(text) => {
                self.message = Some(Message::error(text));
                FormOutcome::Continue
            }
        }
    }

    fn value(&self, i: usize) -> String {
        self.fields
            .get(i)
            .map(|f| f.value().to_string())
            .unwrap_or_default()
    }

    fn date(&self, i: usize) -> Result<NaiveDate, String> {
        self.fields
            .get(i)
            .map(|f| f.date_value(self.today))
            .unwrap_or(Ok(self.today))
    }

    fn selected(&self, i: usize) -> usize {
        self.fields.get(i).map(FormField::selected).unwrap_or(0)
    }

    fn build(&self) -> Result<Vec<Edit>, String> {
        let edit = match self.kind {
            FormKind::Note => Edit::AddNote {
                date: self.date(1)?,
                author: self.user.clone(),
                text: self.value(0),
            },
            FormKind::Deadline => Edit::SetDeadline {
                text: self.value(0),
            },
            FormKind::Extension if !self.milestones.is_empty() => {
                let text = self.value(0);
                let reading = deadline::parse(&text, self.base_year);
                let Some(new_due) = reading.due() else {
                    return Err("新时限需要一个具体日期(如“2023年7月底前”)".to_string());
                };
                let (milestone_due, label) = self
                    .milestones
                    .get(self.selected(4))
                    .cloned()
                    .ok_or("请选择要延期的节点")?;
                Edit::ExtendMilestone {
                    milestone_due,
                    label,
                    new_deadline: text,
                    new_due,
                    reason: self.value(1),
                    approver: self.value(2),
                    date: self.date(3)?,
                }
            }
            FormKind::Extension => Edit::AddExtension {
                new_deadline: self.value(0),
                reason: self.value(1),
                approver: self.value(2),
                date: self.date(3)?,
            },
            FormKind::Raise => match RAISE_OPTIONS.get(self.selected(0)) {
                Some((_, Colour::None)) | None => Edit::ClearRaise,
                Some((_, colour)) => Edit::Raise {
                    colour: *colour,
                    reason: self.value(1),
                },
            },
            FormKind::Notice => Edit::AddNotice {
                kind: NoticeKind::ALL
                    .get(self.selected(0))
                    .copied()
                    .unwrap_or(NoticeKind::Reminder),
                date: self.date(1)?,
                recipient: self.value(2),
            },
            FormKind::Explanation => Edit::SetExplanation {
                text: self.value(0),
            },
            FormKind::Instruction => Edit::AddInstruction {
                date: self.today,
                author: self.user.clone(),
                assignee: self.value(0),
                text: self.value(1),
                due: self.value(2),
            },
            FormKind::Acceptance => Edit::SetAcceptance {
                date: self.date(0)?,
                result: self.value(1),
            },
            FormKind::Submit => Edit::Submit {
                due: self.date(0)?,
                date: self.date(1)?,
            },
            FormKind::EventDate => Edit::SetEventDate {
                date: match self.value(0).trim() {
                    "" => None,
                    typed => Some(parse_date(typed, self.today)?),
                },
            },
        };
        Ok(vec![edit])
    }

    /// Show a refusal (e.g. from the domain) in place, keeping what was typed.
    pub fn refuse(&mut self, text: String) {
        self.message = Some(Message::error(text));
    }
}
