//! A small hand-built workspace for the TUI tests: two ledgers, items with hand-set
//! warning colours (so the tests do not depend on the warning engine's thresholds).

#![allow(dead_code)]

use chrono::NaiveDate;
use duban::app::{Action, State, update};
use duban::domain::assess::Assessment;
use duban::domain::deadline::{Milestone, Schedule, ScheduleKind};
use duban::domain::{
    Colour, Item, Ledger, LedgerKind, ProgressEntry, Status, Warning, WorkspaceConfig,
};
use duban::input::KeyMap;
use duban::storage::{LoadedLedger, Workspace};
use duban::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyEvent;

/// The pinned date of the fixture (a Monday).
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 6, 26).unwrap()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

struct Spec {
    number: &'static str,
    title: &'static str,
    category: &'static str,
    units: &'static [&'static str],
    deadline: &'static str,
    due: Option<NaiveDate>,
    colour: Colour,
    reason: &'static str,
    days: Option<i64>,
    status: Status,
}

const SPECS_A: &[Spec] = &[
    Spec {
        number: "1",
        title: "建设智慧矫正中心",
        category: "社区矫正",
        units: &["社区矫正科"],
        deadline: "5月底前",
        due: Some(d_const(2023, 5, 31)),
        colour: Colour::Black,
        reason: "逾期22个工作日",
        days: Some(-22),
        status: Status::InProgress,
    },
    Spec {
        number: "2",
        title: "深化人民调解工作",
        category: "基层工作",
        units: &["基层科", "各县司法局"],
        deadline: "6月中旬",
        due: Some(d_const(2023, 6, 15)),
        colour: Colour::Red,
        reason: "逾期7个工作日",
        days: Some(-7),
        status: Status::InProgress,
    },
    Spec {
        number: "3",
        title: "长期坚持法治宣传教育",
        category: "普法",
        units: &["普法科"],
        deadline: "长期",
        due: None,
        colour: Colour::Yellow,
        reason: "本月未报送进展",
        days: None,
        status: Status::InProgress,
    },
    Spec {
        number: "4",
        title: "协调银行网点设立法律服务点",
        category: "公共法律服务",
        units: &["公共法律服务科"],
        deadline: "6月底前",
        due: Some(d_const(2023, 6, 30)),
        colour: Colour::Blue,
        reason: "距截止4个工作日",
        days: Some(4),
        status: Status::NotStarted,
    },
    Spec {
        number: "5",
        title: "律师行业党建全覆盖",
        category: "律师管理",
        units: &["律师工作科"],
        deadline: "12月底前",
        due: Some(d_const(2023, 12, 31)),
        colour: Colour::None,
        reason: "",
        days: Some(130),
        status: Status::InProgress,
    },
];

const SPECS_B: &[Spec] = &[
    Spec {
        number: "(1)",
        title: "重点人员排查整改不到位",
        category: "巡察反馈",
        units: &["社区矫正科", "基层科"],
        deadline: "2023年7月10日前完成整改",
        due: Some(d_const(2023, 7, 10)),
        colour: Colour::Red,
        reason: "领导批示:提级督办",
        days: Some(10),
        status: Status::InProgress,
    },
    Spec {
        number: "(2)",
        title: "行政复议案件办理超期",
        category: "巡察反馈",
        units: &["行政复议科"],
        deadline: "7月底前",
        due: Some(d_const(2023, 7, 31)),
        colour: Colour::None,
        reason: "",
        days: Some(25),
        status: Status::Done,
    },
    Spec {
        number: "(3)",
        title: "档案管理\u{1b}[31m不规范",
        category: "巡察反馈",
        units: &[],
        deadline: "按省厅要求",
        due: None,
        colour: Colour::None,
        reason: "",
        days: None,
        status: Status::NotStarted,
    },
];

const fn d_const(y: i32, m: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, day) {
        Some(date) => date,
        None => panic!("bad date"),
    }
}

fn item(spec: &Spec) -> Item {
    Item {
        id: spec.number.to_string(),
        number: spec.number.to_string(),
        category: spec.category.to_string(),
        title: spec.title.to_string(),
        measures: format!("{}:制定方案,明确责任,按月报送进展。", spec.title),
        deadline: spec.deadline.to_string(),
        units: spec.units.iter().map(|u| u.to_string()).collect(),
        status: spec.status,
        progress: vec![ProgressEntry {
            date: d(2023, 6, 2),
            author: "督查室".to_string(),
            text: "已召开推进会".to_string(),
        }],
        ..Item::default()
    }
}

fn ledger(id: &str, title: &str, kind: LedgerKind, specs: &[Spec]) -> Ledger {
    Ledger {
        format: 1,
        id: id.to_string(),
        title: title.to_string(),
        base_year: 2023,
        kind,
        items: specs.iter().map(item).collect(),
        ..Ledger::default()
    }
}

