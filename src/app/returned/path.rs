//! The path typed in the take-back prompt: where it points (relative to the workspace, `~`
//! for the home folder) and how Tab completes it from a folder's listing. Pure: the event
//! loop lists the folder and reads the home folder; these functions only compute.

use std::path::{Path, PathBuf};

/// File endings the prompt offers on completion (workbooks a unit may send back).
const WORKBOOK_ENDINGS: [&str; 4] = [".xlsx", ".xlsm", ".xls", ".ods"];

/// Where `typed` points: `~` and `~/…` under `home`, an absolute path as it is, anything
/// else under `base` (the workspace folder).
pub fn resolve(typed: &str, base: &Path, home: Option<&Path>) -> PathBuf {
    let typed = typed.trim();
    if let Some(home) = home {
        if typed == "~" {
            return home.to_path_buf();
        }
        if let Some(rest) = typed.strip_prefix("~/") {
            return home.join(rest);
        }
    }
    let path = Path::new(typed);
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        base.join(path)
    }
}

/// The folder part of `typed` (up to and including its last `/`) and the name being typed.
pub fn split(typed: &str) -> (&str, &str) {
    match typed.rfind('/') {
        Some(i) => (&typed[..=i], &typed[i + 1..]),
        None => ("", typed),
    }
}

/// The folder Tab lists for `typed`.
pub fn folder_of(typed: &str, base: &Path, home: Option<&Path>) -> PathBuf {
    match split(typed.trim_start()).0 {
        "" => base.to_path_buf(),
        folder => resolve(folder, base, home),
    }
}

/// What Tab does with the typed text, given the entries `(name, is folder)` of its folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Completion {
    /// Nothing in the folder starts with the name typed.
    None,
    /// The text becomes this (a single match, or the matches' common beginning); the
    /// matches are listed when there are several.
    Text {
        /// The new text.
        text: String,
        /// The matching names (folders end in `/`), sorted; empty for a single match.
        choices: Vec<String>,
    },
}

/// Complete `typed` from the entries of its folder: folders and workbooks whose name starts
/// with the name typed (hidden ones only when the name starts with `.`).
pub fn complete(typed: &str, entries: &[(String, bool)]) -> Completion {
    let typed = typed.trim_start();
    let (folder, name) = split(typed);
    let mut matches: Vec<String> = entries
        .iter()
        .filter(|(n, dir)| n.starts_with(name) && (*dir || is_workbook(n)))
        .filter(|(n, _)| name.starts_with('.') || !n.starts_with('.'))
        .map(|(n, dir)| if *dir { format!("{n}/") } else { n.clone() })
        .collect();
    matches.sort();
    match matches.as_slice() {
        [] => Completion::None,
        [only] => Completion::Text {
            text: format!("{folder}{only}"),
            choices: Vec::new(),
        },
        several => Completion::Text {
            text: format!("{folder}{}", common_start(several)),
            choices: matches,
        },
    }
}

fn is_workbook(name: &str) -> bool {
    let lower = name.to_lowercase();
    WORKBOOK_ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// The longest beginning (whole characters) all `names` share.
fn common_start(names: &[String]) -> String {
    let Some(first) = names.first() else {
        return String::new();
    };
    let mut prefix: &str = first;
    for other in &names[1..] {
        let end = prefix
            .char_indices()
            .zip(other.chars())
            .find(|((_, a), b)| a != b)
            .map(|((i, _), _)| i)
            .unwrap_or_else(|| prefix.len().min(other.len()));
        prefix = &prefix[..end];
    }
    prefix.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(list: &[(&str, bool)]) -> Vec<(String, bool)> {
        list.iter().map(|(n, d)| (n.to_string(), *d)).collect()
    }

    #[test]
    fn paths_resolve_against_the_workspace_and_home() {
        let base = Path::new("/ws");
        let home = Some(Path::new("/home/li"));
        assert_eq!(
            resolve("回收/a.xlsx", base, home),
            PathBuf::from("/ws/回收/a.xlsx")
        );
        assert_eq!(
            resolve(" ~/下载/a.xlsx ", base, home),
            PathBuf::from("/home/li/下载/a.xlsx")
        );
        assert_eq!(resolve("~", base, home), PathBuf::from("/home/li"));
        assert_eq!(
            resolve("/tmp/a.xlsx", base, home),
            PathBuf::from("/tmp/a.xlsx")
        );
        assert_eq!(
            resolve("~/a.xlsx", base, None),
            PathBuf::from("/ws/~/a.xlsx")
        );
        assert_eq!(
            folder_of("exports/视", base, home),
            PathBuf::from("/ws/exports/")
        );
        assert_eq!(folder_of("视", base, home), PathBuf::from("/ws"));
        assert_eq!(folder_of("~/x", base, home), PathBuf::from("/home/li/"));
    }

    #[test]
    fn tab_completes_a_single_match_and_the_common_start_of_several() {
        let list = entries(&[
            ("exports", true),
            ("ledgers", true),
            ("duban.ron", false),
            ("回收-办公室.xlsx", false),
            ("回收-矫正科.xlsx", false),
            (".hidden.xlsx", false),
        ]);
        assert_eq!(
            complete("ex", &list),
            Completion::Text {
                text: "exports/".into(),
                choices: vec![]
            }
        );
        assert_eq!(
            complete("回", &list),
            Completion::Text {
                text: "回收-".into(),
                choices: vec!["回收-办公室.xlsx".into(), "回收-矫正科.xlsx".into()]
            }
        );
        assert_eq!(
            complete("sub/回收-办", &list),
            Completion::Text {
                text: "sub/回收-办公室.xlsx".into(),
                choices: vec![]
            }
        );
        // Not a workbook, hidden, or nothing there.
        assert_eq!(complete("duban", &list), Completion::None);
        assert_eq!(complete("x", &list), Completion::None);
        let all = complete("", &list);
        assert!(
            matches!(&all, Completion::Text { choices, .. } if choices.len() == 4),
            "{all:?}"
        );
        assert_eq!(
            complete(".h", &list),
            Completion::Text {
                text: ".hidden.xlsx".into(),
                choices: vec![]
            }
        );
    }
}
