//! `dateline train`: trains the recognizer from CoNLL data into a model file.

/// Arguments of `dateline train`.
#[derive(clap::Args, Debug)]
pub struct TrainArgs {
    /// CoNLL training file.
    #[arg(long, default_value = "../shared/data/conll2003/train.txt")]
    pub train: std::path::PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "models/ner.bin")]
    pub out: std::path::PathBuf,
}

/// Trains and writes the model.
pub fn run(args: &TrainArgs) -> Result<(), Box<dyn std::error::Error>> {
    let _ = args;
    Err("not implemented yet".into())
}
