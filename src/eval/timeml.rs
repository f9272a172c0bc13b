//! `dateline eval timeml`: TempEval-3 task A scores for temporal expressions.
//!
//! Reads TimeML (.tml) files, takes the plain text of `<TEXT>` (tags removed, entities
//! unescaped) with the gold TIMEX3 spans, types and values, runs [`crate::time::tag`] through
//! the real tokenizer and sentence splitter with the document creation time as the reference
//! date, and scores as TempEval-3 does: strict (exact extent) and relaxed (overlapping extent)
//! precision, recall and F1, and type and value F1 over relaxed matches whose attribute is right.

use crate::doc::TimexType;
use chrono::NaiveDate;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Arguments of `dateline eval timeml`.
#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// Folder of TimeML (.tml) files, searched recursively.
    pub dir: std::path::PathBuf,
    /// Also print every disagreement (missed, spurious, wrong value).
    #[arg(long)]
    pub errors: bool,
}

/// A gold or system TIMEX3 in plain-text byte offsets.
#[derive(Clone, Debug, PartialEq)]
pub struct Timex3 {
    /// Byte range in the plain text.
    pub byte: Range<usize>,
    /// TIMEX3 type (`DATE`, `TIME`, `DURATION`, `SET`).
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
    /// Why (system output only), for the error listing.
    pub why: Option<String>,
}

/// A parsed TimeML document.
#[derive(Clone, Debug)]
pub struct TimemlDoc {
    /// File name.
    pub name: String,
    /// Plain text of `<TEXT>`.
    pub text: String,
    /// Document creation time (the reference date).
    pub dct: Option<NaiveDate>,
    /// Gold TIMEX3 inside `<TEXT>`.
    pub gold: Vec<Timex3>,
}

/// Counts for the TempEval-3 scores.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold expressions.
    pub gold: usize,
    /// System expressions.
    pub system: usize,
    /// Exact-extent matches.
    pub strict: usize,
    /// Overlapping-extent matches (one-to-one).
    pub relaxed: usize,
    /// Relaxed matches with the right type.
    pub kind: usize,
    /// Relaxed matches with the right value.
    pub value: usize,
}

/// Precision, recall, F1 (in percent).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f: f64,
}

impl Counts {
    fn prf(&self, hit: usize) -> Prf {
        let p = if self.system == 0 { 0.0 } else { 100.0 * hit as f64 / self.system as f64 };
        let r = if self.gold == 0 { 0.0 } else { 100.0 * hit as f64 / self.gold as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        Prf { p, r, f }
    }
    /// Strict-extent scores.
    pub fn strict(&self) -> Prf {
        self.prf(self.strict)
    }
    /// Relaxed-extent scores.
    pub fn relaxed(&self) -> Prf {
        self.prf(self.relaxed)
    }
    /// Type scores.
    pub fn kind(&self) -> Prf {
        self.prf(self.kind)
    }
    /// Value scores.
    pub fn value(&self) -> Prf {
        self.prf(self.value)
    }
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.system += o.system;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.kind += o.kind;
        self.value += o.value;
    }
}

/// Parses one TimeML file's content.
pub fn parse(name: &str, xml: &str) -> TimemlDoc {
    let dct = xml.find("<DCT>").and_then(|a| {
        let rest = &xml[a..];
        let v = attr(&rest[..rest.find("</DCT>").unwrap_or(rest.len())], "value")?;
        NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()
    });
    let body = match (xml.find("<TEXT>"), xml.find("</TEXT>")) {
        (Some(a), Some(b)) if a + 6 <= b => &xml[a + 6..b],
        _ => "",
    };
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        push_unescaped(&mut text, &rest[..lt]);
        let gt = rest[lt..].find('>').map(|g| lt + g).unwrap_or(rest.len() - 1);
        let tag = &rest[lt + 1..gt];
        if tag.starts_with("TIMEX3") {
            open = Some((text.len(), attr(tag, "type").unwrap_or("").to_owned(), attr(tag, "value").unwrap_or("").to_owned()));
        } else if tag.starts_with("/TIMEX3") {
            if let Some((s, kind, value)) = open.take() {
                gold.push(Timex3 { byte: s..text.len(), kind, value, why: None });
            }
        }
        rest = &rest[gt + 1..];
    }
    push_unescaped(&mut text, rest);
    TimemlDoc { name: name.to_owned(), text, dct, gold }
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let a = tag.find(&key)? + key.len();
    let b = tag[a..].find('"')? + a;
    Some(&tag[a..b])
}

fn push_unescaped(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(a) = rest.find('&') {
        out.push_str(&rest[..a]);
        let tail = &rest[a..];
        let (rep, len) = match tail.find(';').filter(|e| *e <= 8) {
            Some(e) => {
                let ent = &tail[1..e];
                let c = match ent {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => ent
                        .strip_prefix("#x")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                        .and_then(char::from_u32),
                };
                match c {
                    Some(c) => (c, e + 1),
                    None => ('&', 1),
                }
            }
            None => ('&', 1),
        };
        out.push(rep);
        rest = &tail[len..];
    }
    out.push_str(rest);
}

/// Runs the tagger on a document, with its DCT as the reference date.
pub fn system(doc: &TimemlDoc) -> Vec<Timex3> {
    let tokens = crate::tokenize::tokenize(&doc.text);
    let sentences = crate::sentences::split(&doc.text, &tokens);
    crate::time::tag(&doc.text, &tokens, &sentences, doc.dct)
        .into_iter()
        .map(|m| Timex3 { byte: m.byte, kind: kind_name(m.timex.kind).to_owned(), value: m.timex.value, why: m.timex.explanation })
        .collect()
}

