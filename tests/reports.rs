//! `duban report` on a copy of the bundled sample workspace at its pinned date
//! (2023-06-26, `as_of` in data/duban.ron). Every expected figure below was counted by
//! hand from the ledger files in data/ledgers (statuses, deadline texts, done dates) and
//! the working-day calendar, as each test's comment says.

mod support;

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use support::{copy_dir, repo};
use tempfile::TempDir;

fn samples() -> TempDir {
    let tmp = TempDir::new().expect("tempdir");
    copy_dir(&repo().join("data"), tmp.path());
    tmp
}

fn duban(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_duban"));
    cmd.arg("--dir").arg(dir);
    cmd
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let out = duban(dir)
        .arg("report")
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("array")
        .iter()
        .map(|v| match v.get("item") {
            Some(item) => format!(
                "{}/{}",
                item["ledger"].as_str().unwrap(),
                item["id"].as_str().unwrap()
            ),
            None => format!(
                "{}/{}",
                v["ledger"].as_str().unwrap(),
                v["id"].as_str().unwrap()
            ),
        })
        .collect()
}

fn strings(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("array")
        .iter()
        .map(|v| v.as_str().expect("string").to_string())
        .collect()
}

#[test]
fn monthly_rates_per_ledger_match_a_hand_count_of_the_ledger() {
    // By hand, data/ledgers/2023-1-zhidu.ron: 38 items, all dated (1月底前 ×4, 2月 ×3,
    // 3月 ×6, 4月 ×18, 5月 ×5, 6月底前 ×2); 29 Done, each done on or before its month's
    // end; the 9 open ones are 1, 2, 3 (5月底前), 17, 18 (6月底前), 26, 27, 35, 36
    // (4月底前). On 2023-06-26 the 36 items due before then are "already due", 29 of
    // them closed on time: 完成率 29/38 = 76.3%, 按期完成率 29/36 = 80.6%.
    let tmp = samples();
    let report = json(tmp.path(), &[]);
    assert_eq!(
        report["period"],
        serde_json::json!({"year": 2023, "month": 6})
    );
    let zhidu = report["by_ledger"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "2023-1-zhidu")
        .expect("zhidu row");
    let r = &zhidu["rates"];
    assert_eq!(
        (
            r["total"].as_u64(),
            r["rated"].as_u64(),
            r["closed"].as_u64()
        ),
        (Some(38), Some(38), Some(29))
    );
    assert_eq!(
        (r["already_due"].as_u64(), r["closed_on_time"].as_u64()),
        (Some(36), Some(29))
    );
    // The 2024 rectification ledger is not an item of June 2023 (base year 2024).
    assert!(
        report["by_ledger"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["key"] != "2024-xuncha")
    );
    // Red = 6..=20 working days overdue. By hand: zhidu 1, 2, 3 are due 05-31; June 2023
    // has 17 working days up to the 26th (06-22/23 端午 off, Sunday 06-25 worked).
    let red = report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["colour"] == "红")
        .expect("red");
    assert_eq!(
        ids(&red["items"]),
        ["2023-1-zhidu/1", "2023-1-zhidu/2", "2023-1-zhidu/3"]
    );
    assert!(
        red["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["overdue_days"] == 17)
    );
    // Reports follow the cadence (monthly, due at month end): on 06-26 May's report is the
    // one looked for. 机关党办's zhidu 1, 2, 3 reported on 05-21, inside May: not missing.
    // 办公室's zhidu 26 and 27 last reported on 04-18 (checked in the ledger file): missing.
    let not_reported = report["not_reported"].as_array().unwrap();
    assert!(not_reported.iter().all(|u| u["unit"] != "机关党办"));
    let unit = not_reported
        .iter()
        .find(|u| u["unit"] == "办公室")
        .expect("办公室");
    assert_eq!(ids(&unit["items"]), ["2023-1-zhidu/26", "2023-1-zhidu/27"]);
}

#[test]
fn a_past_month_lists_what_closed_in_it_and_the_next_months_checklist() {
    // By hand: the only zhidu items done in May 2023 are 4 (done 05-31) and 5 (05-30);
    // no other ledger has a done date in May. June's checklist for 社区矫正局 is zhidu 17
    // and 18, both 6月底前 → 2023-06-30.
    let tmp = samples();
    let report = json(tmp.path(), &["--period", "2023-05"]);
    assert_eq!(report["report_date"], "2023-05-31");
    assert_eq!(ids(&report["closed"]), ["2023-1-zhidu/4", "2023-1-zhidu/5"]);
    let plan = report["next_month"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["unit"] == "社区矫正局")
        .expect("plan");
    let lines: Vec<(String, String)> = plan["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["date"].as_str().unwrap().to_string(),
                l["item"]["id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            ("2023-06-30".into(), "17".into()),
            ("2023-06-30".into(), "18".into())
        ]
    );
}

