//! Durability under SIGKILL: a shell loop runs `duban note` again and again, printing a line
//! after each acknowledged save; the test kills the whole process group (the shell and the
//! `duban` in flight) right after reading the Nth acknowledgement, repeatedly. After every
//! kill each ledger file must still parse and hold every acknowledged note, and every
//! backup must parse.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};

use duban::domain::{Item, Ledger, WorkspaceConfig};
use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};

const ROUNDS: u64 = 20;
const LEDGER: &str = "kill-test";

fn write_workspace(dir: &Path) {
    std::fs::create_dir_all(dir.join("ledgers")).expect("mkdir");
    let config = WorkspaceConfig {
        name: "durability".into(),
        backups: 2,
        ..WorkspaceConfig::default()
    };
    let ledger = Ledger {
        format: 1,
        id: LEDGER.into(),
        title: "断电测试".into(),
        base_year: 2024,
        items: (1..=3)
            .map(|n| Item {
                id: n.to_string(),
                number: n.to_string(),
                title: format!("事项{n}"),
                deadline: "12月底前".into(),
                units: vec!["办公室".into()],
                ..Item::default()
            })
            .collect(),
        ..Ledger::default()
    };
    let pretty = ron::ser::PrettyConfig::default();
    std::fs::write(
        dir.join("duban.ron"),
        ron::ser::to_string_pretty(&config, pretty.clone()).expect("config serializes"),
    )
    .expect("write config");
    std::fs::write(
        dir.join("ledgers").join(format!("{LEDGER}.ron")),
        ron::ser::to_string_pretty(&ledger, pretty).expect("ledger serializes"),
    )
    .expect("write ledger");
}

/// Every ledger file (`ledgers/*.ron`, dot files excepted) parses; returns the notes of the test ledger.
fn notes_on_disk(dir: &Path) -> BTreeSet<String> {
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let mut notes = BTreeSet::new();
    for entry in std::fs::read_dir(dir.join("ledgers")).expect("read ledgers") {
        let path = entry.expect("entry").path();
        // Dot files are the temp files of interrupted saves: never loaded, so not checked.
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if path.extension().is_some_and(|e| e == "ron") && !hidden {
            let text = std::fs::read_to_string(&path).expect("readable");
            let ledger: Ledger = options
                .from_str(&text)
                .unwrap_or_else(|e| panic!("{} no longer parses: {e}", path.display()));
            for item in &ledger.items {
                notes.extend(item.progress.iter().map(|p| p.text.clone()));
            }
        }
    }
    notes
}

/// Start a loop of `duban note` saves in its own process group; it prints the note's text
/// after each save `duban` acknowledged (exit 0).
fn start_loop(dir: &Path, round: u64) -> std::process::Child {
    let script = r#"i=0
while :; do
  i=$((i+1))
  item=$(( i % 3 + 1 ))
  "$DUBAN" --dir "$WS" --today 2024-06-03 note "$LEDGER" "$item" "第${ROUND}轮进展${i}" --author 测试 >/dev/null || exit 1
  echo "第${ROUND}轮进展${i}"
done"#;
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("DUBAN", env!("CARGO_BIN_EXE_duban"))
        .env("WS", dir)
        .env("LEDGER", LEDGER)
        .env("ROUND", round.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .process_group(0)
        .spawn()
        .expect("sh starts")
}

fn kill_group(pid: u32) {
    let status = Command::new("kill")
        .args(["-KILL", "--", &format!("-{pid}")])
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -KILL -{pid} failed");
}

#[test]
fn sigkill_in_the_middle_of_saves_loses_no_acknowledged_note() {
    let tmp = tempfile::TempDir::new().expect("tempdir");
    let dir = tmp.path().join("ws");
    write_workspace(&dir);
    let mut rng = SmallRng::seed_from_u64(5);
    let mut acknowledged: BTreeSet<String> = BTreeSet::new();

    for round in 0..ROUNDS {
        let wanted = rng.random_range(1..=4);
        let mut child = start_loop(&dir, round);
        let stdout = child.stdout.take().expect("piped stdout");
        let mut lines = BufReader::new(stdout).lines();
        for _ in 0..wanted {
            match lines.next() {
                Some(Ok(line)) => {
                    acknowledged.insert(line);
                }
                other => panic!("round {round}: the save loop stopped early: {other:?}"),
            }
        }
        // The next `duban note` is already running: kill it at a random point of its life
        // (start, load, lock, write, fsync, rename). The delay only spreads the moment; the
        // check does not depend on it.
        std::thread::sleep(std::time::Duration::from_micros(rng.random_range(0..4000)));
        kill_group(child.id());
        child.wait().expect("reaped");
        // A line printed between the Nth and the kill was acknowledged too.
        acknowledged.extend(lines.map_while(Result::ok));

        let on_disk = notes_on_disk(&dir);
        let lost: Vec<_> = acknowledged.difference(&on_disk).collect();
        assert!(
            lost.is_empty(),
            "round {round}: acknowledged notes lost: {lost:?}"
        );
        // Every backup is complete too: the kill may hit the rotation (issue 8.2).
        let broken = duban::storage::broken_backups(&dir).expect("backups readable");
        assert!(
            broken.is_empty(),
            "round {round}: broken backups: {broken:?}"
        );
    }
    assert!(acknowledged.len() >= ROUNDS as usize);
}
