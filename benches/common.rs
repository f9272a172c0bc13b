//! Bench inputs, read from `../shared` (never copied into the repository).
#![allow(dead_code)]

use std::path::PathBuf;

fn shared(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared").join(rel)
}

/// The sample article.
pub fn sample() -> String {
    std::fs::read_to_string(shared("samples/biden-putin-call.txt")).expect("../shared/samples/biden-putin-call.txt")
}

/// About `bytes` of Reuters news: whole stories, separated by blank lines.
pub fn news(bytes: usize) -> String {
    let jsonl = std::fs::read_to_string(shared("data/unlabeled/reuters21578.jsonl")).expect("../shared/data/unlabeled/reuters21578.jsonl");
    let mut out = String::with_capacity(bytes + 4096);
    for line in jsonl.lines().cycle() {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
        out.push_str(v["text"].as_str().unwrap_or_default());
        out.push_str("\n\n");
        if out.len() >= bytes {
            break;
        }
    }
    out
}
