//! `dateline`: annotate news text, tag CoNLL files, train and evaluate models.

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use dateline::{annotate, output, Options};
use std::io::{self, BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "dateline", version, about = "Find people, organizations, places, dates and times in news text.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Annotate a text (FILE, or standard input).
    Annotate {
        /// Date that relative expressions ("Thursday", "next year") are anchored on.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        reference_date: Option<NaiveDate>,
        /// Output format. `jsonl` reads one JSON object {"id", "text", "reference_date"?} a line.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Input file; standard input when absent or `-`.
        file: Option<PathBuf>,
    },
    /// Tag CoNLL column text: every line gets one more column, the IOB2 tag (PER/ORG/LOC/MISC).
    TagConll {
        /// CoNLL file; standard input when `-`.
        file: PathBuf,
    },
    /// Train the entity recognizer.
    Train(dateline::entities::train::TrainArgs),
    /// Score against annotated corpora.
    Eval {
        #[command(subcommand)]
        what: Eval,
    },
}

#[derive(Subcommand)]
enum Eval {
    /// Entity-level F1 on a CoNLL-2003 file, as conlleval computes it.
    Conll(dateline::eval::conll::EvalArgs),
    /// TempEval-3 task A scores on a folder of TimeML files.
    Timeml(dateline::eval::timeml::EvalArgs),
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Json,
    Jsonl,
    Html,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("`{s}` is not a date of the form YYYY-MM-DD ({e})"))
}

/// Reads a file (or stdin for None / "-") as UTF-8, saying where invalid UTF-8 starts.
fn read_text(file: Option<&Path>) -> Result<String, String> {
    let (name, bytes) = match file {
        None => ("standard input".to_owned(), read_stdin()?),
        Some(p) if p == Path::new("-") => ("standard input".to_owned(), read_stdin()?),
        Some(p) => (
            p.display().to_string(),
            std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?,
        ),
    };
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        let col = at - bytes[..at].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
        format!("{name} is not valid UTF-8: invalid byte 0x{:02x} at byte offset {at} (line {line}, byte {col} of the line)", bytes[at])
    })
}

fn read_stdin() -> Result<Vec<u8>, String> {
    let mut v = Vec::new();
    io::stdin().read_to_end(&mut v).map_err(|e| format!("cannot read standard input: {e}"))?;
    Ok(v)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Annotate { reference_date, format, file } => {
            run_annotate(reference_date, format, file.as_deref())
        }
        Command::TagConll { file } => run_tag_conll(&file),
        Command::Train(args) => dateline::entities::train::run(&args).map_err(|e| e.to_string()).map(|_| ExitCode::SUCCESS),
        Command::Eval { what: Eval::Conll(args) } => dateline::eval::conll::run(&args).map_err(|e| e.to_string()).map(|_| ExitCode::SUCCESS),
        Command::Eval { what: Eval::Timeml(args) } => dateline::eval::timeml::run(&args).map_err(|e| e.to_string()).map(|_| ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("dateline: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run_annotate(reference_date: Option<NaiveDate>, format: Format, file: Option<&Path>) -> Result<ExitCode, String> {
    if format == Format::Jsonl {
        return run_batch(reference_date, file);
    }
    let text = read_text(file)?;
    let doc = annotate(&text, &Options { reference_date }).map_err(|e| e.to_string())?;
    let mut out = io::stdout().lock();
    let rendered = match format {
        Format::Json => serde_json::to_string_pretty(&output::json::json(&doc)).expect("JSON values serialize"),
        Format::Html => output::html::html(&doc),
        Format::Jsonl => unreachable!(),
    };
    writeln!(out, "{rendered}").map_err(|e| format!("cannot write output: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// Batch mode: one JSON object per input line, one result per output line, in order. A bad
/// line gets an `{"id", "error"}` result and a message on stderr; the exit code is 1 if any
/// line failed.
fn run_batch(default_date: Option<NaiveDate>, file: Option<&Path>) -> Result<ExitCode, String> {
    let reader: Box<dyn BufRead> = match file {
        None => Box::new(io::stdin().lock()),
        Some(p) if p == Path::new("-") => Box::new(io::stdin().lock()),
        Some(p) => Box::new(io::BufReader::new(
            std::fs::File::open(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?,
        )),
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut failed = 0usize;
    for (n, line) in reader.split(b'\n').enumerate() {
        let line = line.map_err(|e| format!("cannot read input: {e}"))?;
        let lineno = n + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let result = batch_line(&line, default_date);
        let value = match result {
            Ok(v) => v,
            Err((id, msg)) => {
                failed += 1;
                eprintln!("dateline: line {lineno}: {msg}");
                serde_json::json!({"id": id, "line": lineno, "error": msg})
            }
        };
        serde_json::to_writer(&mut out, &value).map_err(|e| format!("cannot write output: {e}"))?;
        out.write_all(b"\n").map_err(|e| format!("cannot write output: {e}"))?;
    }
    out.flush().map_err(|e| format!("cannot write output: {e}"))?;
    if failed > 0 {
        eprintln!("dateline: {failed} line(s) failed");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

type LineError = (serde_json::Value, String);

fn batch_line(line: &[u8], default_date: Option<NaiveDate>) -> Result<serde_json::Value, LineError> {
    let v: serde_json::Value = serde_json::from_slice(line)
        .map_err(|e| (serde_json::Value::Null, format!("not a JSON object: {e}")))?;
    let id = v.get("id").cloned().unwrap_or(serde_json::Value::Null);
    let text = v.get("text").and_then(|t| t.as_str()).ok_or_else(|| (id.clone(), "no string field \"text\"".to_owned()))?;
    let reference_date = match v.get("reference_date") {
        None | Some(serde_json::Value::Null) => default_date,
        Some(serde_json::Value::String(s)) => Some(parse_date(s).map_err(|e| (id.clone(), e))?),
        Some(_) => return Err((id, "\"reference_date\" must be a string YYYY-MM-DD".to_owned())),
    };
    let doc = annotate(text, &Options { reference_date }).map_err(|e| (id.clone(), e.to_string()))?;
    let mut result = output::json::json(&doc);
    result["id"] = id;
    Ok(result)
}

fn run_tag_conll(file: &Path) -> Result<ExitCode, String> {
    let text = read_text(Some(file))?;
    let recognizer = dateline::entities::Recognizer::builtin().map_err(|e| e.to_string())?;
    let tagged = output::conll::tag(&text, recognizer);
    io::stdout().lock().write_all(tagged.as_bytes()).map_err(|e| format!("cannot write output: {e}"))?;
    Ok(ExitCode::SUCCESS)
}
