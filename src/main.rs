//! The `duban` binary: parse the command line and hand over to [`duban::cli`].

fn main() -> std::process::ExitCode {
    duban::cli::main()
}
