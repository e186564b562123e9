//! Temporary stand-ins for functions other modules are still building
//! (storage, import, deadline explanation). Removed once their real versions land on `main`.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use fs4::FileExt;

use crate::domain::deadline::Schedule;
use crate::domain::{Ledger, WorkspaceConfig};
use crate::storage::{
    BrokenLedger, CONFIG_FILE, LEDGER_DIR, LoadedLedger, StorageError, Workspace, ledger_path,
};

fn io_err(path: &Path, source: std::io::Error) -> StorageError {
    StorageError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn parse_err(path: &Path, e: ron::error::SpannedError) -> StorageError {
    StorageError::Parse {
        path: path.to_path_buf(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    }
}

fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .struct_names(true)
        .escape_strings(false)
}

/// The default workspace folder in the user's data directory.
pub fn default_workspace_dir() -> PathBuf {
    directories::ProjectDirs::from("", "", "duban")
        .map(|p| p.data_dir().join("workspace"))
        .unwrap_or_else(|| PathBuf::from("duban-workspace"))
}

/// Load the config and every ledger of a workspace folder.
pub fn load_workspace(dir: &Path) -> Result<Workspace, StorageError> {
    let cfg_path = dir.join(CONFIG_FILE);
    let text = fs::read_to_string(&cfg_path).map_err(|e| io_err(&cfg_path, e))?;
    let config: WorkspaceConfig = ron::from_str(&text).map_err(|e| parse_err(&cfg_path, e))?;
    let mut ledgers = Vec::new();
    let mut broken = Vec::new();
    let ldir = dir.join(LEDGER_DIR);
    let mut paths: Vec<PathBuf> = match fs::read_dir(&ldir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .collect(),
        Err(_) => Vec::new(),
    };
    paths.sort();
    for path in paths {
        match read_ledger(&path) {
            Ok(ledger) => ledgers.push(LoadedLedger { ledger, path }),
            Err(e) => broken.push(BrokenLedger {
                path,
                message: e.to_string(),
            }),
        }
    }
    Ok(Workspace {
        dir: dir.to_path_buf(),
        config,
        ledgers,
        broken,
    })
}

fn read_ledger(path: &Path) -> Result<Ledger, StorageError> {
    let text = fs::read_to_string(path).map_err(|e| io_err(path, e))?;
    ron::from_str(&text).map_err(|e| parse_err(path, e))
}

fn write_atomic(path: &Path, text: &str) -> Result<(), StorageError> {
    let parent = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(|e| io_err(parent, e))?;
    let mut tmp = tempfile::NamedTempFile::new_in(parent).map_err(|e| io_err(parent, e))?;
    tmp.write_all(text.as_bytes())
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| io_err(path, e))?;
    tmp.persist(path).map_err(|e| io_err(path, e.error))?;
    Ok(())
}

/// Save one ledger atomically.
pub fn save_ledger(dir: &Path, ledger: &Ledger, _backups: usize) -> Result<(), StorageError> {
    let path = ledger_path(dir, &ledger.id);
    let text = ron::ser::to_string_pretty(ledger, pretty()).map_err(|e| StorageError::Io {
        path: path.clone(),
        source: std::io::Error::other(e),
    })?;
    write_atomic(&path, &text)
}

/// Write a workspace config.
pub fn save_config(dir: &Path, config: &WorkspaceConfig) -> Result<(), StorageError> {
    let path = dir.join(CONFIG_FILE);
    let text = ron::ser::to_string_pretty(config, pretty()).map_err(|e| StorageError::Io {
        path: path.clone(),
        source: std::io::Error::other(e),
    })?;
    write_atomic(&path, &text)
}

/// Create a new, empty workspace.
pub fn create_workspace(dir: &Path, config: &WorkspaceConfig) -> Result<(), StorageError> {
    let ldir = dir.join(LEDGER_DIR);
    fs::create_dir_all(&ldir).map_err(|e| io_err(&ldir, e))?;
    save_config(dir, config)
}

/// Create a workspace from the bundled sample ledgers.
pub fn create_from_bundled(dir: &Path) -> Result<(), StorageError> {
    let config = WorkspaceConfig {
        demo: true,
        ..WorkspaceConfig::default()
    };
    create_workspace(dir, &config)
}

/// Lock the ledger, read it fresh, apply `edit`, save atomically. Nothing is written on `Err`.
pub fn update_ledger<T, E: From<StorageError>>(
    dir: &Path,
    id: &str,
    backups: usize,
    edit: impl FnOnce(&mut Ledger) -> Result<T, E>,
) -> Result<T, E> {
    let path = ledger_path(dir, id);
    let lock_path = dir.join(LEDGER_DIR).join(format!(".{id}.lock"));
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| io_err(&lock_path, e))?;
    FileExt::lock(&lock).map_err(|e| io_err(&lock_path, e))?;
    let mut ledger = read_ledger(&path)?;
    let out = edit(&mut ledger)?;
    save_ledger(dir, &ledger, backups)?;
    drop(lock);
    Ok(out)
}

/// The deadline explanation lines (stand-in for `deadline::explain`).
pub fn explain(schedule: &Schedule) -> Vec<String> {
    let mut lines = vec![format!("类型: {}", schedule.kind.label())];
    for m in &schedule.milestones {
        lines.push(format!("{} {}", m.due, m.label));
    }
    lines.extend(schedule.notes.iter().cloned());
    lines
}

/// The deadline JSON (stand-in for `deadline::to_json`).
pub fn to_json(schedule: &Schedule) -> serde_json::Value {
    let ms: Vec<serde_json::Value> = schedule
        .milestones
        .iter()
        .map(|m| {
            serde_json::json!({
                "start": m.start.map(|d| d.to_string()),
                "due": m.due.to_string(),
                "label": m.label,
                "percent": m.percent,
            })
        })
        .collect();
    serde_json::json!({
        "kind": schedule.kind.word(),
        "due": schedule.due().map(|d| d.to_string()),
        "milestones": ms,
        "note": if schedule.notes.is_empty() { serde_json::Value::Null } else { serde_json::Value::String(schedule.notes.join(";")) },
    })
}
