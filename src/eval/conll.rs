//! `dateline eval conll`: entity-level precision, recall and F1 as conlleval computes them.
//!
//! Gold tags (the last column) may be IOB1, IOB2 or IOE; chunks are found with conlleval's own
//! start/end rules, so scores match `conlleval` on the same tags. An entity counts as correct
//! only when its boundaries and type both match.

use crate::entities::Recognizer;
use crate::output::conll::{parse, Block};
use std::collections::BTreeMap;
use std::fmt;

/// Arguments of `dateline eval conll`.
#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// CoNLL file with gold tags in the last column.
    pub gold: std::path::PathBuf,
    /// Score the whole pipeline on plain text instead of the file's tokens and sentences: each
    /// document is written out (the headline and each line without closing punctuation, such
    /// as a table row, on lines of their own; sentences run on as paragraphs), annotated as a
    /// pasted article is, and names are matched by their character offsets.
    #[arg(long)]
    pub as_text: bool,
    /// With `--as-text`: wrap the paragraph at this many columns, as wire copy is.
    #[arg(long, value_name = "COLUMNS", requires = "as_text")]
    pub wrap: Option<usize>,
}

/// A chunk: token range within a sentence and its type.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Chunk {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Type (`PER`, `ORG`, ...).
    pub kind: String,
}

fn split_tag(t: &str) -> (&str, &str) {
    match t.split_once('-') {
        Some((p, ty)) => (p, ty),
        None => (t, ""),
    }
}

fn chunk_end(prev: &str, tag: &str, prev_ty: &str, ty: &str) -> bool {
    matches!((prev, tag), ("B", "B") | ("B", "O") | ("I", "B") | ("I", "O") | ("E", "E") | ("E", "I") | ("E", "O"))
        || (prev != "O" && prev != "." && prev_ty != ty)
}

fn chunk_start(prev: &str, tag: &str, prev_ty: &str, ty: &str) -> bool {
    matches!((prev, tag), ("B", "B") | ("I", "B") | ("O", "B") | ("O", "I") | ("E", "E") | ("E", "I") | ("O", "E"))
        || (tag != "O" && tag != "." && prev_ty != ty)
}

/// The chunks of one sentence's tags, by conlleval's rules.
pub fn chunks(tags: &[&str]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let (mut prev, mut prev_ty) = ("O", "");
    let mut open: Option<(usize, &str)> = None;
    for (i, t) in tags.iter().chain(std::iter::once(&"O")).enumerate() {
        let (tag, ty) = split_tag(t);
        if chunk_end(prev, tag, prev_ty, ty) {
            if let Some((s, k)) = open.take() {
                out.push(Chunk { start: s, end: i, kind: k.to_owned() });
            }
        }
        if chunk_start(prev, tag, prev_ty, ty) {
            open = Some((i, ty));
        }
        prev = tag;
        prev_ty = ty;
    }
    out
}

/// Counts for one type or overall.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Entities in the gold standard.
    pub gold: usize,
    /// Entities predicted.
    pub predicted: usize,
    /// Predicted entities with the right boundaries and type.
    pub correct: usize,
}

impl Counts {
    /// Precision in percent.
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 { 0.0 } else { 100.0 * self.correct as f64 / self.predicted as f64 }
    }
    /// Recall in percent.
    pub fn recall(&self) -> f64 {
        if self.gold == 0 { 0.0 } else { 100.0 * self.correct as f64 / self.gold as f64 }
    }
    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

/// Overall and per-type scores.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// All types together.
    pub overall: Counts,
    /// By type, sorted by name.
    pub by_type: BTreeMap<String, Counts>,
    /// How well the confidence of predicted names matches how often they are right.
    pub calibration: Calibration,
}

/// Reliability of the names' confidence: predicted names in ten bins by score (0.0–0.1, ...,
/// 0.9–1.0), each with how many it holds, their mean score and how many are right.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Calibration {
    /// Per bin: names, sum of scores, correct names.
    pub bins: [(usize, f64, usize); 10],
}

impl Calibration {
    /// Adds a predicted name with its score and whether it is right.
    pub fn add(&mut self, score: f32, correct: bool) {
        let b = &mut self.bins[((score.clamp(0.0, 1.0) * 10.0) as usize).min(9)];
        b.0 += 1;
        b.1 += score as f64;
        b.2 += correct as usize;
    }

    /// Expected calibration error in points (0–100): the mean over names of |bin accuracy −
    /// bin mean score|. 0 when a score of 0.8 means right 80% of the time.
    pub fn ece(&self) -> f64 {
        let n: usize = self.bins.iter().map(|b| b.0).sum();
        if n == 0 {
            return 0.0;
        }
        let gap: f64 = self.bins.iter().filter(|b| b.0 > 0).map(|&(_, s, c)| (c as f64 - s).abs()).sum();
        100.0 * gap / n as f64
    }
}

