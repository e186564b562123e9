//! Several writers: the workspace's advisory lock (with who holds it) and the fingerprint
//! of a loaded file.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::hash::{DefaultHasher, Hasher};
use std::io::{Seek, Write};
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::{LOCK_FILE, StorageError};

/// How long [`WorkspaceLock::acquire_within`] waits quietly before calling `waiting` (a
/// writer that finishes within this time is not worth a message).
const QUIET_WAIT: Duration = Duration::from_millis(200);
/// How often a waiting writer tries the lock again.
const POLL: Duration = Duration::from_millis(25);

/// Who took a workspace lock: written into the lock file by its holder when it takes the
/// lock, cleared when it lets go, so a writer kept waiting can say whom it waits for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockHolder {
    /// The holder's process id.
    pub pid: u32,
    /// The name of the machine it runs on (the lock may be on a shared folder).
    pub host: String,
    /// When it took the lock, local time `YYYY-MM-DD HH:MM:SS`.
    pub since: String,
}

impl LockHolder {
    /// This process, now.
    pub fn current() -> LockHolder {
        LockHolder {
            pid: std::process::id(),
            host: host_name(),
            since: chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string(),
        }
    }

    /// The holder written in the lock file of the workspace in `dir`; `None` when nobody
    /// wrote one (a free lock, an older duban, another tool) or it cannot be read.
    pub fn read(dir: &Path) -> Option<LockHolder> {
        let text = fs::read_to_string(dir.join(LOCK_FILE)).ok()?;
        ron::from_str(text.trim()).ok()
    }

    /// "进程 1234(主机 vm,自 2026-11-26 12:00:01 起)", text from the file sanitised.
    pub fn describe(&self) -> String {
        format!(
            "进程 {}(主机 {},自 {} 起)",
            self.pid,
            crate::text::sanitize(&self.host),
            crate::text::sanitize(&self.since)
        )
    }
}

/// The machine's host name, or `?` when the system does not say.
fn host_name() -> String {
    fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| fs::read_to_string("/etc/hostname"))
        .ok()
        .or_else(|| std::env::var("HOSTNAME").ok())
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "?".to_string())
}

/// A lock file this thread holds, and how many [`WorkspaceLock`]s share it.
struct Held {
    file: File,
    depth: usize,
}

thread_local! {
    /// The workspace locks this thread holds, by canonical workspace folder.
    static HELD: RefCell<HashMap<PathBuf, Held>> = RefCell::new(HashMap::new());
}

/// An exclusive advisory lock on a workspace (`<dir>/.duban.lock`), held until dropped.
///
/// Every duban process takes it around each read-modify-write of a workspace file, so two
/// writers never interleave. It is advisory (`flock` via fs4): editors and other programs
/// ignore it. While held, the lock file names its holder ([`LockHolder`]).
///
/// The lock is re-entrant within one thread: a thread that holds it (say, a command holding
/// it around several saves) can call the save functions, which take it again without
/// waiting. Other threads and processes wait. It therefore belongs to the thread that took
/// it and is not `Send`.
#[derive(Debug)]
pub struct WorkspaceLock {
    key: PathBuf,
    path: PathBuf,
    _not_send: PhantomData<*const ()>,
}

impl WorkspaceLock {
    /// Wait (without limit) for and take the lock of the workspace in `dir`.
    pub fn acquire(dir: &Path) -> Result<WorkspaceLock, StorageError> {
        Self::take(dir, true).map(|lock| lock.expect("a blocking take always gets the lock"))
    }

    /// Take the lock of the workspace in `dir` if it is free now, without waiting:
    /// `Ok(None)` when another writer holds it (see [`LockHolder::read`] for whom).
    /// For callers that must never block, like the TUI's event loop.
    pub fn try_acquire(dir: &Path) -> Result<Option<WorkspaceLock>, StorageError> {
        Self::take(dir, false)
    }

