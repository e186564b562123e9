//! The bundled sample workspace (`data/`), built from the source documents with the importers.
//!
//! The items' source fields (ids, titles, deadlines, units …) are exactly what the importers
//! read. The 2023 and Shanghai ledgers also get deterministic *demo* progress (statuses,
//! progress notes, done dates) so the four colours are meaningful at the pinned date; see
//! [`demo`]. Real workspaces never get any of this.

pub mod demo;

use chrono::NaiveDate;

use super::error::ImportError;
use super::plan::import_task_plan;
use super::rectification::import_rectification_report;
use super::{Format, ImportOptions, import_table};
use crate::domain::{Ledger, LedgerKind, WorkspaceConfig};

/// The pinned "today" of the demo workspace: inside the 2023 ledgers' year, so that
/// 6月底前 items are blue, 5月底前 ones red, earlier ones black and missing June reports yellow.
pub const DEMO_AS_OF: (i32, u32, u32) = (2023, 6, 26);

/// The demo workspace: its config and its ledgers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleWorkspace {
    /// `duban.ron`.
    pub config: WorkspaceConfig,
    /// `ledgers/<id>.ron`, in file-name order.
    pub ledgers: Vec<Ledger>,
}

/// The texts of the source documents the samples are made from.
#[derive(Debug, Clone, Copy)]
pub struct SampleSources<'a> {
    /// `000_…txt`: the 2023 Mianyang plan with its four ledgers as `|` tables (附件1–4).
    pub mianyang_2023: &'a str,
    /// `002_…txt`: the 2024 巡察整改 report.
    pub rectification_2024: &'a str,
    /// `004_…txt`: the Shanghai 2022–2024 司法所规范化建设 plan.
    pub shanghai_2022: &'a str,
}

/// The ids and file names of the four 2023 ledgers, in 附件 order.
pub const LEDGERS_2023: [&str; 4] = [
    "2023-1-zhidu",
    "2023-2-jichu",
    "2023-3-tese",
    "2023-4-zhongdian",
];

/// One 附件 of a document: its number, its title line and the table below it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// The attachment number (附件N).
    pub number: u32,
    /// The title line right after `附件N`.
    pub title: String,
    /// The lines after the title, up to the next `附件N` line.
    pub table: String,
}

/// Cut a document at its `附件N` lines.
pub fn attachments(text: &str) -> Vec<Attachment> {
    let mut out: Vec<Attachment> = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let number = line
            .trim()
            .strip_prefix("附件")
            .and_then(|n| n.parse::<u32>().ok());
        match number {
            Some(number) => {
                let title = lines.next().unwrap_or("").trim().to_string();
                out.push(Attachment {
                    number,
                    title,
                    table: String::new(),
                });
            }
            None => {
                if let Some(current) = out.last_mut() {
                    current.table.push_str(line);
                    current.table.push('\n');
                }
            }
        }
    }
    out
}

/// Build the whole sample workspace.
pub fn build_samples(sources: SampleSources<'_>) -> Result<SampleWorkspace, ImportError> {
    let as_of = demo_as_of();
    let mut ledgers = Vec::new();
    for (attachment, id) in attachments(sources.mianyang_2023)
        .into_iter()
        .zip(LEDGERS_2023)
    {
        let mut ledger = import_2023(&attachment, id)?;
        demo::progress_2023(&mut ledger, as_of);
        ledgers.push(ledger);
    }
    let mut shanghai = import_task_plan(
        sources.shanghai_2022,
        ImportOptions {
            title: "上海市司法所规范化建设三年行动(2022-2024年)任务分工".into(),
            base_year: 2022,
            id: "2022-shanghai".into(),
        },
    )?
    .ledger;
    shanghai.source = "上海市司法局 沪司发〔2022〕46号《关于贯彻落实司法部〈司法所规范化建设三年行动方案(2022-2024年)〉的实施方案》".into();
    demo::progress_shanghai(&mut shanghai, as_of);
    ledgers.push(shanghai);
    let mut xuncha = import_rectification_report(
        sources.rectification_2024,
        ImportOptions {
            title: "2024年市委巡察反馈问题整改台账".into(),
            base_year: 2024,
            id: "2024-xuncha".into(),
        },
    )?
    .ledger;
    xuncha.source =
        "中共绵阳市司法局党组关于市委第五巡察组巡察反馈意见集中整改进展情况的通报(2025年2月21日)"
            .into();
    ledgers.push(xuncha);
    ledgers.sort_by(|a, b| a.id.cmp(&b.id));
    let config = WorkspaceConfig {
        name: "示例工作区(演示数据)".into(),
        demo: true,
        as_of: Some(as_of),
        units: all_units(&ledgers),
        ..WorkspaceConfig::default()
    };
    Ok(SampleWorkspace { config, ledgers })
}

/// The pinned date as a `NaiveDate`.
pub fn demo_as_of() -> NaiveDate {
    let (y, m, d) = DEMO_AS_OF;
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// One 2023 ledger from its 附件 table, read by the table importer.
pub fn import_2023(attachment: &Attachment, id: &str) -> Result<Ledger, ImportError> {
    let opts = ImportOptions {
        title: attachment.title.clone(),
        base_year: 2023,
        id: id.to_string(),
    };
    let mut ledger = import_table(&attachment.table, Format::Pipe, opts)?.ledger;
    ledger.kind = LedgerKind::Project;
    ledger.source = format!(
        "绵阳市司法局 2023年全市司法行政“四个项目年”项目化管理工作方案 附件{}",
        attachment.number
    );
    // No closing date: the plan names none (结项验收 has no date in the source), and a
    // closing date is set only when a source or the user gives one.
    Ok(ledger)
}

/// Every unit named in the ledgers (lead, responsible, supervising), in order of first use.
pub fn all_units(ledgers: &[Ledger]) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
    for item in ledgers.iter().flat_map(|l| &l.items) {
        let names = item
            .lead_unit
            .iter()
            .chain(&item.units)
            .chain(&item.supervisors);
        for name in names {
            if !units.contains(name) {
                units.push(name.clone());
            }
        }
    }
    units
}