impl fmt::Display for Calibration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "confidence calibration (expected calibration error {:.2} points):", self.ece())?;
        for (i, &(k, s, c)) in self.bins.iter().enumerate() {
            if k > 0 {
                writeln!(f, "  score {:.1}-{:.1}: {k:>5} names, mean score {:.3}, right {:.3}", i as f64 / 10.0, (i + 1) as f64 / 10.0, s / k as f64, c as f64 / k as f64)?;
            }
        }
        Ok(())
    }
}

impl Report {
    /// Adds one sentence's gold and predicted chunks.
    pub fn add(&mut self, gold: &[Chunk], predicted: &[Chunk]) {
        for c in gold {
            self.overall.gold += 1;
            self.by_type.entry(c.kind.clone()).or_default().gold += 1;
        }
        for c in predicted {
            self.overall.predicted += 1;
            let e = self.by_type.entry(c.kind.clone()).or_default();
            e.predicted += 1;
            if gold.contains(c) {
                self.overall.correct += 1;
                e.correct += 1;
            }
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let o = &self.overall;
        writeln!(
            f,
            "found: {} phrases; gold: {} phrases; correct: {}.",
            o.predicted, o.gold, o.correct
        )?;
        writeln!(f, "{:>8}  precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}", "overall", o.precision(), o.recall(), o.f1())?;
        for (k, c) in &self.by_type {
            writeln!(
                f,
                "{k:>8}  precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {}",
                c.precision(),
                c.recall(),
                c.f1(),
                c.predicted
            )?;
        }
        Ok(())
    }
}

/// Scores a recognizer on CoNLL text (gold tags in the last column), tagging it document by
/// document as `dateline tag-conll` does.
pub fn evaluate(recognizer: &Recognizer, text: &str) -> Report {
    let mut report = Report::default();
    for block in parse(text) {
        let Block::Doc(doc) = block else { continue };
        for (sent, spans) in doc.sentences.iter().zip(doc.recognize(recognizer)) {
            let gold_tags: Vec<&str> = sent.iter().map(|l| l.split_whitespace().last().unwrap_or("O")).collect();
            let mut gold = chunks(&gold_tags);
            gold.sort();
            let mut pred: Vec<Chunk> = spans
                .iter()
                .filter_map(|n| {
                    let c = Chunk { start: n.tokens.start, end: n.tokens.end, kind: n.label.conll()?.to_owned() };
                    report.calibration.add(n.score, gold.contains(&c));
                    Some(c)
                })
                .collect();
            pred.sort();
            report.add(&gold, &pred);
        }
    }
    report
}

/// One CoNLL document written out as an article: the headline (first sentence) and a blank
/// line, then the other sentences, each running on after one that ends with closing
/// punctuation and on a new line after one that does not (a dateline, a table row); tokens
/// joined by single spaces; the paragraphs wrapped at `wrap` columns if given. Returns the
/// text and, per sentence, each token's byte range in it.
pub fn render(doc: &crate::output::conll::ConllDoc<'_>, wrap: Option<usize>) -> (String, Vec<Vec<std::ops::Range<usize>>>) {
    let mut text = String::new();
    let mut offsets = Vec::with_capacity(doc.sentences.len());
    let mut body = 0;
    for (k, sent) in doc.sentences.iter().enumerate() {
        if k == 1 {
            text.push_str("\n\n");
            body = text.len();
        } else if k > 1 {
            // A line without a sentence's closing punctuation (a dateline, a table row) is
            // a line of its own; sentences run on.
            let prev = doc.sentences[k - 1].last().and_then(|l| l.split_whitespace().next()).unwrap_or("");
            text.push(if matches!(prev, "." | "?" | "!" | "\"" | "'" | ")") { ' ' } else { '\n' });
        }
        let mut toks = Vec::with_capacity(sent.len());
        for (i, line) in sent.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(line.split_whitespace().next().unwrap_or(""));
            toks.push(start..text.len());
        }
        offsets.push(toks);
    }
    if let Some(width) = wrap.filter(|_| body > 0) {
        // Greedy wrapping: a space becomes a line break where the next word would pass the
        // width. Byte offsets stay as they were.
        let mut bytes = std::mem::take(&mut text).into_bytes();
        let (mut line_start, mut last_space) = (body, None);
        for i in body..bytes.len() {
            match bytes[i] {
                b' ' => last_space = Some(i),
                b'\n' => (line_start, last_space) = (i + 1, None),
                _ => {}
            }
            if let Some(sp) = last_space.filter(|&sp| sp > line_start && i - line_start >= width) {
                bytes[sp] = b'\n';
                line_start = sp + 1;
                last_space = None;
            }
        }
        text = String::from_utf8(bytes).expect("only ASCII spaces were replaced");
    }
    (text, offsets)
}

