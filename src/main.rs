//! `dateline`: annotate news text, tag CoNLL files, train and evaluate models.

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use dateline::entities::Recognizer;
use dateline::time::DateOrder;
use dateline::{annotate_with, output, Options};
use rayon::prelude::*;
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
        /// The reader's date, used only without --reference-date: a text that opens with a
        /// date without a year ("LONDON, Nov. 27") takes the latest such day on or before it,
        /// and a text with no date in its opening is read as of it. `none` anchors nothing
        /// relative. Default: the system's date (UTC).
        #[arg(long, value_name = "YYYY-MM-DD|none", value_parser = parse_today)]
        today: Option<Today>,
        /// How numeric dates such as 03/04/2024 are read: from the text (a date that reads only
        /// one way, or dates written in words), month first (4 March) or day first (3 April).
        #[arg(long, value_name = "auto|month-first|day-first", value_parser = parse_order, default_value = "auto")]
        date_order: DateOrder,
        /// Output format. `jsonl` reads one JSON object {"id", "text", "reference_date"?} a line.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Input file; standard input when absent or `-`.
        file: Option<PathBuf>,
        /// Entity model file to use instead of the built-in one.
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
        /// Threads for `--format jsonl` (default: all cores). Output order is input order.
        #[arg(long, short = 'j', value_name = "N")]
        jobs: Option<usize>,
    },
    /// Tag CoNLL column text: every line gets one more column, the IOB2 tag (PER/ORG/LOC/MISC).
    TagConll {
        /// CoNLL file; standard input when `-`.
        file: PathBuf,
        /// Entity model file to use instead of the built-in one.
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
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

/// `--today`: a date, or `none`.
#[derive(Clone, Copy)]
struct Today(Option<NaiveDate>);

fn parse_today(s: &str) -> Result<Today, String> {
    if s == "none" {
        return Ok(Today(None));
    }
    parse_date(s).map(|d| Today(Some(d)))
}

/// The system's date in UTC (none if the clock is before 1970).
fn system_today() -> Option<NaiveDate> {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_days(chrono::Days::new(secs / 86_400))
}

fn parse_order(s: &str) -> Result<DateOrder, String> {
    DateOrder::parse(s).ok_or_else(|| format!("`{s}` is not one of auto, month-first, day-first"))
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
        Command::Annotate { reference_date, today, date_order, format, file, model, jobs } => load_model(model.as_deref()).and_then(|r| {
            let today = match today {
                Some(Today(d)) => d,
                None => system_today(),
            };
            let options = Options { reference_date, date_order, today };
            run_annotate(&options, format, file.as_deref(), r, jobs)
        }),
        Command::TagConll { file, model } => load_model(model.as_deref()).and_then(|r| run_tag_conll(&file, r)),
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

/// The built-in recognizer, or one loaded from `path` (a clear error if it is not a model).
fn load_model(path: Option<&Path>) -> Result<&'static Recognizer, String> {
    match path {
        None => Recognizer::builtin().map_err(|e| e.to_string()),
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            let r = Recognizer::from_bytes(&bytes).map_err(|e| format!("{}: {e}", p.display()))?;
            // Lives as long as the process, like the built-in model.
            Ok(Box::leak(Box::new(r)))
        }
    }
}

