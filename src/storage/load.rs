//! Loading a workspace: the config, every ledger that parses, and a report of those that do not.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::cache;
use super::format::{parse_config, parse_ledger};
use super::lock::Fingerprint;
use super::{BrokenLedger, LEDGER_DIR, LoadedLedger, StorageError, Workspace, config_path};
use crate::domain::WorkspaceConfig;

/// Read a file as UTF-8 text; bytes that are not UTF-8 are a parse error with a position.
pub(super) fn read_text(path: &Path) -> Result<(String, Fingerprint), StorageError> {
    let bytes = fs::read(path).map_err(|e| StorageError::io(path, e))?;
    let fingerprint = Fingerprint::of(&bytes);
    Ok((into_text(path, bytes)?, fingerprint))
}

/// The bytes read from `path` as UTF-8 text, else a parse error with a position.
fn into_text(path: &Path, bytes: Vec<u8>) -> Result<String, StorageError> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(error) => {
            let good = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            let good = String::from_utf8_lossy(good);
            let line = good.matches('\n').count() + 1;
            let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(StorageError::Parse {
                path: path.to_path_buf(),
                line,
                column,
                message: "文件不是 UTF-8 编码;请用 UTF-8 保存".to_string(),
            })
        }
    }
}

/// Load the workspace config (`duban.ron`) of `dir`.
pub fn load_config(dir: &Path) -> Result<WorkspaceConfig, StorageError> {
    let path = config_path(dir);
    match read_text(&path) {
        Ok((text, _)) => parse_config(&text, &path),
        Err(StorageError::Io { source, .. }) if source.kind() == ErrorKind::NotFound => {
            Err(StorageError::NotAWorkspace { path })
        }
        Err(other) => Err(other),
    }
}

/// Load one ledger file: from the read cache when it holds exactly these bytes
/// ([`super::cache`]), else parsed from the RON (and then cached).
pub fn load_ledger(path: &Path) -> Result<LoadedLedger, StorageError> {
    let bytes = match fs::read(path) {
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Err(StorageError::NoSuchLedger {
                path: path.to_path_buf(),
            });
        }
        other => other.map_err(|e| StorageError::io(path, e))?,
    };
    let fingerprint = Fingerprint::of(&bytes);
    let ledger = match cache::read(path, &fingerprint) {
        Some(ledger) => ledger,
        None => {
            let ledger = parse_ledger(&into_text(path, bytes)?, path)?;
            cache::write(path, &fingerprint, &ledger);
            ledger
        }
    };
    Ok(LoadedLedger {
        ledger,
        path: path.to_path_buf(),
        fingerprint,
    })
}

/// Load the workspace in `dir`: its config (an error if missing or broken) and every
/// `ledgers/*.ron`. Ledgers that fail to load are listed in [`Workspace::broken`] and the
/// others stay usable; loaded ledgers are sorted by id. A ledger whose id differs from its
/// file name loads too: see [`LoadedLedger::file_name_problem`].
pub fn load_workspace(dir: &Path) -> Result<Workspace, StorageError> {
    let config = load_config(dir)?;
    let ledger_dir = dir.join(LEDGER_DIR);
    let mut files = Vec::new();
    match fs::read_dir(&ledger_dir) {
        Ok(entries) => {
            for entry in entries {
                let entry = entry.map_err(|e| StorageError::io(&ledger_dir, e))?;
                let path = entry.path();
                let name = entry.file_name();
                let name = name.to_string_lossy();
                // Dot files are temp files of interrupted saves or editor leftovers.
                if name.ends_with(".ron") && !name.starts_with('.') && path.is_file() {
                    files.push(path);
                }
            }
        }
        Err(e) if e.kind() == ErrorKind::NotFound => {}
        Err(e) => return Err(StorageError::io(&ledger_dir, e)),
    }
    files.sort();
    let mut workspace = Workspace {
        dir: dir.to_path_buf(),
        config,
        ledgers: Vec::new(),
        broken: Vec::new(),
    };
    for (path, result) in files.iter().zip(load_ledgers(&files)) {
        match result {
            Ok(loaded) => workspace.ledgers.push(loaded),
            Err(error) => workspace.broken.push(BrokenLedger {
                path: path.clone(),
                message: format!(
                    "{error}\n  该台账未载入,duban 不会改写此文件;请用文本编辑器修正上述位置(以前的版本在 .backup/ 中)"
                ),
            }),
        }
    }
    workspace
        .ledgers
        .sort_by(|a, b| a.ledger.id.cmp(&b.ledger.id));
    Ok(workspace)
}