fn kind_name(k: TimexType) -> &'static str {
    k.as_str()
}

/// A gold index and the system index paired with it; `(None, Some(s))` is spurious.
pub type Pair = (Option<usize>, Option<usize>);

/// Scores system against gold expressions (one document). Relaxed matching pairs each gold
/// expression with the first unused overlapping system one.
pub fn score(gold: &[Timex3], sys: &[Timex3]) -> (Counts, Vec<Pair>) {
    let mut c = Counts { gold: gold.len(), system: sys.len(), ..Default::default() };
    let mut used = vec![false; sys.len()];
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let found = sys
            .iter()
            .enumerate()
            .filter(|(si, s)| !used[*si] && s.byte.start < g.byte.end && g.byte.start < s.byte.end)
            .max_by_key(|(_, s)| (s.byte == g.byte, std::cmp::Reverse(s.byte.start)))
            .map(|(si, _)| si);
        if let Some(si) = found {
            used[si] = true;
            let s = &sys[si];
            c.relaxed += 1;
            c.strict += (s.byte == g.byte) as usize;
            c.kind += (s.kind == g.kind) as usize;
            c.value += (s.value == g.value) as usize;
        }
        pairs.push((Some(gi), found));
    }
    pairs.extend(used.iter().enumerate().filter(|(_, u)| !**u).map(|(si, _)| (None, Some(si))));
    (c, pairs)
}

/// Reads every .tml file under `dir` (recursively), sorted by path.
pub fn load(dir: &Path) -> std::io::Result<Vec<TimemlDoc>> {
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    files.sort();
    files
        .iter()
        .map(|f| {
            let bytes = std::fs::read(f)?;
            let xml = String::from_utf8_lossy(&bytes);
            Ok(parse(&f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(), &xml))
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "tml") {
            out.push(p);
        }
    }
    Ok(())
}

/// Scores every .tml file under `dir`; the library entry point tests use.
pub fn evaluate(dir: &Path) -> std::io::Result<Counts> {
    Ok(evaluate_docs(&load(dir)?, None))
}

fn evaluate_docs(docs: &[TimemlDoc], mut errors: Option<&mut String>) -> Counts {
    let mut total = Counts::default();
    for d in docs {
        let sys = system(d);
        let (c, pairs) = score(&d.gold, &sys);
        total.add(&c);
        if let Some(e) = errors.as_deref_mut() {
            for (g, s) in pairs {
                let g = g.map(|i| &d.gold[i]);
                let s = s.map(|i| &sys[i]);
                let show = |t: &Timex3| format!("{:?} {} {}{}", &d.text[t.byte.clone()], t.kind, t.value, t.why.as_ref().map(|w| format!(" ({w})")).unwrap_or_default());
                let ctx = {
                    let b = g.or(s).map(|t| t.byte.clone()).unwrap_or(0..0);
                    let mut a = b.start.saturating_sub(50);
                    while !d.text.is_char_boundary(a) {
                        a -= 1;
                    }
                    let mut z = (b.end + 50).min(d.text.len());
                    while !d.text.is_char_boundary(z) {
                        z += 1;
                    }
                    format!("{}[{}]{}", &d.text[a..b.start], &d.text[b.clone()], &d.text[b.end..z]).replace(['\n', '\r'], " ")
                };
                let line = match (g, s) {
                    (Some(g), None) => format!("MISS\t{}", show(g)),
                    (None, Some(s)) => format!("SPUR\t{}", show(s)),
                    (Some(g), Some(s)) if g.byte != s.byte || g.value != s.value || g.kind != s.kind => {
                        format!("DIFF\t{}\t=> {}", show(g), show(s))
                    }
                    _ => continue,
                };
                let _ = writeln!(e, "{}\t{}\t{line}\t{ctx}", d.name, d.dct.map(|x| x.to_string()).unwrap_or_default());
            }
        }
    }
    total
}

/// Runs the evaluation and prints the report.
pub fn run(args: &EvalArgs) -> Result<(), Box<dyn std::error::Error>> {
    let docs = load(&args.dir)?;
    if docs.is_empty() {
        return Err(format!("no .tml files under {}", args.dir.display()).into());
    }
    let mut errs = String::new();
    let c = evaluate_docs(&docs, args.errors.then_some(&mut errs));
    print!("{errs}");
    println!("TempEval-3 task A on {} documents: {} gold, {} system TIMEX3", docs.len(), c.gold, c.system);
    println!("{:<16}{:>8}{:>8}{:>8}", "", "P", "R", "F1");
    for (name, s) in [("strict span", c.strict()), ("relaxed span", c.relaxed()), ("type", c.kind()), ("value", c.value())] {
        println!("{name:<16}{:>8.2}{:>8.2}{:>8.2}", s.p, s.r, s.f);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_scores() {
        let xml = "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" functionInDocument=\"CREATION_TIME\">x</TIMEX3></DCT>\r\n<TEXT>A &amp; B <EVENT eid=\"e1\">said</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\">yesterday</TIMEX3>.</TEXT>";
        let d = parse("x", xml);
        assert_eq!(d.text, "A & B said yesterday.");
        assert_eq!(d.dct, NaiveDate::from_ymd_opt(1998, 1, 8));
        assert_eq!(&d.text[d.gold[0].byte.clone()], "yesterday");
        let sys = vec![Timex3 { byte: 11..20, kind: "DATE".into(), value: "1998-01-07".into(), why: None }];
        let (c, _) = score(&d.gold, &sys);
        assert_eq!((c.strict, c.relaxed, c.value), (1, 1, 1));
    }
}
