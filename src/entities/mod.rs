//! Stage 3: named entities (PERSON, ORG, GPE, LOC, NORP, EVENT, MISC) over tokenized sentences.
//!
//! A two-pass averaged-perceptron tagger with BILOU tags and Viterbi decoding, trained on
//! CoNLL-2003 by `dateline train` ([`train`], command line only):
//!
//! 1. The first pass tags each sentence from local features: the word and its neighbours,
//!    shapes, affixes, word clusters, gazetteers, capitalization in the sentence and in the
//!    document (a word written lower-case elsewhere is rarely a name).
//! 2. The second pass adds what the first pass said about the same word elsewhere in the
//!    document, so that "Clinton" in a headline gets the type of "Bill Clinton" in the body.
//!
//! CoNLL's four types are then refined into the product's labels ([`refine`]). All weights,
//! clusters and gazetteers live in one model file (`models/ner.bin`, see `models/README.md`),
//! embedded in the binary and parsed once.

mod features;
mod hash;
mod lexicon;
mod refine;
mod tags;
#[cfg(feature = "cli")]
pub mod train;
mod weights;

use crate::doc::Label;
use crate::error::{Error, Result};
use crate::model::Container;
use std::ops::Range;
use std::sync::OnceLock;
use tags::NT;
use weights::Table;

/// A name found in one sentence, as a range of that sentence's tokens.
#[derive(Clone, Debug, PartialEq)]
pub struct NameSpan {
    /// Token indices within the sentence.
    pub tokens: Range<usize>,
    /// The product label.
    pub label: Label,
    /// Confidence in 0..=1.
    pub score: f32,
}

/// The named-entity recognizer: lexicon plus the weights of both passes.
#[derive(Debug)]
pub struct Recognizer {
    lex: features::Lexicon,
    first: Table,
    second: Option<Table>,
    meta: serde_json::Value,
}

static BUILTIN: &[u8] = include_bytes!("../../models/ner.bin");

impl Recognizer {
    /// The recognizer compiled into this build (parsed on first use).
    pub fn builtin() -> Result<&'static Recognizer> {
        static R: OnceLock<Result<Recognizer>> = OnceLock::new();
        R.get_or_init(|| Recognizer::from_bytes(BUILTIN)).as_ref().map_err(Clone::clone)
    }

    /// Loads a recognizer from the bytes of a model file. A truncated, corrupted or
    /// incompatible file is an error.
    pub fn from_bytes(bytes: &[u8]) -> Result<Recognizer> {
        let c = Container::parse(bytes)?;
        let meta: serde_json::Value = serde_json::from_slice(c.section("meta")?)
            .map_err(|e| Error::model(format!("section `meta` is not JSON: {e}")))?;
        if meta.get("kind").and_then(|k| k.as_str()) != Some("ner") {
            return Err(Error::model("not an entity recognizer model (meta.kind is not \"ner\")"));
        }
        let lex = lexicon::decode(c.section("lexicon")?)?;
        let first = Table::decode(c.section("first")?)?;
        let second = match c.names().any(|n| n == "second") {
            true => Some(Table::decode(c.section("second")?)?),
            false => None,
        };
        Ok(Recognizer { lex, first, second, meta })
    }

    /// The model's metadata (training data hash, epochs, feature counts, dev scores).
    pub fn meta(&self) -> &serde_json::Value {
        &self.meta
    }

    /// Tags a whole document at once (so that document context can be used): one list of
    /// sentences, each a list of token strings; returns the names of each sentence.
    pub fn recognize(&self, sentences: &[Vec<&str>]) -> Vec<Vec<NameSpan>> {
        let p = features::prepare(&self.lex, sentences);
        let mut sc = Scratch::default();
        let mut tags1 = Vec::with_capacity(sentences.len());
        let mut conf1 = Vec::with_capacity(sentences.len());
        for s in 0..p.toks.len() {
            run_pass(&self.first, &p, s, &mut sc, |_, _| {});
            tags1.push(sc.tags.clone());
            conf1.push(sc.conf.clone());
        }
        let (tags, conf) = match &self.second {
            None => (tags1, conf1),
            Some(second) => {
                let agg = features::Aggregates::new(&p, &tags1);
                let mut tags2 = Vec::with_capacity(sentences.len());
                let mut conf2 = Vec::with_capacity(sentences.len());
                for s in 0..p.toks.len() {
                    run_pass(second, &p, s, &mut sc, |i, f| {
                        features::contextual(&p, &agg, &tags1, s, i, &mut |k| f(k))
                    });
                    tags2.push(sc.tags.clone());
                    conf2.push(sc.conf.clone());
                }
                (tags2, conf2)
            }
        };
        sentences
            .iter()
            .enumerate()
            .map(|(s, words)| {
                tags::decode(&tags[s])
                    .into_iter()
                    .map(|(a, b, ty)| NameSpan {
                        tokens: a..b,
                        label: refine::refine(ty, &words[a..b], &p.toks[s][a..b]),
                        score: conf[s][a..b].iter().copied().fold(1.0, f32::min),
                    })
                    .collect()
            })
            .collect()
    }
}

/// Buffers reused across sentences.
#[derive(Default)]
struct Scratch {
    em: Vec<[f32; NT]>,
    back: Vec<[u8; NT]>,
    tags: Vec<u8>,
    conf: Vec<f32>,
}

/// Tags sentence `s` with one pass's weights; `extra` adds features beyond the local ones.
fn run_pass(
    table: &Table,
    p: &features::Prepared,
    s: usize,
    sc: &mut Scratch,
    mut extra: impl FnMut(usize, &mut dyn FnMut(u32)),
) {
    let n = p.toks[s].len();
    sc.em.clear();
    for i in 0..n {
        let mut acc = [0i32; NT];
        let mut add = |k: u32| table.add(k, &mut acc);
        features::local(p, s, i, &mut add);
        extra(i, &mut add);
        let mut row = [0f32; NT];
        for t in 0..NT {
            row[t] = acc[t] as f32 * table.scale;
        }
        sc.em.push(row);
    }
    table.trans.viterbi(&sc.em, &mut sc.back, &mut sc.tags);
    // Confidence: the chosen tag's share of a softmax over each token's emission scores.
    sc.conf.clear();
    for (row, &t) in sc.em.iter().zip(&sc.tags) {
        let max = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let z: f32 = row.iter().map(|v| (v - max).exp()).sum();
        sc.conf.push(((row[t as usize] - max).exp() / z).clamp(0.0, 1.0));
    }
}
