//! Times `annotate` and its stages on a generated input: `timeit PATTERN REPEAT`.
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let text = a[1].replace("\\n", "\n").repeat(a[2].parse().unwrap());
    let t = std::time::Instant::now();
    let toks = dateline::tokenize::tokenize(&text);
    let t1 = t.elapsed();
    let sents = dateline::sentences::split(&text, &toks);
    let t2 = t.elapsed();
    let tm = dateline::time::tag(&text, &toks, &sents, None);
    let t3 = t.elapsed();
    let doc = dateline::annotate(&text, &Default::default()).unwrap();
    let t4 = t.elapsed();
    println!("{} bytes {} tokens {} sents {} timex {} ents: tokenize {:?} split {:?} time {:?} annotate {:?}", text.len(), toks.len(), sents.len(), tm.len(), doc.entities.len(), t1, t2 - t1, t3 - t2, t4 - t3);
}
