//! `dateline eval conll`: entity-level precision, recall and F1 as conlleval computes them.

/// Arguments of `dateline eval conll`.
#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// CoNLL file with gold tags in the last column.
    pub gold: std::path::PathBuf,
}

/// Runs the evaluation and prints the report.
pub fn run(args: &EvalArgs) -> Result<(), Box<dyn std::error::Error>> {
    let _ = args;
    Err("not implemented yet".into())
}
