//! `dateline eval timeml`: TempEval-3 task A scores for temporal expressions.

/// Arguments of `dateline eval timeml`.
#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// Folder of TimeML (.tml) files, searched recursively.
    pub dir: std::path::PathBuf,
}

/// Runs the evaluation and prints the report.
pub fn run(args: &EvalArgs) -> Result<(), Box<dyn std::error::Error>> {
    let _ = args;
    Err("not implemented yet".into())
}