fn run_annotate(
    options: &Options,
    format: Format,
    file: Option<&Path>,
    recognizer: &Recognizer,
    jobs: Option<usize>,
) -> Result<ExitCode, String> {
    if format == Format::Jsonl {
        return run_batch(options, file, recognizer, jobs);
    }
    let text = read_text(file)?;
    let doc = annotate_with(&text, options, recognizer).map_err(|e| e.to_string())?;
    let mut out = io::stdout().lock();
    let rendered = match format {
        Format::Json => serde_json::to_string_pretty(&output::json::json(&doc)).expect("JSON values serialize"),
        Format::Html => output::html::html(&doc),
        Format::Jsonl => unreachable!(),
    };
    writeln!(out, "{rendered}").map_err(|e| format!("cannot write output: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// Batch mode: one JSON object per input line, one result per output line, in input order,
/// annotated on `jobs` threads. A bad line gets an `{"id", "line", "error"}` result and a
/// message on stderr; the exit code is 1 if any line failed.
fn run_batch(defaults: &Options, file: Option<&Path>, recognizer: &Recognizer, jobs: Option<usize>) -> Result<ExitCode, String> {
    let mut reader: Box<dyn BufRead> = match file {
        None => Box::new(io::stdin().lock()),
        Some(p) if p == Path::new("-") => Box::new(io::stdin().lock()),
        Some(p) => Box::new(io::BufReader::new(
            std::fs::File::open(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?,
        )),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .map_err(|e| format!("cannot start threads: {e}"))?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let write_err = |e: io::Error| format!("cannot write output: {e}");
    let (mut failed, mut lineno) = (0usize, 0usize);
    // Chunks bound memory on large inputs while keeping every thread busy.
    const CHUNK: usize = 1024;
    loop {
        let mut chunk: Vec<(usize, Vec<u8>)> = Vec::with_capacity(CHUNK);
        while chunk.len() < CHUNK {
            let mut line = Vec::new();
            if reader.read_until(b'\n', &mut line).map_err(|e| format!("cannot read input: {e}"))? == 0 {
                break;
            }
            lineno += 1;
            if !line.iter().all(u8::is_ascii_whitespace) {
                chunk.push((lineno, line));
            }
        }
        if chunk.is_empty() {
            break;
        }
        let results: Vec<_> = pool.install(|| {
            chunk.par_iter().map(|(n, line)| (*n, batch_line(line, defaults, recognizer))).collect()
        });
        for (n, result) in results {
            match result {
                Ok(line) => out.write_all(&line).map_err(write_err)?,
                Err((id, msg)) => {
                    failed += 1;
                    eprintln!("dateline: line {n}: {msg}");
                    let value = serde_json::json!({"id": id, "line": n, "error": msg});
                    serde_json::to_writer(&mut out, &value).map_err(|e| format!("cannot write output: {e}"))?;
                }
            }
            out.write_all(b"\n").map_err(write_err)?;
        }
    }
    out.flush().map_err(write_err)?;
    if failed > 0 {
        eprintln!("dateline: {failed} line(s) failed");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

type LineError = (serde_json::Value, String);

/// One input line's output line (without its line break), serialized on the thread that
/// annotated it.
fn batch_line(line: &[u8], defaults: &Options, recognizer: &Recognizer) -> Result<Vec<u8>, LineError> {
    let v: serde_json::Value = serde_json::from_slice(line)
        .map_err(|e| (serde_json::Value::Null, format!("not a JSON object: {e}")))?;
    let id = v.get("id").cloned().unwrap_or(serde_json::Value::Null);
    let text = v.get("text").and_then(|t| t.as_str()).ok_or_else(|| (id.clone(), "no string field \"text\"".to_owned()))?;
    let reference_date = match v.get("reference_date") {
        None | Some(serde_json::Value::Null) => defaults.reference_date,
        Some(serde_json::Value::String(s)) => Some(parse_date(s).map_err(|e| (id.clone(), e))?),
        Some(_) => return Err((id, "\"reference_date\" must be a string YYYY-MM-DD".to_owned())),
    };
    let doc = annotate_with(text, &Options { reference_date, ..defaults.clone() }, recognizer).map_err(|e| (id.clone(), e.to_string()))?;
    let result = output::json::Json { id: Some(&id), ..output::json::json(&doc) };
    serde_json::to_vec(&result).map_err(|e| (id.clone(), format!("cannot serialize the result: {e}")))
}

fn run_tag_conll(file: &Path, recognizer: &Recognizer) -> Result<ExitCode, String> {
    let text = read_text(Some(file))?;
    let tagged = output::conll::tag(&text, recognizer);
    io::stdout().lock().write_all(tagged.as_bytes()).map_err(|e| format!("cannot write output: {e}"))?;
    Ok(ExitCode::SUCCESS)
}
