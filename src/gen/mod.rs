//! Synthetic workspaces for tests and benchmarks: realistic Chinese ledgers built from
//! real fragments of the source documents, deterministic for a seed.
//!
//! `today` is a parameter (the generated workspace pins it as its `as_of` date), so the
//! same arguments always give the same workspace.

mod fragments;

use chrono::{Datelike, Duration, NaiveDate};
use rand::rngs::SmallRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

use crate::domain::{
    Colour, Extension, Item, Ledger, LedgerKind, ManualRaise, ProgressEntry, Status, SubMeasure,
    WorkspaceConfig,
};
use fragments::*;

/// Generate a workspace of `items` items spread over `ledgers` ledgers (at least one).
/// Every fifth ledger (and the second when there are two or more) is a rectification
/// ledger with a 反馈问题 → 面上问题 → 具体问题 tree.
pub fn generate(
    items: usize,
    ledgers: usize,
    seed: u64,
    today: NaiveDate,
) -> (WorkspaceConfig, Vec<Ledger>) {
    let mut rng = SmallRng::seed_from_u64(seed);
    let ledgers = ledgers.max(1);
    let year = today.year();
    let mut out = Vec::with_capacity(ledgers);
    for index in 0..ledgers {
        let count = items / ledgers + usize::from(index < items % ledgers);
        let rectification = ledgers >= 2 && index % 5 == 1;
        out.push(generate_ledger(
            &mut rng,
            index,
            count,
            rectification,
            year,
            today,
        ));
    }
    let config = WorkspaceConfig {
        name: format!("合成工作区({items} 项,种子 {seed})"),
        as_of: Some(today),
        units: UNITS.iter().map(|u| u.to_string()).collect(),
        ..WorkspaceConfig::default()
    };
    (config, out)
}

fn generate_ledger(
    rng: &mut SmallRng,
    index: usize,
    count: usize,
    rectification: bool,
    year: i32,
    today: NaiveDate,
) -> Ledger {
    let title_base = if rectification {
        "巡察整改"
    } else {
        LEDGER_TITLES[index % LEDGER_TITLES.len()]
    };
    let mut ledger = Ledger {
        format: crate::storage::FORMAT_VERSION,
        id: format!("gen-{:03}", index + 1),
        title: format!("{year}年{title_base}(合成 {})", index + 1),
        base_year: year,
        kind: if rectification {
            LedgerKind::Rectification
        } else {
            LedgerKind::Project
        },
        source: "duban gen 合成数据".to_string(),
        closing_date: NaiveDate::from_ymd_opt(year + 1, 1, 31),
        ..Ledger::default()
    };
    ledger.items = (0..count)
        .map(|n| generate_item(rng, n, year, today, rectification))
        .collect();
    if rectification {
        link_tree(&mut ledger.items);
    }
    ledger
}

/// Give a rectification ledger its tree: ~7% roots (反馈问题), ~30% second level, the rest leaves.
fn link_tree(items: &mut [Item]) {
    let roots = (items.len() / 14).max(1).min(items.len());
    let middles = (items.len() * 3 / 10).max(1);
    for n in 0..items.len() {
        let parent = if n < roots {
            None
        } else if n < roots + middles {
            Some((n - roots) % roots)
        } else {
            Some(roots + (n - roots - middles) % middles)
        };
        items[n].parent = parent.filter(|p| *p < n).map(|p| items[p].id.clone());
    }
}

fn pick<'a>(rng: &mut SmallRng, list: &[&'a str]) -> &'a str {
    list.choose(rng).copied().unwrap_or("")
}

fn title(rng: &mut SmallRng, rectification: bool) -> String {
    let core = format!(
        "{}{}{}",
        pick(rng, VERBS),
        pick(rng, OBJECTS),
        pick(rng, SUFFIXES)
    );
    if rectification {
        format!("{core}不到位的问题")
    } else if rng.random_bool(0.2) {
        format!(
            "《绵阳市司法局{}{}》",
            pick(rng, OBJECTS),
            pick(rng, &["管理办法", "实施细则", "工作规则"])
        )
    } else {
        core
    }
}

fn deadline(rng: &mut SmallRng, year: i32, rectification: bool) -> String {
    if rectification {
        let month = rng.random_range(1..=12);
        let day = rng.random_range(1..=28);
        return format!("{year}年{month}月{day}日前完成整改");
    }
    if rng.random_bool(0.4) {
        pick(rng, DEADLINES).to_string()
    } else {
        let month = rng.random_range(1..=12).to_string();
        pick(rng, DEADLINE_FORMS).replace("{m}", &month)
    }
}

fn status(rng: &mut SmallRng) -> Status {
    match rng.random_range(0..100) {
        0..15 => Status::NotStarted,
        15..70 => Status::InProgress,
        70..85 => Status::Done,
        85..95 => Status::Accepted,
        _ => Status::Suspended,
    }
}