/// Scores the whole pipeline ([`crate::annotate_with`]) on CoNLL documents written out as plain
/// text ([`render`]): a name is right when its character span and type match a gold chunk.
pub fn evaluate_as_text(recognizer: &Recognizer, text: &str, wrap: Option<usize>) -> Report {
    let mut report = Report::default();
    for block in parse(text) {
        let Block::Doc(doc) = block else { continue };
        let (article, offsets) = render(&doc, wrap);
        let mut gold: Vec<Chunk> = Vec::new();
        for (sent, toks) in doc.sentences.iter().zip(&offsets) {
            let tags: Vec<&str> = sent.iter().map(|l| l.split_whitespace().last().unwrap_or("O")).collect();
            gold.extend(chunks(&tags).into_iter().map(|c| Chunk { start: toks[c.start].start, end: toks[c.end - 1].end, kind: c.kind }));
        }
        gold.sort();
        let mut pred: Vec<Chunk> = match crate::annotate_with(&article, &crate::Options::default(), recognizer) {
            Ok(d) => d
                .entities
                .iter()
                .filter_map(|e| {
                    let c = Chunk { start: e.span.byte.start, end: e.span.byte.end, kind: e.label.conll()?.to_owned() };
                    report.calibration.add(e.score, gold.contains(&c));
                    Some(c)
                })
                .collect(),
            Err(_) => Vec::new(),
        };
        pred.sort();
        report.add(&gold, &pred);
    }
    report
}

/// Runs the evaluation and prints the report.
pub fn run(args: &EvalArgs) -> Result<(), Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(&args.gold)
        .map_err(|e| format!("cannot read {}: {e}", args.gold.display()))?;
    let recognizer = Recognizer::builtin()?;
    let t = std::time::Instant::now();
    let report = if args.as_text { evaluate_as_text(recognizer, &text, args.wrap) } else { evaluate(recognizer, &text) };
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match write!(out, "{report}{}", report.calibration) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
        r => r.map_err(|e| format!("cannot write the report: {e}"))?,
    }
    eprintln!("(tagged in {:.2} s)", t.elapsed().as_secs_f64());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_chunks_follow_conlleval() {
        let tags = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG", "O", "B-MISC"];
        let c = chunks(&tags);
        let got: Vec<(usize, usize, &str)> = c.iter().map(|c| (c.start, c.end, c.kind.as_str())).collect();
        assert_eq!(got, vec![(0, 2, "PER"), (2, 3, "PER"), (4, 5, "LOC"), (5, 6, "ORG"), (7, 8, "MISC")]);
    }

    #[test]
    fn scores() {
        let mut r = Report::default();
        let gold = chunks(&["I-PER", "I-PER", "O", "I-LOC"]);
        let pred = chunks(&["B-PER", "I-PER", "O", "B-ORG"]);
        r.add(&gold, &pred);
        assert_eq!(r.overall, Counts { gold: 2, predicted: 2, correct: 1 });
        assert_eq!(r.by_type["PER"].f1(), 100.0);
        assert_eq!(r.by_type["LOC"].recall(), 0.0);
    }

    #[test]
    fn rendered_text_keeps_token_offsets() {
        let file = "-DOCSTART- -X- O O\n\nSOCCER NN O O\n- : O O\nJAPAN NNP I-NP I-LOC\n\nAsian NNP I-NP I-MISC\nCup NNP I-NP I-MISC\nholders NNS I-NP O\nJapan NNP I-NP I-LOC\nbegan VBD I-VP O\ntheir PRP$ I-NP O\ndefence NN I-NP O\n. . O O\n\nThey PRP I-NP O\nwon VBD I-VP O\n. . O O\n";
        for wrap in [None, Some(12)] {
            let Block::Doc(doc) = parse(file).into_iter().nth(1).unwrap() else { panic!("no document") };
            let (text, offsets) = render(&doc, wrap);
            for (sent, toks) in doc.sentences.iter().zip(&offsets) {
                for (line, r) in sent.iter().zip(toks) {
                    assert_eq!(&text[r.clone()], line.split_whitespace().next().unwrap());
                }
            }
            assert!(text.starts_with("SOCCER - JAPAN\n\nAsian Cup"), "{text:?}");
            if wrap.is_some() {
                assert!(text[16..].lines().all(|l| l.len() <= 12 || !l.contains(' ')), "{text:?}");
                assert!(text[16..].lines().count() > 2, "{text:?}");
            }
        }
    }

    #[test]
    fn calibration_error() {
        let mut c = Calibration::default();
        // Scores of 0.95, right 19 times in 20: calibrated.
        for k in 0..20 {
            c.add(0.95, k > 0);
        }
        assert!(c.ece() < 1e-4, "{}", c.ece());
        // Ten more at 0.85, all wrong: that bin is 85 points off, for a third of the names.
        for _ in 0..10 {
            c.add(0.85, false);
        }
        assert!((c.ece() - 85.0 / 3.0).abs() < 1e-4, "{}", c.ece());
        assert_eq!(c.bins[9].0, 20);
        assert_eq!((c.bins[8].0, c.bins[8].2), (10, 0));
        assert!((c.bins[8].1 - 8.5).abs() < 1e-4);
        assert_eq!(Calibration::default().ece(), 0.0);
    }
}