    /// Take the lock of the workspace in `dir`, waiting at most `timeout`. When it is not
    /// free at once, `waiting` is called once (after a short quiet moment, well within a
    /// second) with the holder, if the lock file names one, so the caller can say whom it
    /// waits for. After `timeout` it gives up with [`StorageError::LockTimeout`].
    pub fn acquire_within(
        dir: &Path,
        timeout: Duration,
        mut waiting: impl FnMut(Option<&LockHolder>),
    ) -> Result<WorkspaceLock, StorageError> {
        let start = Instant::now();
        let mut told = false;
        loop {
            if let Some(lock) = Self::try_acquire(dir)? {
                return Ok(lock);
            }
            let waited = start.elapsed();
            if waited >= timeout {
                return Err(StorageError::LockTimeout {
                    path: dir.join(LOCK_FILE),
                    holder: LockHolder::read(dir).map(|h| h.describe()),
                    waited,
                });
            }
            if !told && waited >= QUIET_WAIT.min(timeout) {
                told = true;
                waiting(LockHolder::read(dir).as_ref());
            }
            std::thread::sleep(POLL.min(timeout - waited));
        }
    }

    /// Take the lock: re-entrant for this thread, else `flock` (waiting when `block`).
    fn take(dir: &Path, block: bool) -> Result<Option<WorkspaceLock>, StorageError> {
        fs::create_dir_all(dir).map_err(|e| StorageError::io(dir, e))?;
        let key = fs::canonicalize(dir).map_err(|e| StorageError::io(dir, e))?;
        let path = dir.join(LOCK_FILE);
        let lock = WorkspaceLock {
            key: key.clone(),
            path: path.clone(),
            _not_send: PhantomData,
        };
        let nested = HELD.with_borrow_mut(|held| match held.get_mut(&key) {
            Some(h) => {
                h.depth += 1;
                true
            }
            None => false,
        });
        if nested {
            return Ok(Some(lock));
        }
        let mut file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
            .map_err(|e| StorageError::io(&path, e))?;
        if block {
            fs4::FileExt::lock(&file).map_err(|e| StorageError::io(&path, e))?;
        } else {
            match fs4::FileExt::try_lock(&file) {
                Ok(()) => {}
                Err(fs4::TryLockError::WouldBlock) => return Ok(None),
                Err(fs4::TryLockError::Error(e)) => return Err(StorageError::io(&path, e)),
            }
        }
        write_holder(&mut file);
        HELD.with_borrow_mut(|held| held.insert(key, Held { file, depth: 1 }));
        Ok(Some(lock))
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Name this process as the holder in the lock file (best effort: it is information only).
fn write_holder(file: &mut File) {
    let text = ron::to_string(&LockHolder::current()).unwrap_or_default();
    let _ = file
        .set_len(0)
        .and_then(|_| file.rewind())
        .and_then(|_| file.write_all(format!("{text}\n").as_bytes()));
}

impl Drop for WorkspaceLock {
    fn drop(&mut self) {
        let released = HELD.with_borrow_mut(|held| {
            let h = held.get_mut(&self.key)?;
            h.depth -= 1;
            if h.depth == 0 {
                held.remove(&self.key)
            } else {
                None
            }
        });
        if let Some(Held { file, .. }) = released {
            // Forget the holder before letting go, so a name in the file is always the
            // holder's; closing the file would release the lock too.
            let _ = file.set_len(0);
            let _ = fs4::FileExt::unlock(&file);
        }
    }
}

/// What a file's bytes were when loaded: length and a hash of the content.
///
/// Compared before a save to notice that someone else changed the file meanwhile. A
/// missing file has the fingerprint of empty content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Fingerprint {
    len: u64,
    hash: u64,
}

impl Fingerprint {
    /// The fingerprint of these bytes.
    pub fn of(bytes: &[u8]) -> Fingerprint {
        let mut hasher = DefaultHasher::new();
        hasher.write(bytes);
        Fingerprint {
            len: bytes.len() as u64,
            hash: hasher.finish(),
        }
    }

