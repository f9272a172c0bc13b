//! Times each stage of the pipeline on a file: `cargo run --release --example stages FILE`.
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: stages FILE");
    let text = std::fs::read_to_string(path).unwrap();
    let _ = dateline::annotate("warm up", &Default::default()).unwrap();
    let reference = dateline::NaiveDate::from_ymd_opt(1987, 3, 1);
    let t = Instant::now();
    let toks = dateline::tokenize::tokenize(&text);
    let t_tok = t.elapsed();
    let t = Instant::now();
    let sents = dateline::sentences::split(&text, &toks);
    let t_sent = t.elapsed();
    let words: Vec<Vec<&str>> = sents.iter().map(|s| toks[s.tokens.clone()].iter().map(|t| &text[t.byte.clone()]).collect()).collect();
    let r = dateline::entities::Recognizer::builtin().unwrap();
    let t = Instant::now();
    let names = r.recognize(&words);
    let t_ner = t.elapsed();
    let t = Instant::now();
    let timex = dateline::time::tag(&text, &toks, &sents, reference);
    let t_time = t.elapsed();
    let t = Instant::now();
    let mut doc = dateline::annotate(&text, &dateline::Options { reference_date: reference, ..Default::default() }).unwrap();
    let t_all = t.elapsed();
    doc.clusters.clear();
    let t = Instant::now();
    dateline::resolve::resolve(&mut doc);
    let t_res = t.elapsed();
    let n = toks.len() as f64;
    let rate = |d: std::time::Duration| n / d.as_secs_f64() / 1e6;
    println!("{} tokens, {} sentences, {} names, {} timexes", toks.len(), sents.len(), names.iter().map(Vec::len).sum::<usize>(), timex.len());
    for (stage, d) in [("tokenize", t_tok), ("sentences", t_sent), ("entities", t_ner), ("time", t_time), ("resolve", t_res), ("annotate (all)", t_all)] {
        println!("{stage:<16} {:>9.1} ms  {:>6.2} M tokens/s", d.as_secs_f64() * 1e3, rate(d));
    }
}