/// [`load_ledger`] for every path, on up to `available_parallelism` threads (parsing RON
/// dominates the start of a large workspace); the results are in the order of `paths`.
fn load_ledgers(paths: &[PathBuf]) -> Vec<Result<LoadedLedger, StorageError>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(paths.len());
    if threads <= 1 {
        return paths.iter().map(|p| load_ledger(p)).collect();
    }
    // Workers take the next file from a shared counter, so a few large files do not leave
    // one thread idle while another parses them all.
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<Result<LoadedLedger, StorageError>>> =
        std::iter::repeat_with(|| None).take(paths.len()).collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = paths.get(i) else {
                            break done;
                        };
                        done.push((i, load_ledger(path)));
                    }
                })
            })
            .collect();
        for worker in workers {
            // A worker only panics if parsing panics; re-raise it as the serial loop would.
            let done = worker
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            for (i, result) in done {
                results[i] = Some(result);
            }
        }
    });
    results
        .into_iter()
        .map(|r| r.expect("every path is taken by exactly one worker"))
        .collect()
}

/// Whether the file of `loaded` now holds other bytes than those it was loaded from (another
/// duban or an editor changed it, or it was removed). For a TUI to notice and reload.
pub fn changed_on_disk(loaded: &LoadedLedger) -> Result<bool, StorageError> {
    match fs::read(&loaded.path) {
        Ok(bytes) => Ok(Fingerprint::of(&bytes) != loaded.fingerprint),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(true),
        Err(e) => Err(StorageError::io(&loaded.path, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Ledger;
    use crate::storage::{create_workspace, ledger_path, ledger_to_string};

    fn ledger(id: &str) -> Ledger {
        Ledger {
            format: 1,
            id: id.into(),
            title: format!("台账 {id}"),
            ..Ledger::default()
        }
    }

    /// Files are parsed on several threads; what comes out is what the file-by-file loop
    /// gave: ledgers sorted by id (not by file name), broken files in file-name order, each
    /// with its own position and message.
    #[test]
    fn many_files_load_in_order_with_each_error_on_its_file() {
        let dir = tempfile::tempdir().unwrap();
        create_workspace(dir.path(), &WorkspaceConfig::default()).unwrap();
        let ids = ["d", "b", "f", "a", "e", "c", "h", "g"];
        for id in ids {
            std::fs::write(ledger_path(dir.path(), id), ledger_to_string(&ledger(id))).unwrap();
        }
        // A file whose id is not its name loads under its id.
        std::fs::write(
            ledger_path(dir.path(), "zz"),
            ledger_to_string(&ledger("0-first")),
        )
        .unwrap();
        std::fs::write(
            ledger_path(dir.path(), "x-broken"),
            "(format: 1, id: \"x\",\n  items: [",
        )
        .unwrap();
        std::fs::write(
            ledger_path(dir.path(), "c-broken"),
            b"(format: 1, id: \"\xff\")",
        )
        .unwrap();

        let ws = load_workspace(dir.path()).unwrap();

        let loaded: Vec<&str> = ws.ledgers.iter().map(|l| l.ledger.id.as_str()).collect();
        assert_eq!(loaded, ["0-first", "a", "b", "c", "d", "e", "f", "g", "h"]);
        for l in &ws.ledgers {
            assert_eq!(
                l.fingerprint,
                Fingerprint::of(&fs::read(&l.path).unwrap()),
                "{}",
                l.path.display()
            );
        }
        let broken: Vec<String> = ws
            .broken
            .iter()
            .map(|b| b.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(broken, ["c-broken.ron", "x-broken.ron"]);
        assert!(
            ws.broken[0]
                .message
                .contains("c-broken.ron:1:18: 文件不是 UTF-8 编码"),
            "{}",
            ws.broken[0].message
        );
        assert!(
            ws.broken[1].message.contains("x-broken.ron:2:"),
            "{}",
            ws.broken[1].message
        );
        assert!(
            ws.broken
                .iter()
                .all(|b| b.message.contains("不会改写此文件"))
        );
    }

    #[test]
    fn loading_in_parallel_gives_what_loading_one_by_one_gives() {
        let dir = tempfile::tempdir().unwrap();
        let mut paths = Vec::new();
        for (i, text) in [
            "(format: 1, id: \"a\")",
            "(format: 9, id: \"b\")",
            "oops",
            "(format: 1, id: \"d\")",
        ]
        .iter()
        .enumerate()
        {
            let path = dir.path().join(format!("{i}.ron"));
            std::fs::write(&path, text).unwrap();
            paths.push(path);
        }
        paths.push(dir.path().join("missing.ron"));
        let describe = |r: &Result<LoadedLedger, StorageError>| match r {
            Ok(l) => format!("ok {} {}", l.ledger.id, l.path.display()),
            Err(e) => format!("err {e}"),
        };
        let parallel: Vec<String> = load_ledgers(&paths).iter().map(describe).collect();
        let serial: Vec<String> = paths.iter().map(|p| describe(&load_ledger(p))).collect();
        assert_eq!(parallel, serial);
        assert!(parallel[1].contains("版本 9"), "{}", parallel[1]);
        assert!(parallel[4].contains("台账文件不存在"), "{}", parallel[4]);
    }
}
