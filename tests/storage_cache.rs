//! The read cache of parsed ledgers is derived and disposable: it is used only for exactly
//! the RON bytes it was made from, ignored and rebuilt when the file changes in any way
//! (same size and mtime included), when it is corrupt or of another version, and deleting
//! it changes no output.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::NaiveDate;
use duban::storage::cache::{self, CACHE_DIR_ENV};
use duban::storage::{Fingerprint, ledger_path, parse_ledger};
use tempfile::TempDir;

const TODAY: &str = "2023-06-15";

struct Setup {
    _tmp: TempDir,
    ws: PathBuf,
    cache: PathBuf,
}

/// A generated workspace of 300 items in 3 ledgers and an empty cache folder.
fn setup() -> Setup {
    let tmp = TempDir::new().unwrap();
    let ws = tmp.path().join("ws");
    let today = NaiveDate::from_ymd_opt(2023, 6, 15).unwrap();
    let (config, ledgers) = duban::r#gen::generate(300, 3, 5, today);
    duban::storage::create_workspace(&ws, &config).unwrap();
    for ledger in &ledgers {
        duban::storage::save_ledger(&ws, ledger, 0).unwrap();
    }
    let cache = tmp.path().join("cache");
    Setup {
        _tmp: tmp,
        ws,
        cache,
    }
}

impl Setup {
    fn duban(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_duban"));
        cmd.arg("--dir")
            .arg(&self.ws)
            .arg("--today")
            .arg(TODAY)
            .env(CACHE_DIR_ENV, &self.cache)
            .env("USER", "测试员")
            .env_remove("DUBAN_AUTHOR")
            .env("XDG_CONFIG_HOME", self.ws.with_extension("config"));
        cmd
    }

