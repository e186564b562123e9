//! What the workspace holds: the CLI's view of it, the ledger files parsed, and hostile
//! text planted in them.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use duban::domain::Item;
use duban::storage::{ledger_to_string, parse_ledger};

/// The records of `duban list --format csv` with extra `args`, each as column → value.
pub fn cli_list(dir: &Path, args: &[&str]) -> Vec<BTreeMap<String, String>> {
    let out = Command::new(env!("CARGO_BIN_EXE_duban"))
        .arg("--dir")
        .arg(dir)
        .args(["list", "--format", "csv"])
        .args(args)
        .output()
        .expect("run duban list");
    assert!(out.status.success(), "duban list failed: {out:?}");
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = reader.headers().expect("csv header").clone();
    reader
        .records()
        .map(|record| {
            let record = record.expect("csv record");
            headers
                .iter()
                .zip(record.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// The `list` record of a table row: same number, title starting as shown.
pub fn record_of(dir: &Path, number: &str, title: &str) -> BTreeMap<String, String> {
    let shown = title.trim_end_matches('…');
    let mut matches: Vec<_> = cli_list(dir, &[])
        .into_iter()
        .filter(|r| r["id"] == number && r["title"].starts_with(shown))
        .collect();
    assert_eq!(matches.len(), 1, "items like {number} {title}: {matches:?}");
    matches.pop().expect("one record")
}

/// Open items per colour word, as `duban list --open` reports them.
pub fn cli_open_counts(dir: &Path) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for record in cli_list(dir, &["--open"]) {
        *counts.entry(record["colour"].clone()).or_insert(0) += 1;
    }
    counts
}

/// Every item of every ledger file in `dir/ledgers`, keyed by (ledger file, item id);
/// each file must parse.
pub fn items_on_disk(dir: &Path) -> BTreeMap<(String, String), Item> {
    let mut items = BTreeMap::new();
    for entry in fs::read_dir(dir.join("ledgers")).expect("ledgers dir") {
        let path = entry.expect("dir entry").path();
        let text = fs::read_to_string(&path).expect("read ledger");
        let ledger = parse_ledger(&text, &path)
            .unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()));
        for item in ledger.items {
            items.insert((ledger.id.clone(), item.id.clone()), item);
        }
    }
    items
}

/// The one item on disk with a progress note starting with `head`.
pub fn item_with_note(dir: &Path, head: &str) -> ((String, String), Item) {
    let mut found: Vec<_> = items_on_disk(dir)
        .into_iter()
        .filter(|(_, item)| item.progress.iter().any(|p| p.text.starts_with(head)))
        .collect();
    assert_eq!(found.len(), 1, "items with a note {head:?}: {found:?}");
    found.pop().expect("one item")
}

/// The names of the files in a directory, sorted.
pub fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read dir")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// Escape sequences a hostile spreadsheet cell could carry: set the terminal title, clear
/// the screen, turn text red, move the cursor home, ring the bell.
const HOSTILE: &str = "\x1b]2;PWNED\x07\x1b[2J\x1b[31m\x1b[H\x07";

/// Put [`HOSTILE`] into the titles, units and last progress notes of one ledger's items.
pub fn poison_ledger(dir: &Path, id: &str) {
    let path = dir.join("ledgers").join(format!("{id}.ron"));
    let text = fs::read_to_string(&path).expect("read ledger");
    let mut ledger = parse_ledger(&text, &path).expect("sample ledger parses");
    for item in &mut ledger.items {
        item.title = format!("{HOSTILE}{}", item.title);
        item.units.insert(0, format!("单位{HOSTILE}"));
        if let Some(note) = item.progress.last_mut() {
            note.text.push_str(HOSTILE);
        }
    }
    fs::write(&path, ledger_to_string(&ledger)).expect("write ledger");
}

/// The sample workspace shipped in the repository.
pub fn sample_data() -> PathBuf {
    super::support::repo().join("data")
}