#[test]
fn the_rectification_counts_list_their_problem_ids() {
    // By hand from data/ledgers/2024-xuncha.ron (feedback 2024-07-24, 4 months → period
    // ends 2024-11-24). 面上问题 with 整改时限 2024-11-20: 1.1 1.3 2.1 2.2 2.4 2.5 3.3 3.4
    // 4.1–4.4 5.1 5.3–5.5 (16), all Done but 2.2 (第二项 open); later: 1.2 1.4 (2025-12-31),
    // 2.3 3.1 5.2 (2024-12-31, Done), 3.2 (2025-12-31, open).
    let tmp = samples();
    let report = json(tmp.path(), &["--kind", "rectification"]);
    let part = &report["ledgers"][0];
    assert_eq!(part["ledger"], "2024-xuncha");
    assert_eq!(part["period_end"], "2024-11-24");
    let surface = &part["levels"][0];
    assert_eq!(surface["level"], "面上问题");
    let in_period = [
        "1.1", "1.3", "2.1", "2.2", "2.4", "2.5", "3.3", "3.4", "4.1", "4.2", "4.3", "4.4", "5.1",
        "5.3", "5.4", "5.5",
    ];
    assert_eq!(strings(&surface["due_in_period"]), in_period);
    assert_eq!(strings(&surface["open_in_period"]), ["2.2"]);
    assert_eq!(strings(&surface["done_in_period"]).len(), 15);
    assert_eq!(
        strings(&surface["out_of_period"]),
        ["1.2", "1.4", "2.3", "3.1", "3.2", "5.2"]
    );
    assert_eq!(strings(&surface["out_open"]), ["3.2"]);
    // 具体问题: 29 dated 2024-11-20 (in period), of which 2.2.1, 2.2.2 and 3.2.2 are open
    // (sub-measures outstanding); 3.1.2 "根据中央依法治国办的部署完成整改" has no date.
    let specific = &part["levels"][1];
    assert_eq!(specific["level"], "具体问题");
    assert_eq!(strings(&specific["due_in_period"]).len(), 29);
    assert_eq!(
        strings(&specific["open_in_period"]),
        ["2.2.1", "2.2.2", "3.2.2"]
    );
    assert_eq!(strings(&specific["no_deadline"]), ["3.1.2"]);
    assert_eq!(
        strings(&specific["out_open"]),
        ["3.1.3", "3.2.1", "5.2.2", "5.2.3"]
    );
    assert_eq!(strings(&specific["out_done"]).len(), 7);
    // The Markdown says it the seed's way.
    let out = duban(tmp.path())
        .args(["report", "--kind", "rectification"])
        .output()
        .expect("runs");
    let md = String::from_utf8(out.stdout).expect("utf-8");
    assert!(md.contains("22个面上问题,4个月集中整改期内应完成整改16个,实际完成整改15个,未完成整改1个,阶段性整改率为93.8%;4个月集中整改期外6个,已完成整改5个,正稳步推进1个。"), "{md}");
    assert!(
        md.contains("| 期内未完成整改 | 3 | 2.2.1、2.2.2、3.2.2 |"),
        "{md}"
    );
}

#[test]
fn closing_lists_commendations_late_items_and_units_losing_eligibility() {
    // By hand at 2023-06-26: late and open are zhidu 1 2 3 (机关党办), 26 27 (办公室),
    // 35 36 (装财科), jichu 18, tese 30; none has a 书面说明. Closed on time: the 29 Done
    // zhidu items, jichu 2 14 33, tese 24 25 26, shanghai 16 = 36.
    let tmp = samples();
    let report = json(tmp.path(), &["--kind", "closing"]);
    assert_eq!(report["commended"].as_array().unwrap().len(), 36);
    assert!(report["late_explained"].as_array().unwrap().is_empty());
    let late = ids(&report["late_unexplained"]);
    assert_eq!(
        late,
        [
            "2023-1-zhidu/1",
            "2023-1-zhidu/2",
            "2023-1-zhidu/3",
            "2023-1-zhidu/26",
            "2023-1-zhidu/27",
            "2023-1-zhidu/35",
            "2023-1-zhidu/36",
            "2023-2-jichu/18",
            "2023-3-tese/30",
        ]
    );
    let units = report["units_losing_eligibility"].as_array().unwrap();
    let zhuangcai = units
        .iter()
        .find(|u| u["unit"] == "装财科")
        .expect("装财科");
    assert_eq!(
        ids(&zhuangcai["items"]),
        ["2023-1-zhidu/35", "2023-1-zhidu/36"]
    );
    // A 书面说明 moves an item to the explained list.
    let text = std::fs::read_to_string(tmp.path().join("ledgers/2023-1-zhidu.ron")).expect("read");
    let text = text.replacen(
        "            title: \"《中共绵阳市司法局委员会党支部党建绩效考核制度》\",",
        "            title: \"《中共绵阳市司法局委员会党支部党建绩效考核制度》\",\n            overdue_explanation: \"待省委组织部文件出台\",",
        1,
    );
    std::fs::write(tmp.path().join("ledgers/2023-1-zhidu.ron"), text).expect("write");
    let report = json(tmp.path(), &["--kind", "closing"]);
    assert_eq!(ids(&report["late_explained"]), ["2023-1-zhidu/1"]);
    assert_eq!(report["late_unexplained"].as_array().unwrap().len(), 8);
}

#[test]
fn csv_gives_one_figure_per_row_with_the_items_behind_it() {
    let tmp = samples();
    let out = duban(tmp.path())
        .args(["report", "--kind", "rectification", "--format", "csv"])
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("section,group,measure,value,items"));
    assert!(
        text.contains("2024-xuncha,面上问题,未完成,1,2024-xuncha/2.2\n"),
        "{text}"
    );
    assert!(
        text.contains("2024-xuncha,具体问题,阶段性整改率,89.7%,\n"),
        "{text}"
    );
}
