//! A derived, disposable read cache of parsed ledgers, in the user's cache directory.
//!
//! Parsing RON is most of the cost of opening a large workspace; the same ledger read back
//! from JSON takes about a third of the time. So after a ledger file is parsed, its ledger
//! is also written as JSON to `<cache dir>/ledgers/<hash of the file's path>.json`, and the
//! next load of that file reads the JSON instead of parsing the RON — but only when the
//! cache file's header names exactly the RON bytes just read: their length and hash (the
//! fingerprint every load computes anyway), the cache layout version and the file format
//! version. File metadata (size, mtime, inode) is not trusted: a rewrite with the same size
//! within the same second would pass it, and the bytes are read in any case.
//!
//! The RON file stays the only truth. A cache that is missing, unreadable, corrupt, of
//! another version or about other bytes is ignored and rebuilt from the RON file; a cache
//! that cannot be written is skipped silently. Deleting it changes no output.
//!
//! `DUBAN_CACHE_DIR` names another cache folder; `DUBAN_CACHE_DIR=off` turns the cache off.

use std::hash::{DefaultHasher, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::FORMAT_VERSION;
use super::lock::Fingerprint;
use crate::domain::Ledger;

/// The layout of a cache file; change it whenever what is cached or how changes.
pub const CACHE_VERSION: u32 = 1;

/// The most cache files kept: a new one beyond it removes the least recently written, so
/// workspaces that come and go (test runs, imports into temp folders) never pile up.
pub const MAX_FILES: usize = 64;

/// The environment variable naming the cache folder (`off` = no cache).
pub const CACHE_DIR_ENV: &str = "DUBAN_CACHE_DIR";

/// The folder of the ledger cache, or `None` when the cache is off or there is no home.
pub fn cache_dir() -> Option<PathBuf> {
    match std::env::var_os(CACHE_DIR_ENV) {
        Some(v) if v == "off" || v.is_empty() => None,
        Some(v) => Some(PathBuf::from(v).join("ledgers")),
        None => {
            directories::ProjectDirs::from("", "", "duban").map(|d| d.cache_dir().join("ledgers"))
        }
    }
}

/// The cache file of the ledger file at `path`: named by a hash of its absolute path.
pub fn cache_file(dir: &Path, path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut hasher = DefaultHasher::new();
    hasher.write(absolute.as_os_str().as_encoded_bytes());
    dir.join(format!("{:016x}.json", hasher.finish()))
}

/// The first line of a cache file for RON bytes with `fingerprint`.
fn header(fingerprint: &Fingerprint) -> String {
    let (len, hash) = fingerprint.parts();
    format!("duban-ledger-cache {CACHE_VERSION} format {FORMAT_VERSION} ron {len} {hash:016x}\n")
}

/// The ledger cached for the file at `path` whose bytes have `fingerprint`, if the cache
/// holds exactly that (else `None`: the caller parses the RON).
pub fn read(path: &Path, fingerprint: &Fingerprint) -> Option<Ledger> {
    read_in(&cache_dir()?, path, fingerprint)
}

/// [`read`] with the cache in `dir`.
pub fn read_in(dir: &Path, path: &Path, fingerprint: &Fingerprint) -> Option<Ledger> {
    let bytes = std::fs::read(cache_file(dir, path)).ok()?;
    let body = bytes.strip_prefix(header(fingerprint).as_bytes())?;
    let ledger: Ledger = serde_json::from_slice(body).ok()?;
    (ledger.format <= FORMAT_VERSION).then_some(ledger)
}

/// Keep `ledger`, parsed from RON bytes with `fingerprint` read from `path`, in the cache.
/// Failures are ignored: the cache only saves time.
pub fn write(path: &Path, fingerprint: &Fingerprint, ledger: &Ledger) {
    if let Some(dir) = cache_dir() {
        write_in(&dir, path, fingerprint, ledger);
    }
}

/// [`write`] with the cache in `dir`. Written to a temp file and renamed, so a reader never
/// sees half a cache file (and one that did would find it corrupt and ignore it).
pub fn write_in(dir: &Path, path: &Path, fingerprint: &Fingerprint, ledger: &Ledger) {
    let _ = (|| -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let mut temp = tempfile::Builder::new()
            .prefix(".cache.")
            .suffix(".tmp")
            .tempfile_in(dir)?;
        let mut out = std::io::BufWriter::new(temp.as_file_mut());
        out.write_all(header(fingerprint).as_bytes())?;
        serde_json::to_writer(&mut out, ledger)?;
        out.flush()?;
        drop(out);
        let file = cache_file(dir, path);
        temp.persist(&file)?;
        prune(dir, &file, MAX_FILES)
    })();
}

/// Remove the least recently written cache files of `dir` beyond `keep`, never `current`
/// (the one just written).
fn prune(dir: &Path, current: &Path, keep: usize) -> std::io::Result<()> {
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "json") && e.path() != current)
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    let keep = keep.saturating_sub(1);
    if files.len() <= keep {
        return Ok(());
    }
    files.sort_unstable_by_key(|f| std::cmp::Reverse(f.0));
    for (_, old) in files.drain(keep..) {
        let _ = std::fs::remove_file(old);
    }
    Ok(())
}
