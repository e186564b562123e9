//! Paths and copies shared by the integration tests: the repository root, the seed
//! documents in `tests/fixtures/seeds`, and a copy of a directory tree (for private
//! copies of the bundled sample workspace `data/`).
//!
//! Each test binary compiles this module on its own and uses only some of it.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The text of the seed document whose file name starts with `prefix` (`"000"`).
pub fn seed(prefix: &str) -> String {
    let dir = repo().join("tests/fixtures/seeds");
    let entry = fs::read_dir(&dir)
        .expect("seeds folder")
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}_*.txt"));
    fs::read_to_string(entry.path()).expect("seed text")
}

/// Copy the directory tree `from` into `to` (created if missing; files overwritten).
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("dir entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// The text of the entry `name` of the zip file at `path` (an .xlsx or .docx part).
pub fn zip_entry(path: &Path, name: &str) -> String {
    use std::io::Read;
    let file = fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut zip = zip::ZipArchive::new(file).expect("a zip file");
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut text)
        .expect("utf-8");
    text
}

/// Run `cmd`; fail with its stderr unless it succeeds; its stdout.
pub fn succeed(cmd: &mut std::process::Command) -> String {
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
