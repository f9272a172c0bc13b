fn main() {
    let text = std::env::args().nth(1).unwrap();
    for t in dateline::tokenize::tokenize(&text) { println!("{:?} {:?}", t.byte, &text[t.byte.clone()]); }
}
