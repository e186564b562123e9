//! Several writers on one ledger: two processes each add 200 notes through `duban note`
//! at the same time, and every one of the 400 notes is on disk afterwards.

use std::collections::HashSet;
use std::path::Path;
use std::process::Command;
use std::thread;

use duban::domain::Ledger;

const NOTES_PER_WRITER: usize = 200;

fn duban(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_duban"));
    cmd.arg("--dir").arg(dir).args(["--today", "2023-06-15"]);
    cmd
}

/// One writer: `NOTES_PER_WRITER` sequential `duban note` runs, alternating between two items.
fn write_notes(dir: &Path, writer: &str) {
    for n in 0..NOTES_PER_WRITER {
        let item = if n % 2 == 0 { "1" } else { "2" };
        let out = duban(dir)
            .args([
                "note",
                "gen-001",
                item,
                &format!("{writer}-{n}"),
                "--author",
                writer,
            ])
            .output()
            .expect("duban runs");
        assert!(
            out.status.success(),
            "{writer}-{n}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn two_concurrent_writers_lose_no_note() {
    let tmp = tempfile::TempDir::new().expect("tempdir");
    let dir = tmp.path().join("ws");
    let generated = duban(&dir)
        .args(["gen", "--items", "20", "--ledgers", "1", "--seed", "9"])
        .output()
        .expect("gen runs");
    assert!(generated.status.success());
    let path = dir.join("ledgers/gen-001.ron");
    let read = || -> Ledger {
        ron::from_str(&std::fs::read_to_string(&path).expect("read")).expect("parses")
    };
    let before: usize = read().items.iter().map(|i| i.progress.len()).sum();

    thread::scope(|s| {
        for writer in ["甲", "乙"] {
            let dir = &dir;
            s.spawn(move || write_notes(dir, writer));
        }
    });

    let ledger = read();
    let notes: HashSet<String> = ledger
        .items
        .iter()
        .flat_map(|i| i.progress.iter().map(|p| p.text.clone()))
        .collect();
    let total: usize = ledger.items.iter().map(|i| i.progress.len()).sum();
    assert_eq!(total, before + 2 * NOTES_PER_WRITER);
    for writer in ["甲", "乙"] {
        for n in 0..NOTES_PER_WRITER {
            assert!(
                notes.contains(&format!("{writer}-{n}")),
                "{writer}-{n} was lost"
            );
        }
    }
}
