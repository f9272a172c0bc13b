//! Throughput of each stage and of the whole pipeline, in tokens per second, on the sample
//! article and on 1 MB of Reuters news: `cargo bench --bench pipeline`.

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dateline::entities::Recognizer;
use dateline::{annotate, resolve, sentences, time, tokenize, NaiveDate, Options};
use std::hint::black_box;

fn stages(c: &mut Criterion, name: &str, text: &str) {
    let reference = NaiveDate::from_ymd_opt(2021, 12, 30);
    let tokens = tokenize::tokenize(text);
    let sents = sentences::split(text, &tokens);
    let words: Vec<Vec<&str>> = sents.iter().map(|s| tokens[s.tokens.clone()].iter().map(|t| &text[t.byte.clone()]).collect()).collect();
    let recognizer = Recognizer::builtin().expect("built-in model");
    let doc = annotate(text, &Options { reference_date: reference, ..Default::default() }).unwrap();

    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Elements(tokens.len() as u64));
    g.sample_size(if text.len() > 100_000 { 10 } else { 50 });
    g.bench_function("1 tokenize", |b| b.iter(|| tokenize::tokenize(black_box(text))));
    g.bench_function("2 sentences", |b| b.iter(|| sentences::split(black_box(text), &tokens)));
    g.bench_function("3 entities", |b| b.iter(|| recognizer.recognize(black_box(&words))));
    g.bench_function("4 time", |b| b.iter(|| time::tag(black_box(text), &tokens, &sents, reference)));
    g.bench_function("5 resolve", |b| {
        b.iter_batched(
            || {
                let mut d = doc.clone();
                d.clusters.clear();
                d.entities.iter_mut().for_each(|e| e.cluster = None);
                d
            },
            |mut d| resolve::resolve(&mut d),
            criterion::BatchSize::LargeInput,
        )
    });
    g.bench_function("all (annotate)", |b| b.iter(|| annotate(black_box(text), &Options { reference_date: reference, ..Default::default() }).unwrap()));
    g.finish();
}

fn benches(c: &mut Criterion) {
    stages(c, "sample article", &common::sample());
    stages(c, "1 MB news", &common::news(1 << 20));
}

criterion_group!(pipeline, benches);
criterion_main!(pipeline);
