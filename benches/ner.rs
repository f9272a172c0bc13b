//! Tagging speed of the entity recognizer on CoNLL-2003 dev, in tokens per second, and the
//! time to load its model (`cargo bench --bench ner`). The dev file is read from ../shared at
//! run time. (1 MB of news as one document: `cargo bench --bench pipeline`, "3 entities".)

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dateline::entities::Recognizer;
use dateline::output::conll::{parse, Block};

fn bench(c: &mut Criterion) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/conll2003/dev.txt");
    let text = std::fs::read_to_string(path).expect("CoNLL-2003 dev file in ../shared");
    let docs: Vec<Vec<Vec<&str>>> = parse(&text)
        .into_iter()
        .filter_map(|b| match b {
            Block::Doc(d) => Some(
                d.sentences
                    .iter()
                    .map(|s| s.iter().map(|l| l.split_whitespace().next().unwrap_or("")).collect())
                    .collect(),
            ),
            Block::DocStart(_) => None,
        })
        .collect();
    let tokens: usize = docs.iter().flatten().map(Vec::len).sum();
    let r = Recognizer::builtin().unwrap();
    let mut g = c.benchmark_group("ner");
    g.throughput(Throughput::Elements(tokens as u64));
    g.sample_size(20);
    g.bench_function("recognize CoNLL-2003 dev (documents)", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                n += r.recognize(d).len();
            }
            n
        })
    });
    g.finish();
    let mut g = c.benchmark_group("ner model");
    g.sample_size(20);
    static MODEL: &[u8] = include_bytes!("../models/ner.bin");
    g.bench_function("load models/ner.bin (Recognizer::from_bytes)", |b| {
        b.iter(|| Recognizer::from_bytes(std::hint::black_box(MODEL)).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
