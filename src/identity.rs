//! Who is editing: the one rule for the author of CLI and TUI edits.
//!
//! In order: `--author`, else the environment variable `DUBAN_AUTHOR`, else the per-user
//! name in the config folder (`<config dir>/duban/author`, e.g. `~/.config/duban/author`),
//! else the workspace's `author` (a name shared by everyone using that workspace), else
//! the login name (`$USER`, `$LOGNAME`, `%USERNAME%`), else `未署名`.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The environment variable naming the author of edits.
pub const AUTHOR_ENV: &str = "DUBAN_AUTHOR";
/// The file in the per-user config folder holding the user's name (one line).
pub const AUTHOR_FILE: &str = "author";
/// Recorded as the author when no name is known.
pub const UNNAMED: &str = "未署名";

/// Where an author's name was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthorSource {
    /// `--author` (or a name given explicitly by the caller).
    Explicit,
    /// The `DUBAN_AUTHOR` environment variable.
    Env,
    /// The per-user `author` file in the config folder.
    UserConfig,
    /// The workspace's `author` setting.
    Workspace,
    /// The login name.
    Login,
    /// No name anywhere: [`UNNAMED`].
    Unnamed,
}

/// The author of an edit and where the name came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    /// The name recorded in progress notes and audit entries (trimmed, one line).
    pub name: String,
    /// Where it came from.
    pub source: AuthorSource,
}

impl Author {
    /// Whether the user never chose a name (only the login name, or none, is known):
    /// the TUI then offers to store one in the config folder.
    pub fn needs_name(&self) -> bool {
        matches!(self.source, AuthorSource::Login | AuthorSource::Unnamed)
    }
}

/// Apply the rule. `explicit` is `--author`; `workspace` the workspace's `author`;
/// `env` looks up an environment variable (so tests need not change the process
/// environment); `config_dir` is the per-user config folder ([`user_config_dir`]).
pub fn author(
    explicit: Option<&str>,
    workspace: Option<&str>,
    env: &dyn Fn(&str) -> Option<String>,
    config_dir: Option<&Path>,
) -> Author {
    let found = |name: Option<String>, source| {
        name.as_deref()
            .and_then(clean_name)
            .map(|name| Author { name, source })
    };
    found(explicit.map(str::to_string), AuthorSource::Explicit)
        .or_else(|| found(env(AUTHOR_ENV), AuthorSource::Env))
        .or_else(|| {
            found(
                config_dir.and_then(read_user_name),
                AuthorSource::UserConfig,
            )
        })
        .or_else(|| found(workspace.map(str::to_string), AuthorSource::Workspace))
        .or_else(|| {
            ["USER", "LOGNAME", "USERNAME"]
                .iter()
                .find_map(|k| found(env(k), AuthorSource::Login))
        })
        .unwrap_or_else(|| Author {
            name: UNNAMED.to_string(),
            source: AuthorSource::Unnamed,
        })
}

/// [`author`] with this process's environment and the user's config folder.
pub fn current_author(explicit: Option<&str>, workspace: Option<&str>) -> Author {
    let env = |k: &str| std::env::var(k).ok();
    author(explicit, workspace, &env, user_config_dir().as_deref())
}

/// The per-user config folder (`directories`: e.g. `~/.config/duban` on Linux), if the
/// system names a home folder.
pub fn user_config_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "duban").map(|d| d.config_dir().to_path_buf())
}

/// Store `name` as the user's name in `config_dir` (created if missing), atomically
/// (temp file → fsync → rename). Returns the file written.
pub fn save_user_name(config_dir: &Path, name: &str) -> std::io::Result<PathBuf> {
    let name = clean_name(name)
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "名字不能为空"))?;
    std::fs::create_dir_all(config_dir)?;
    let path = config_dir.join(AUTHOR_FILE);
    let mut tmp = tempfile::NamedTempFile::new_in(config_dir)?;
    tmp.write_all(format!("{name}\n").as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(&path).map_err(|e| e.error)?;
    Ok(path)
}

/// The name stored in `config_dir`, if any.
fn read_user_name(config_dir: &Path) -> Option<String> {
    std::fs::read_to_string(config_dir.join(AUTHOR_FILE)).ok()
}

/// The first non-blank line, trimmed; `None` when there is none.
fn clean_name(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| {
            pairs
                .iter()
                .find(|(key, _)| *key == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_rule_in_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        save_user_name(dir.path(), "  王五 \n").expect("saved");
        let all = env_of(&[(AUTHOR_ENV, "李四"), ("USER", "zhang")]);
        let with = |explicit, ws, env: &dyn Fn(&str) -> Option<String>, cfg| {
            let a = author(explicit, ws, env, cfg);
            (a.name, a.source)
        };
        let cfg = Some(dir.path());
        assert_eq!(
            with(Some(" 张三 "), Some("局"), &all, cfg),
            ("张三".into(), AuthorSource::Explicit)
        );
        assert_eq!(
            with(Some("  "), Some("局"), &all, cfg),
            ("李四".into(), AuthorSource::Env)
        );
        let no_env = env_of(&[("USER", "zhang")]);
        assert_eq!(
            with(None, Some("局"), &no_env, cfg),
            ("王五".into(), AuthorSource::UserConfig)
        );
        let empty = tempfile::tempdir().expect("tempdir");
        assert_eq!(
            with(None, Some("局"), &no_env, Some(empty.path())),
            ("局".into(), AuthorSource::Workspace)
        );
        assert_eq!(
            with(None, None, &no_env, None),
            ("zhang".into(), AuthorSource::Login)
        );
        let logname = env_of(&[("USER", ""), ("LOGNAME", "li")]);
        assert_eq!(with(None, None, &logname, None).0, "li");
        let nothing = env_of(&[]);
        let unnamed = author(None, None, &nothing, None);
        assert_eq!(unnamed.name, UNNAMED);
        assert!(unnamed.needs_name());
        assert!(!author(Some("甲"), None, &nothing, None).needs_name());
    }

    #[test]
    fn saving_an_empty_name_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(save_user_name(dir.path(), " \n ").is_err());
        assert!(!dir.path().join(AUTHOR_FILE).exists());
    }
}
