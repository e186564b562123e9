//! Argument errors in the CLI's own form: clap still parses, but its English multi-line
//! report becomes one Chinese line — `duban: 参数错误:未知选项 --colr(用 duban --help
//! 查看用法)` — with exit code 2. `--help` and `--version` print as usual with exit 0.

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::context::warn;

/// Print a clap error the duban way and return the exit code; `args` is the command line
/// (without the program name), to name the subcommand in the `--help` hint.
pub fn report(err: &clap::Error, args: &[String]) -> ExitCode {
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = err.print();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            ExitCode::from(2)
        }
        _ => {
            warn(&format!("duban: {}", describe(err, args)));
            ExitCode::from(2)
        }
    }
}

/// The one-line Chinese description of an argument error (without the `duban: ` prefix).
pub fn describe(err: &clap::Error, args: &[String]) -> String {
    let one = |kind| {
        context_words(err, kind)
            .into_iter()
            .next()
            .unwrap_or_default()
    };
    let arg = flag_name(&one(ContextKind::InvalidArg));
    let suggestion = |kind| {
        let words = context_words(err, kind);
        if words.is_empty() {
            String::new()
        } else {
            format!(";是否要用 {}?", words.join(" 或 "))
        }
    };
    let what = match err.kind() {
        ErrorKind::UnknownArgument if arg.starts_with('-') => {
            format!("未知选项 {arg}{}", suggestion(ContextKind::SuggestedArg))
        }
        ErrorKind::UnknownArgument => format!("多余的参数 \"{arg}\""),
        ErrorKind::InvalidSubcommand => format!(
            "未知命令 {}{}",
            one(ContextKind::InvalidSubcommand),
            suggestion(ContextKind::SuggestedSubcommand)
        ),
        ErrorKind::InvalidValue if one(ContextKind::InvalidValue).is_empty() => {
            format!("{arg} 需要一个值")
        }
        ErrorKind::InvalidValue => {
            let valid = context_words(err, ContextKind::ValidValue);
            let mut text = format!("{arg} 的值 \"{}\" 无效", one(ContextKind::InvalidValue));
            if !valid.is_empty() {
                text.push_str(&format!(";可用:{}", valid.join("、")));
            }
            text
        }
        ErrorKind::ValueValidation => {
            format!("{arg} 的值 \"{}\" 无效", one(ContextKind::InvalidValue))
        }
        ErrorKind::MissingRequiredArgument => format!(
            "缺少必需的参数 {}",
            context_words(err, ContextKind::InvalidArg).join("、")
        ),
        ErrorKind::MissingSubcommand => "缺少子命令".to_string(),
        ErrorKind::ArgumentConflict => format!(
            "{arg} 不能与 {} 同时使用",
            flag_name(&one(ContextKind::PriorArg))
        ),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("{arg} 的值的个数不对")
        }
        ErrorKind::NoEquals => format!("{arg} 的值要用 = 连写"),
        ErrorKind::InvalidUtf8 => "参数不是有效的 UTF-8 文字".to_string(),
        _ => "无法理解命令行".to_string(),
    };
    format!(
        "参数错误:{what}(用 {} --help 查看用法)",
        command_of(err, args)
    )
}

/// The strings of one context entry of the error.
fn context_words(err: &clap::Error, kind: ContextKind) -> Vec<String> {
    match err.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        Some(ContextValue::Number(n)) => vec![n.to_string()],
        _ => Vec::new(),
    }
}

/// `--format <FORMAT>` → `--format`.
fn flag_name(arg: &str) -> String {
    match arg.split_once(' ') {
        Some((flag, _)) if flag.starts_with('-') => flag.to_string(),
        _ => arg.to_string(),
    }
}

/// The command the error is about (`duban list`): from clap's usage line, else the first
/// argument that names a subcommand.
fn command_of(err: &clap::Error, args: &[String]) -> String {
    let usage = context_words(err, ContextKind::Usage).join(" ");
    let words: Vec<&str> = usage
        .split_whitespace()
        .skip_while(|w| *w != "duban")
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .collect();
    if words.len() > 1 {
        return words.join(" ");
    }
    let command = <super::Cli as clap::CommandFactory>::command();
    args.iter()
        .find(|a| command.find_subcommand(a.as_str()).is_some())
        .map_or_else(|| "duban".to_string(), |sub| format!("duban {sub}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::Parser;

    fn error_of(args: &[&str]) -> String {
        let err = Cli::try_parse_from(std::iter::once("duban").chain(args.iter().copied()))
            .expect_err("an argument error");
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        describe(&err, &args)
    }

    #[test]
    fn argument_errors_are_one_chinese_line() {
        for (args, expected) in [
            (
                &["list", "--colr", "red"][..],
                "参数错误:未知选项 --colr;是否要用 --color?(用 duban list --help 查看用法)",
            ),
            (
                &["lst"][..],
                "参数错误:未知命令 lst;是否要用 list?(用 duban --help 查看用法)",
            ),
            (
                &["list", "--format", "xml"][..],
                "参数错误:--format 的值 \"xml\" 无效;可用:table、csv、json(用 duban list --help 查看用法)",
            ),
            (
                &["import", "a.csv", "--title", "t", "--year", "二〇二三"][..],
                "参数错误:--year 的值 \"二〇二三\" 无效(用 duban import --help 查看用法)",
            ),
            (
                &["import", "a.csv"][..],
                "参数错误:缺少必需的参数 --year <YEAR>(用 duban import --help 查看用法)",
            ),
            (
                &["deadline"][..],
                "参数错误:缺少必需的参数 <TEXT>(用 duban deadline --help 查看用法)",
            ),
        ] {
            let message = error_of(args);
            assert_eq!(message, expected, "{args:?}");
            assert!(!message.contains('\n'));
        }
    }

    #[test]
    fn help_and_version_are_not_errors() {
        for flag in ["--help", "--version"] {
            let err = Cli::try_parse_from(["duban", flag]).expect_err("clap reports help");
            assert!(matches!(
                err.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
            ));
        }
    }
}