    /// `duban list --format csv`'s output.
    fn list(&self) -> String {
        let out = self
            .duban()
            .args(["list", "--format", "csv"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    }

    fn ledger_file(&self) -> PathBuf {
        ledger_path(&self.ws, "gen-001")
    }

    /// What the cache holds for the ledger file as it is now, if it is used.
    fn cached(&self) -> Option<duban::domain::Ledger> {
        let path = self.ledger_file();
        cache::read_in(&self.cache_dir(), &path, &fingerprint(&path))
    }

    fn cache_dir(&self) -> PathBuf {
        self.cache.join("ledgers")
    }

    fn cache_file(&self) -> PathBuf {
        cache::cache_file(&self.cache_dir(), &self.ledger_file())
    }
}

fn fingerprint(path: &Path) -> Fingerprint {
    Fingerprint::of(&fs::read(path).unwrap())
}

/// What the cache holds for `path` as it is now, compared with parsing its RON.
fn cached_matches_file(s: &Setup, path: &Path) -> bool {
    let text = fs::read_to_string(path).unwrap();
    let parsed = parse_ledger(&text, path).unwrap();
    cache::read_in(&s.cache_dir(), path, &fingerprint(path)) == Some(parsed)
}

#[test]
fn a_cold_a_warm_and_a_deleted_cache_give_the_same_output() {
    let s = setup();
    let cold = s.list();
    assert!(s.cache_file().is_file(), "the first load writes the cache");
    assert!(cached_matches_file(&s, &s.ledger_file()));
    let warm = s.list();
    assert_eq!(warm, cold);
    fs::remove_dir_all(&s.cache).unwrap();
    assert_eq!(s.list(), cold, "deleting the cache changes no output");
    let off = s
        .duban()
        .env(CACHE_DIR_ENV, "off")
        .args(["list", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(off.stdout).unwrap(), cold);
}

/// An edit that keeps the file's size and modification time (metadata that lies) is
/// still seen: the cache is keyed by the bytes themselves.
#[test]
fn a_change_of_same_size_and_mtime_is_seen_and_the_cache_rebuilt() {
    let s = setup();
    let before = s.list();
    let path = s.ledger_file();
    let text = fs::read_to_string(&path).unwrap();
    let mtime = fs::metadata(&path).unwrap().modified().unwrap();
    // One character of the first item's title becomes another of the same UTF-8 length.
    let items_at = text.find("items:").unwrap();
    let title_at = items_at + text[items_at..].find("title: \"").unwrap() + "title: \"".len();
    let first = text[title_at..].chars().next().unwrap();
    let other = if first == '甲' { '乙' } else { '甲' };
    assert_eq!(first.len_utf8(), other.len_utf8());
    let changed = format!(
        "{}{other}{}",
        &text[..title_at],
        &text[title_at + first.len_utf8()..]
    );
    assert_eq!(changed.len(), text.len());
    fs::write(&path, &changed).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    assert_eq!(fs::metadata(&path).unwrap().len(), text.len() as u64);
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), mtime);
    assert!(!cached_matches_file(&s, &path), "the old cache is not used");

    let after = s.list();
    assert_ne!(after, before);
    assert!(after.contains(other), "the changed title is listed");
    assert!(cached_matches_file(&s, &path), "the cache is rebuilt");
    assert_eq!(after, s.list());
}

#[test]
fn a_corrupt_cache_is_ignored_and_rebuilt() {
    let s = setup();
    let good = s.list();
    let file = s.cache_file();
    let bytes = fs::read(&file).unwrap();
    // Cut in half (a header that matches, a body that does not parse).
    fs::write(&file, &bytes[..bytes.len() / 2]).unwrap();
    assert!(s.cached().is_none());
    assert_eq!(s.list(), good);
    assert!(cached_matches_file(&s, &s.ledger_file()), "rebuilt");
    // Garbage, and valid JSON of something else.
    for junk in [&b"\xff\xfe garbage"[..], b"{}", b""] {
        fs::write(&file, junk).unwrap();
        assert_eq!(s.list(), good);
        assert!(cached_matches_file(&s, &s.ledger_file()), "rebuilt");
    }
}

/// A cache file whose header names another cache layout or file format version is not
/// read, even with a body that parses.
#[test]
fn a_cache_of_another_version_is_ignored_and_rebuilt() {
    let s = setup();
    let good = s.list();
    let file = s.cache_file();
    let text = fs::read_to_string(&file).unwrap();
    let (header, body) = text.split_once('\n').unwrap();
    let version = format!("duban-ledger-cache {} ", cache::CACHE_VERSION);
    assert!(header.starts_with(&version), "{header}");
    let format = format!(" format {} ", duban::storage::FORMAT_VERSION);
    assert!(header.contains(&format), "{header}");
    for other in [
        header.replacen(
            &version,
            &format!("duban-ledger-cache {} ", cache::CACHE_VERSION + 1),
            1,
        ),
        header.replacen(
            &format,
            &format!(" format {} ", duban::storage::FORMAT_VERSION + 1),
            1,
        ),
    ] {
        // Another version with a body that differs from the file: it must not be shown.
        let body = body.replacen("\"title\":\"", "\"title\":\"旧缓存", 1);
        fs::write(&file, format!("{other}\n{body}")).unwrap();
        assert!(s.cached().is_none());
        let listed = s.list();
        assert_eq!(listed, good);
        assert!(!listed.contains("旧缓存"));
        assert!(cached_matches_file(&s, &s.ledger_file()), "rebuilt");
    }
}

/// A save by duban changes the bytes, so the cached ledger no longer answers for the file
/// until the next load has rebuilt it; the next load shows the edit.
#[test]
fn a_write_by_duban_invalidates_the_cache() {
    let s = setup();
    s.list();
    let path = s.ledger_file();
    let old = fingerprint(&path);
    assert!(cached_matches_file(&s, &path));
    let item = fs::read_to_string(&path).unwrap();
    let at = item.find("id: \"").unwrap() + "id: \"".len();
    let id: String = item[at..].chars().take_while(|c| *c != '"').collect();
    let id = {
        // The first `id:` is the ledger's; take the first item's.
        let rest = &item[at + id.len()..];
        let at = rest.find("id: \"").unwrap() + "id: \"".len();
        rest[at..]
            .chars()
            .take_while(|c| *c != '"')
            .collect::<String>()
    };
    s.duban()
        .args(["note", "gen-001", &id, "缓存失效测试进展"])
        .assert()
        .success();
    assert_ne!(fingerprint(&path), old);
    assert!(
        !cached_matches_file(&s, &path),
        "the old cache no longer answers"
    );
    // The cache, read for the new bytes: nothing; after a load, the edited ledger.
    s.list();
    assert!(cached_matches_file(&s, &path));
    let cached = cache::read_in(&s.cache_dir(), &path, &fingerprint(&path)).unwrap();
    let noted = cached.item(&id).unwrap();
    assert!(noted.progress.iter().any(|p| p.text == "缓存失效测试进展"));
}

#[test]
fn the_cache_keeps_a_bounded_number_of_files_and_the_newest() {
    let s = setup();
    let source = s.ledger_file();
    let bytes = fs::read(&source).unwrap();
    let ledger = parse_ledger(&String::from_utf8(bytes.clone()).unwrap(), &source).unwrap();
    let print = Fingerprint::of(&bytes);
    let paths: Vec<PathBuf> = (0..cache::MAX_FILES + 5)
        .map(|i| s.ws.join(format!("gone-{i}.ron")))
        .collect();
    for path in &paths {
        cache::write_in(&s.cache_dir(), path, &print, &ledger);
    }
    let kept = fs::read_dir(s.cache_dir()).unwrap().count();
    assert_eq!(kept, cache::MAX_FILES);
    let newest = paths.last().unwrap();
    assert_eq!(cache::read_in(&s.cache_dir(), newest, &print), Some(ledger));
}
