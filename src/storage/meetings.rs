//! Meetings on disk: `meetings/<date>-<n>.ron` (the record: who attended, what was
//! discussed, how every item stood at the end) beside `<date>-<n>-会议纪要.md` (the
//! minutes). Both are written atomically under the workspace lock.

use std::fs;
use std::path::{Path, PathBuf};

use super::atomic::{FailPoint, replace_file};
use super::format::{meeting_to_string, parse_meeting};
use super::{StorageError, WorkspaceLock};
use crate::domain::meeting::MeetingRecord;

/// The folder of meeting records and minutes in a workspace.
pub const MEETINGS_DIR: &str = "meetings";

/// The files one meeting wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingFiles {
    /// The record (RON).
    pub record: PathBuf,
    /// The minutes, one file per format (Markdown first).
    pub minutes: Vec<PathBuf>,
}

/// Write a meeting's record and its minutes (`(extension, bytes)` per format, e.g.
/// `("md", …)`) under a new name `meetings/<date>-<n>` in workspace `dir`.
pub fn write_meeting(
    dir: &Path,
    record: &MeetingRecord,
    minutes: &[(&str, Vec<u8>)],
) -> Result<MeetingFiles, StorageError> {
    let _lock = WorkspaceLock::acquire(dir)?;
    let folder = dir.join(MEETINGS_DIR);
    fs::create_dir_all(&folder).map_err(|e| StorageError::io(&folder, e))?;
    let base = free_name(&folder, &record.date.to_string());
    let mut files = MeetingFiles {
        record: folder.join(format!("{base}.ron")),
        minutes: Vec::new(),
    };
    // Minutes first: a record without minutes would hide the meeting from the next one's
    // "changed since" view with nothing to show for it.
    for (extension, bytes) in minutes {
        let path = folder.join(format!("{base}-会议纪要.{extension}"));
        replace_file(dir, &path, bytes, 0, FailPoint::Never)?;
        files.minutes.push(path);
    }
    let text = meeting_to_string(record);
    replace_file(dir, &files.record, text.as_bytes(), 0, FailPoint::Never)?;
    Ok(files)
}

/// The first `<date>-<n>` with no record yet.
fn free_name(folder: &Path, date: &str) -> String {
    (1..)
        .map(|n| format!("{date}-{n}"))
        .find(|base| !folder.join(format!("{base}.ron")).exists())
        .unwrap_or_else(|| date.to_string())
}

/// The record of the last meeting held in workspace `dir` (by date, then number), if any.
pub fn load_last_meeting(dir: &Path) -> Result<Option<MeetingRecord>, StorageError> {
    let folder = dir.join(MEETINGS_DIR);
    let entries = match fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StorageError::io(&folder, e)),
    };
    let mut newest: Option<((String, u32), PathBuf)> = None;
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(key) = record_key(&path) else {
            continue;
        };
        if newest.as_ref().is_none_or(|(k, _)| key > *k) {
            newest = Some((key, path));
        }
    }
    let Some((_, path)) = newest else {
        return Ok(None);
    };
    let text = fs::read_to_string(&path).map_err(|e| StorageError::io(&path, e))?;
    parse_meeting(&text, &path).map(Some)
}

/// `(date, n)` of a record file named `<date>-<n>.ron`.
fn record_key(path: &Path) -> Option<(String, u32)> {
    if path.extension()? != "ron" {
        return None;
    }
    let stem = path.file_stem()?.to_str()?;
    let (date, n) = stem.rsplit_once('-')?;
    Some((date.to_string(), n.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Colour;
    use crate::domain::meeting::ItemMark;
    use chrono::NaiveDate;

    fn record(day: u32) -> MeetingRecord {
        MeetingRecord {
            format: 1,
            date: NaiveDate::from_ymd_opt(2023, 7, day).unwrap(),
            attendees: "王局".into(),
            discussed: vec![("l".into(), "1".into())],
            marks: vec![ItemMark {
                ledger: "l".into(),
                item: "1".into(),
                colour: Colour::Red,
                status: crate::domain::Status::InProgress,
                progress: 2,
                instructions: 0,
                extensions: 0,
                notices: 1,
            }],
        }
    }

    #[test]
    fn meetings_are_numbered_per_day_and_the_last_one_is_read_back() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load_last_meeting(dir.path()).unwrap(), None);
        let first = write_meeting(dir.path(), &record(3), &[("md", b"# a".to_vec())]).unwrap();
        assert!(first.record.ends_with("meetings/2023-07-03-1.ron"));
        assert!(first.minutes[0].ends_with("meetings/2023-07-03-1-会议纪要.md"));
        let mut later = record(3);
        later.attendees = "李科长".into();
        let second = write_meeting(dir.path(), &later, &[("md", b"# b".to_vec())]).unwrap();
        assert!(second.record.ends_with("meetings/2023-07-03-2.ron"));
        write_meeting(dir.path(), &record(1), &[]).unwrap();
        assert_eq!(load_last_meeting(dir.path()).unwrap(), Some(later));
        assert_eq!(fs::read(&first.minutes[0]).unwrap(), b"# a");
    }

    #[test]
    fn a_broken_record_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join(MEETINGS_DIR)).unwrap();
        fs::write(dir.path().join("meetings/2023-07-03-1.ron"), "(format: 1,").unwrap();
        let err = load_last_meeting(dir.path()).unwrap_err().to_string();
        assert!(err.contains("2023-07-03-1.ron:"), "{err}");
    }
}
