//! Prints the sentences of a file, one per line, with tokens separated by `|`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: sentences FILE");
    let text = std::fs::read_to_string(path).unwrap();
    let toks = dateline::tokenize::tokenize(&text);
    for s in dateline::sentences::split(&text, &toks) {
        let words: Vec<&str> = toks[s.tokens].iter().map(|t| &text[t.byte.clone()]).collect();
        println!("{}", words.join("|"));
    }
}