fn days_before(rng: &mut SmallRng, today: NaiveDate, max: i64) -> NaiveDate {
    today - Duration::days(rng.random_range(0..=max))
}

fn generate_item(
    rng: &mut SmallRng,
    n: usize,
    year: i32,
    today: NaiveDate,
    rectification: bool,
) -> Item {
    let status = status(rng);
    let unit_count = rng.random_range(1..=3);
    let units: Vec<String> = UNITS
        .choose_multiple(rng, unit_count)
        .map(|u| u.to_string())
        .collect();
    let mut progress: Vec<ProgressEntry> = (0..rng.random_range(0..=4))
        .map(|_| ProgressEntry {
            date: days_before(rng, today, 120),
            author: pick(rng, AUTHORS).to_string(),
            text: pick(rng, PROGRESS).to_string(),
        })
        .collect();
    progress.sort_by_key(|p| p.date);
    let sub_measures = if rng.random_bool(0.25) {
        const ORDINALS: [&str; 4] = ["第一项", "第二项", "第三项", "第四项"];
        (0..rng.random_range(2..=4))
            .map(|k| SubMeasure {
                text: format!("{}:{}{}", ORDINALS[k], pick(rng, VERBS), pick(rng, OBJECTS)),
                done: rng.random_bool(0.5),
                deadline: None,
                done_on: None,
            })
            .collect()
    } else {
        Vec::new()
    };
    let deadline_text = deadline(rng, year, rectification);
    let extensions = if rng.random_bool(0.03) {
        vec![Extension {
            original: deadline_text.clone(),
            original_due: None,
            new_deadline: "12月底前".to_string(),
            reason: pick(rng, REASONS).to_string(),
            approver: "分管局领导".to_string(),
            date: days_before(rng, today, 60),
            new_due: None,
            milestone: None,
        }]
    } else {
        Vec::new()
    };
    Item {
        id: (n + 1).to_string(),
        number: (n + 1).to_string(),
        category: pick(rng, CATEGORIES).to_string(),
        title: title(rng, rectification),
        measures: format!(
            "{}{},{}",
            pick(rng, VERBS),
            pick(rng, OBJECTS),
            pick(rng, PROGRESS)
        ),
        deadline: deadline_text,
        lead_unit: rng.random_bool(0.2).then(|| pick(rng, UNITS).to_string()),
        units,
        supervisors: if rng.random_bool(0.3) {
            vec![pick(rng, SUPERVISORS).to_string()]
        } else {
            Vec::new()
        },
        status,
        suspend_reason: (status == Status::Suspended).then(|| pick(rng, REASONS).to_string()),
        done_on: status.is_finished().then(|| days_before(rng, today, 90)),
        progress,
        sub_measures,
        extensions,
        raised: rng.random_bool(0.02).then(|| ManualRaise {
            colour: Colour::Red,
            reason: "领导批示".to_string(),
            date: days_before(rng, today, 30),
            by: "督查室".to_string(),
        }),
        ..Item::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2023, 6, 15).expect("valid date")
    }

    #[test]
    fn same_seed_same_workspace_and_the_counts_add_up() {
        let (config, ledgers) = generate(1003, 4, 7, day());
        assert_eq!(generate(1003, 4, 7, day()).1, ledgers);
        assert_ne!(generate(1003, 4, 8, day()).1, ledgers);
        assert_eq!(ledgers.len(), 4);
        assert_eq!(ledgers.iter().map(|l| l.items.len()).sum::<usize>(), 1003);
        assert_eq!(config.as_of, Some(day()));
    }

    #[test]
    fn rectification_ledger_has_a_three_level_tree_with_existing_parents() {
        let (_, ledgers) = generate(300, 2, 1, day());
        let rect = &ledgers[1];
        assert_eq!(rect.kind, LedgerKind::Rectification);
        for item in &rect.items {
            if let Some(p) = &item.parent {
                assert!(rect.item(p).is_some(), "missing parent {p}");
            }
        }
        let counts = crate::cli::check::depth_counts(rect);
        assert_eq!(counts.len(), 3, "{counts:?}");
        assert!(counts[0] < counts[1] && counts[1] < counts[2], "{counts:?}");
    }

    #[test]
    fn generated_ledgers_pass_check_every_deadline_parses_and_all_colours_occur() {
        let (config, ledgers) = generate(600, 3, 3, day());
        for ledger in &ledgers {
            let problems = crate::cli::check::ledger_problems(ledger, &config.units);
            assert!(problems.is_empty(), "{problems:?}");
        }
        let calendar = crate::domain::calendar::WorkCalendar::new(config.rules.calendar);
        let colours: std::collections::HashSet<Colour> = ledgers
            .iter()
            .flat_map(|l| l.items.iter().map(move |i| (l, i)))
            .map(|(l, i)| {
                crate::domain::assess::assess(l, i, &config.rules, &calendar, day())
                    .warning
                    .colour
            })
            .collect();
        assert_eq!(colours.len(), 5, "{colours:?}");
    }
}
