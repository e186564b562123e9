//! Re-importing the seed documents reproduces the sample ledgers in `data/ledgers`.

mod support;

use std::fs;

use duban::domain::{Item, Ledger, Status};
use duban::import::rectification::import_rectification_report;
use duban::import::{Format, ImportOptions, import_table};
use support::{repo, seed};

fn sample(id: &str) -> Ledger {
    let path = repo().join("data/ledgers").join(format!("{id}.ron"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    duban::storage::parse_ledger(&text, &path).unwrap_or_else(|e| panic!("{e}"))
}

/// The table of 附件`n` of the 2023 plan: the lines after its title, up to the next 附件.
fn attachment_table(n: u32) -> String {
    let text = seed("000");
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.trim() == format!("附件{n}"))
        .unwrap_or_else(|| panic!("附件{n} not in the seed"));
    lines[start + 2..]
        .iter()
        .take_while(|l| !l.trim().starts_with("附件"))
        .map(|l| format!("{l}\n"))
        .collect()
}

fn import_attachment(n: u32) -> Ledger {
    let opts = ImportOptions {
        title: format!("附件{n}"),
        base_year: 2023,
        id: format!("a{n}"),
    };
    import_table(&attachment_table(n), Format::Auto, opts)
        .expect("seed table imports")
        .ledger
}

/// The source fields of an item (what an import must reproduce; not demo progress).
fn source_fields(item: &Item) -> impl PartialEq + std::fmt::Debug + use<> {
    (
        item.id.clone(),
        item.number.clone(),
        item.category.clone(),
        item.goal.clone(),
        item.title.clone(),
        item.measures.clone(),
        item.deadline.clone(),
        item.units.clone(),
        item.lead_unit.clone(),
        item.supervisors.clone(),
        item.extra.clone(),
    )
}

#[rstest::rstest]
#[case(1, "2023-1-zhidu", 38)]
#[case(2, "2023-2-jichu", 33)]
#[case(3, "2023-3-tese", 43)]
#[case(4, "2023-4-zhongdian", 34)]
fn seed_tables_reimport_to_the_sample_ledgers(
    #[case] attachment: u32,
    #[case] id: &str,
    #[case] count: usize,
) {
    let imported = import_attachment(attachment);
    let stored = sample(id);
    assert_eq!(imported.items.len(), count);
    assert_eq!(stored.items.len(), count);
    assert_eq!(imported.columns, stored.columns);
    for (new, old) in imported.items.iter().zip(&stored.items) {
        assert_eq!(source_fields(new), source_fields(old), "item {}", old.id);
    }
}

#[test]
fn merged_cells_of_the_zhidu_ledger_are_inherited() {
    let ledger = import_attachment(1);
    let item = |id: &str| ledger.item(id).unwrap_or_else(|| panic!("no item {id}"));
    for id in ["2", "3", "4", "5"] {
        assert_eq!(item(id).deadline, "5月底前", "item {id}");
        assert_eq!(item(id).units, ["机关党办"], "item {id}");
        assert_eq!(item(id).category, "党的建设类", "item {id}");
    }
    assert_eq!(item("13").deadline, "2月底前");
    assert_eq!(item("13").units, ["机关党办"]);
    assert_eq!(item("12").units, ["办公室"]);
    assert_eq!(item("18").deadline, "6月底前");
    assert_eq!(item("18").units, ["社区矫正局"]);
    assert_eq!(item("32").title, "《绵阳市司法局固定资产管理制度》(修订)");
    assert_eq!(item("38").deadline, "1月底前");
    assert_eq!(item("38").units, ["办公室"]);
}

#[test]
fn repeated_goal_cells_are_stored_once_and_units_stay_whole() {
    let jichu = import_attachment(2);
    assert_eq!(
        jichu.items[0].goal,
        "实现机构基础设施明显增强,服务保障能力明显增强,自律管理能力明显增强"
    );
    assert!(jichu.items.iter().all(|i| i.goal == jichu.items[0].goal));
    assert_eq!(
        jichu.item("17").map(|i| i.units.clone()),
        Some(vec!["行政复议与应诉一、二科".to_string()])
    );
    let tese = import_attachment(3);
    assert_eq!(
        tese.item("18").map(|i| i.units.clone()),
        Some(vec![
            "行政复议与应诉一、二科".to_string(),
            "三台县司法局".to_string()
        ])
    );
    let zhongdian = import_attachment(4);
    let first = &zhongdian.items[0];
    assert_eq!(first.lead_unit.as_deref(), Some("涪城区司法局"));
    assert_eq!(first.supervisors, ["社区矫正管理科"]);
    assert_eq!(
        first.title,
        "探索建立“社区矫正+创业就业”正向激励新路径新模式"
    );
    assert!(first.measures.starts_with("选取司法所试点"));
    assert_eq!(
        zhongdian.item("32").map(|i| i.title.as_str()),
        Some("打造“物业纠纷身边调”专业调解品牌")
    );
}

#[test]
fn the_rectification_report_reimports_to_the_sample_tree() {
    let report = import_rectification_report(
        &seed("002"),
        ImportOptions {
            title: "巡察整改".into(),
            base_year: 2024,
            id: "x".into(),
        },
    )
    .expect("report imports");
    let items = &report.ledger.items;
    let level = |name: &str| items.iter().filter(|i| i.category == name).count();
    assert_eq!(level("反馈问题"), 5);
    assert_eq!(level("面上问题"), 22);
    assert_eq!(level("具体问题"), 41);
    for item in items {
        let depth = item.id.matches('.').count();
        match &item.parent {
            None => assert_eq!(depth, 0, "{}", item.id),
            Some(parent) => {
                assert_eq!(
                    item.id.rsplit_once('.').map(|(p, _)| p),
                    Some(parent.as_str())
                );
                assert!(
                    items.iter().any(|p| &p.id == parent),
                    "parent of {}",
                    item.id
                );
            }
        }
    }
    let stored = sample("2024-xuncha");
    assert_eq!(items.len(), stored.items.len());
    for (new, old) in items.iter().zip(&stored.items) {
        assert_eq!(source_fields(new), source_fields(old), "item {}", old.id);
        assert_eq!(new.parent, old.parent);
        assert_eq!(new.status, old.status);
        assert_eq!(new.sub_measures, old.sub_measures);
        assert_eq!(new.progress, old.progress);
    }
    // 2.2.2: 第一三项完成整改,第二项未完成整改.
    let partly = report.ledger.item("2.2.2").expect("2.2.2");
    assert_eq!(partly.status, Status::InProgress);
    let flags: Vec<(&str, bool)> = partly
        .sub_measures
        .iter()
        .map(|m| (m.text.as_str(), m.done))
        .collect();
    assert_eq!(
        flags,
        [("第一项", true), ("第二项", false), ("第三项", true)]
    );
    let first = report.ledger.item("1.1").expect("1.1");
    assert_eq!(first.deadline, "2024年11月20日前完成整改");
    assert_eq!(first.status, Status::Done);
    assert_eq!(first.progress[0].author, "中共绵阳市司法局党组");
    assert_eq!(first.progress[0].date.to_string(), "2025-02-21");
    assert!(first.progress[0].text.starts_with("一是根据"));
}

#[test]
fn the_shanghai_plan_reimports_to_the_sample_tasks() {
    let report = duban::import::plan::import_task_plan(
        &seed("004"),
        ImportOptions {
            title: "上海".into(),
            base_year: 2022,
            id: "s".into(),
        },
    )
    .expect("plan imports");
    let ledger = report.ledger;
    let stored = sample("2022-shanghai");
    assert_eq!(ledger.items.len(), 21);
    assert_eq!(ledger.default_deadline, stored.default_deadline);
    assert_eq!(
        ledger.default_deadline.as_deref(),
        Some("2022年推进年 2023年提升年 2024年深化年;每年10月底前报送年度报告")
    );
    for (new, old) in ledger.items.iter().zip(&stored.items) {
        assert_eq!(source_fields(new), source_fields(old), "task {}", old.id);
    }
    let sections: Vec<&str> = ledger.items.iter().map(|i| i.category.as_str()).collect();
    assert_eq!(sections[0], "政治建设");
    assert_eq!(sections[3], "业务建设");
    assert_eq!(sections[13], "组织队伍建设");
    assert_eq!(sections[20], "保障能力建设");
    let third = &ledger.items[2];
    assert_eq!(third.title, "加强纪律作风建设");
    assert_eq!(third.supervisors, ["市局监查处", "市局党群处"]);
    assert_eq!(third.units, ["各区局"]);
    assert_eq!(ledger.items[15].deadline, "到2022年底");
    assert_eq!(
        ledger.items[17].deadline,
        "到2023年底完成全市司法所外观标识规范化建设"
    );
}