/// The fixture workspace (colours not yet applied: see [`state`]).
pub fn workspace() -> Workspace {
    let ledgers = vec![
        ledger(
            "2023-1-zhidu",
            "制度建设规范年",
            LedgerKind::Project,
            SPECS_A,
        ),
        ledger(
            "2024-xuncha",
            "巡察整改",
            LedgerKind::Rectification,
            SPECS_B,
        ),
    ];
    Workspace {
        dir: std::env::temp_dir().join("duban-tui-fixture-does-not-exist"),
        config: WorkspaceConfig {
            name: "绵阳市司法局督查室".to_string(),
            demo: true,
            as_of: Some(today()),
            ..WorkspaceConfig::default()
        },
        ledgers: ledgers
            .into_iter()
            .map(|ledger| {
                let path = format!("ledgers/{}.ron", ledger.id).into();
                LoadedLedger::new(ledger, path)
            })
            .collect(),
        broken: Vec::new(),
    }
}

fn assessment(spec: &Spec) -> Assessment {
    let mut schedule = Schedule::unparsed(spec.deadline, 2023);
    if let Some(due) = spec.due {
        schedule.kind = ScheduleKind::Dated;
        schedule.milestones.push(Milestone {
            start: None,
            due,
            label: "完成".to_string(),
            percent: None,
            detail: None,
            measures: Vec::new(),
        });
    } else if spec.deadline == "长期" {
        schedule.kind = ScheduleKind::Ongoing;
    }
    Assessment {
        schedule,
        warning: Warning {
            colour: spec.colour,
            reason: spec.reason.to_string(),
            due: spec.due,
            days: spec.days,
        },
    }
}

/// The fixture's state with the hand-set colours, sized `width`×`height`.
pub fn state(width: u16, height: u16) -> State {
    let mut state = State::new(workspace(), today());
    for (i, spec) in SPECS_A.iter().chain(SPECS_B).enumerate() {
        state.catalog.set_assessment(i, assessment(spec));
    }
    state.rebuild_view();
    update(&mut state, Action::Resize(width, height), now());
    state
}

/// The moment keys are pressed at: the fixture's today at 00:00.
pub fn now() -> chrono::NaiveDateTime {
    today().and_time(chrono::NaiveTime::MIN)
}

/// A key event for a key name ("j", "Enter", "Ctrl-r").
pub fn key(name: &str) -> KeyEvent {
    duban::input::KeySpec::parse(name).unwrap().event()
}

/// Press keys in order through the default key map; typing text in search mode is one
/// key per character. Returns whether a quit was requested.
pub fn press(state: &mut State, keys: &[&str]) -> bool {
    let map = KeyMap::default();
    let mut quit = false;
    for k in keys {
        let action = map
            .resolve(&key(k), state.mode())
            .unwrap_or(Action::Unbound);
        quit |= update(state, action, now()).contains(&duban::app::Effect::Quit);
    }
    quit
}

/// Type a text in search mode, one character at a time.
pub fn type_text(state: &mut State, text: &str) {
    for c in text.chars() {
        press(state, &[&c.to_string()]);
    }
}

/// The titles of the rows shown, in order.
pub fn titles(state: &State) -> Vec<String> {
    state
        .view
        .rows
        .iter()
        .map(|&i| {
            let e = state.catalog.entry(i).unwrap();
            state.catalog.item(e).title.clone()
        })
        .collect()
}

/// The bundled sample workspace (`data/`) at its pinned date, sized `width`×`height`.
pub fn sample_state(width: u16, height: u16) -> State {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let workspace = duban::storage::load_workspace(&dir).expect("data/ loads");
    assert!(workspace.broken.is_empty(), "{:?}", workspace.broken);
    let today = workspace.config.as_of.expect("the sample pins its date");
    let mut state = State::new(workspace, today);
    let now = today.and_time(chrono::NaiveTime::MIN);
    update(&mut state, Action::Resize(width, height), now);
    state
}

/// Press keys on a state whose date is its catalogue's.
pub fn press_at(state: &mut State, keys: &[&str]) {
    let map = KeyMap::default();
    let now = state.today().and_time(chrono::NaiveTime::MIN);
    for k in keys {
        let action = map
            .resolve(&key(k), state.mode())
            .unwrap_or(Action::Unbound);
        update(state, action, now);
    }
}

/// Type a text one character at a time on a state whose date is its catalogue's.
pub fn type_at(state: &mut State, text: &str) {
    for c in text.chars() {
        press_at(state, &[&c.to_string()]);
    }
}

/// The whole frame of `state` at its size, drawn with the default keys and `theme`.
pub fn render(state: &State, theme: Theme) -> Terminal<TestBackend> {
    let (w, h) = state.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| ui::draw(f, state, &KeyMap::default(), &theme))
        .unwrap();
    terminal
}