    /// The length and hash of the bytes (the key of the read cache).
    pub(super) fn parts(&self) -> (u64, u64) {
        (self.len, self.hash)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    /// Hold the lock of `dir` on another thread until told to let go.
    fn hold_elsewhere(dir: &Path) -> (mpsc::Sender<()>, std::thread::JoinHandle<()>) {
        let (taken_tx, taken_rx) = mpsc::channel();
        let (release_tx, release_rx) = mpsc::channel::<()>();
        let dir = dir.to_path_buf();
        let handle = std::thread::spawn(move || {
            let _lock = WorkspaceLock::acquire(&dir).expect("lock");
            taken_tx.send(()).expect("send");
            let _ = release_rx.recv();
        });
        taken_rx.recv().expect("the other thread took the lock");
        (release_tx, handle)
    }

    #[test]
    fn try_acquire_says_none_while_another_writer_holds_it_and_names_the_holder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (release, handle) = hold_elsewhere(dir.path());

        assert!(
            WorkspaceLock::try_acquire(dir.path())
                .expect("no I/O error")
                .is_none()
        );
        let holder = LockHolder::read(dir.path()).expect("the holder wrote its name");
        assert_eq!(holder.pid, std::process::id());
        assert_eq!(holder.host, host_name());
        assert!(
            holder
                .describe()
                .starts_with(&format!("进程 {}", holder.pid))
        );

        release.send(()).expect("send");
        handle.join().expect("joined");
        assert_eq!(LockHolder::read(dir.path()), None, "cleared on release");
        assert!(
            WorkspaceLock::try_acquire(dir.path())
                .expect("no I/O error")
                .is_some()
        );
    }

    #[test]
    fn acquire_within_tells_once_and_gives_up_after_the_timeout() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (release, handle) = hold_elsewhere(dir.path());
        let start = Instant::now();
        let mut told = Vec::new();

        let result = WorkspaceLock::acquire_within(dir.path(), Duration::from_millis(600), |h| {
            told.push((start.elapsed(), h.map(|h| h.pid)))
        });

        let waited = start.elapsed();
        match result {
            Err(StorageError::LockTimeout { holder, .. }) => {
                assert!(
                    holder
                        .expect("named")
                        .contains(&std::process::id().to_string())
                )
            }
            other => panic!("expected a timeout, got {other:?}"),
        }
        assert!(waited >= Duration::from_millis(600), "{waited:?}");
        assert_eq!(told.len(), 1, "{told:?}");
        assert!(told[0].0 < Duration::from_secs(1), "{told:?}");
        assert_eq!(told[0].1, Some(std::process::id()));
        release.send(()).expect("send");
        handle.join().expect("joined");
    }

    #[test]
    fn the_lock_is_reentrant_within_a_thread_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let outer = WorkspaceLock::acquire(dir.path()).expect("outer");
        let inner = WorkspaceLock::try_acquire(dir.path())
            .expect("no I/O error")
            .expect("the same thread takes it again");
        let dir_path = dir.path().to_path_buf();
        let other_thread =
            std::thread::spawn(move || WorkspaceLock::try_acquire(&dir_path).map(|l| l.is_some()));
        assert!(!other_thread.join().expect("joined").expect("no I/O error"));
        drop(outer);
        // Still held through `inner`.
        let dir_path = dir.path().to_path_buf();
        let other_thread =
            std::thread::spawn(move || WorkspaceLock::try_acquire(&dir_path).map(|l| l.is_some()));
        assert!(!other_thread.join().expect("joined").expect("no I/O error"));
        drop(inner);
        let dir_path = dir.path().to_path_buf();
        let other_thread =
            std::thread::spawn(move || WorkspaceLock::try_acquire(&dir_path).map(|l| l.is_some()));
        assert!(other_thread.join().expect("joined").expect("no I/O error"));
    }
}
