//! The sample workspace in `data/` is exactly what the importers make of the seeds.
//!
//! Regenerate it with `cargo test --test import_samples -- --ignored regenerate_samples`.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use duban::import::samples::{SampleSources, SampleWorkspace, build_samples};
use duban::storage::{config_to_string, ledger_to_string};
use support::{repo, seed};

fn samples() -> SampleWorkspace {
    let (a, b, c) = (seed("000"), seed("002"), seed("004"));
    build_samples(SampleSources {
        mianyang_2023: &a,
        rectification_2024: &b,
        shanghai_2022: &c,
    })
    .expect("samples build")
}

/// The files of the sample workspace: (relative path, content).
fn files(ws: &SampleWorkspace) -> Vec<(PathBuf, String)> {
    let mut out = vec![(PathBuf::from("duban.ron"), config_to_string(&ws.config))];
    for ledger in &ws.ledgers {
        out.push((
            Path::new("ledgers").join(format!("{}.ron", ledger.id)),
            ledger_to_string(ledger),
        ));
    }
    out
}

#[test]
#[ignore = "writes data/; run by hand after changing an importer"]
fn regenerate_samples() {
    let data = repo().join("data");
    fs::create_dir_all(data.join("ledgers")).expect("data/ledgers");
    for (path, content) in files(&samples()) {
        fs::write(data.join(path), content).expect("write sample");
    }
}

#[test]
fn sample_files_are_what_the_importers_produce() {
    let data = repo().join("data");
    for (path, expected) in files(&samples()) {
        let actual = fs::read_to_string(data.join(&path))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            actual == expected,
            "data/{} differs from the importers' output; regenerate with \
             `cargo test --test import_samples -- --ignored regenerate_samples`",
            path.display()
        );
    }
}

#[test]
fn the_samples_have_the_documented_shape() {
    let ws = samples();
    let counts: Vec<(&str, usize)> = ws
        .ledgers
        .iter()
        .map(|l| (l.id.as_str(), l.items.len()))
        .collect();
    assert_eq!(
        counts,
        [
            ("2022-shanghai", 21),
            ("2023-1-zhidu", 38),
            ("2023-2-jichu", 33),
            ("2023-3-tese", 43),
            ("2023-4-zhongdian", 34),
            ("2024-xuncha", 68),
        ]
    );
    assert!(ws.config.demo);
    assert_eq!(
        ws.config.as_of.map(|d| d.to_string()).as_deref(),
        Some("2023-06-26")
    );
    for ledger in &ws.ledgers {
        for item in &ledger.items {
            for unit in item
                .all_units()
                .into_iter()
                .chain(item.supervisors.iter().map(String::as_str))
            {
                assert!(
                    ws.config.units.iter().any(|u| u == unit),
                    "{unit} missing from units"
                );
            }
        }
    }
}
