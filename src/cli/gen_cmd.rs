//! `duban gen --items N [--ledgers K] [--seed S]`: write a synthetic workspace into `--dir`.

use std::process::ExitCode;

use clap::Args;

use super::context::{CliError, Globals};
use super::import::only_lock_file;
use crate::storage;

/// Arguments of `duban gen`.
#[derive(Debug, Args)]
pub struct GenArgs {
    /// 事项总数
    #[arg(long)]
    pub items: usize,
    /// 台账个数(默认:每 2000 项一个,至少 6 个)
    #[arg(long)]
    pub ledgers: Option<usize>,
    /// 随机种子(同一种子生成同样的数据)
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// Generate and save; refuses a folder that already holds anything.
pub fn run(globals: &Globals, args: &GenArgs) -> Result<ExitCode, CliError> {
    let Some(dir) = globals.dir.clone() else {
        return Err(CliError::new(
            "gen 需要用 --dir 指定一个空文件夹(不会写入你的默认工作区)",
        ));
    };
    let not_empty = || std::fs::read_dir(&dir).is_ok_and(|rd| !only_lock_file(rd));
    let refuse = || {
        CliError::new(format!(
            "{} 不是空文件夹;gen 只写入空的或不存在的文件夹",
            dir.display()
        ))
    };
    if not_empty() {
        return Err(refuse());
    }
    let _lock = globals.lock_workspace(&dir)?;
    if not_empty() {
        return Err(refuse());
    }
    let ledgers = args
        .ledgers
        .unwrap_or_else(|| (args.items / 2000).max(6))
        .clamp(1, 10_000);
    let today = globals.today_for(None);
    let (config, generated) = crate::r#gen::generate(args.items, ledgers, args.seed, today);
    storage::create_workspace(&dir, &config)?;
    for ledger in &generated {
        storage::save_ledger(&dir, ledger, config.backups)?;
    }
    outln!(
        "已生成合成工作区 {}:{} 个台账,{} 个事项(种子 {},日期固定为 {today})",
        dir.display(),
        generated.len(),
        args.items,
        args.seed
    );
    Ok(ExitCode::SUCCESS)
}
