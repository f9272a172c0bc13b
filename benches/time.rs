//! Speed of the temporal tagger (`cargo bench --bench time`): the sample article, 1 MB of
//! Reuters news (from ../shared at run time), and a pathological run of "Jan. " that must
//! stay linear.

mod common;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn run(text: &str) -> usize {
    let tokens = dateline::tokenize::tokenize(text);
    let sentences = dateline::sentences::split(text, &tokens);
    dateline::time::tag(text, &tokens, &sentences, NaiveDate::from_ymd_opt(2021, 12, 30)).len()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("time");
    g.sample_size(10);
    let sample = common::sample();
    g.throughput(Throughput::Bytes(sample.len() as u64));
    g.bench_function("sample article", |b| b.iter(|| run(&sample)));
    let news = common::news(1 << 20);
    g.throughput(Throughput::Bytes(news.len() as u64));
    g.bench_function("1 MB of Reuters news", |b| b.iter(|| run(&news)));
    let jan = "Jan. ".repeat(200_000);
    g.throughput(Throughput::Bytes(jan.len() as u64));
    g.bench_function("\"Jan. \" x 200,000", |b| b.iter(|| run(&jan)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
