//! CoNLL column input and IOB2 output, for `dateline tag-conll` and evaluation.

use crate::entities::Recognizer;

/// One CoNLL document: sentences of lines, each line's first column the token.
#[derive(Debug, Default, Clone)]
pub struct ConllDoc<'a> {
    /// Sentences, each a list of full lines.
    pub sentences: Vec<Vec<&'a str>>,
}

impl ConllDoc<'_> {
    /// Runs the recognizer over the document's tokens (each line's first column), whole, so
    /// that document context is used; returns the names of each sentence.
    pub fn recognize(&self, recognizer: &Recognizer) -> Vec<Vec<crate::entities::NameSpan>> {
        let words: Vec<Vec<&str>> = self
            .sentences
            .iter()
            .map(|s| s.iter().map(|l| l.split_whitespace().next().unwrap_or("")).collect())
            .collect();
        recognizer.recognize(&words)
    }
}

/// A piece of a CoNLL file: a `-DOCSTART-` line, or a document's sentences.
#[derive(Debug, Clone)]
pub enum Block<'a> {
    /// A `-DOCSTART-` line, kept verbatim.
    DocStart(&'a str),
    /// The sentences between two `-DOCSTART-` lines.
    Doc(ConllDoc<'a>),
}

/// Splits CoNLL text into blocks. Blank lines end sentences.
pub fn parse(text: &str) -> Vec<Block<'_>> {
    let mut blocks = Vec::new();
    let mut doc = ConllDoc::default();
    let mut sent: Vec<&str> = Vec::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !sent.is_empty() {
                doc.sentences.push(std::mem::take(&mut sent));
            }
        } else if line.starts_with("-DOCSTART-") {
            if !sent.is_empty() {
                doc.sentences.push(std::mem::take(&mut sent));
            }
            if !doc.sentences.is_empty() {
                blocks.push(Block::Doc(std::mem::take(&mut doc)));
            }
            blocks.push(Block::DocStart(line));
        } else {
            sent.push(line);
        }
    }
    if !sent.is_empty() {
        doc.sentences.push(sent);
    }
    if !doc.sentences.is_empty() {
        blocks.push(Block::Doc(doc));
    }
    blocks
}

/// Tags CoNLL text: every input line comes back with one more column, the predicted IOB2 tag
/// with CoNLL types (PER, ORG, LOC, MISC). `-DOCSTART-` lines get `O`; sentences are separated
/// by one blank line.
pub fn tag(text: &str, recognizer: &Recognizer) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for block in parse(text) {
        match block {
            Block::DocStart(line) => {
                out.push_str(line);
                out.push_str(" O\n\n");
            }
            Block::Doc(doc) => {
                for (sent, spans) in doc.sentences.iter().zip(doc.recognize(recognizer)) {
                    let mut tags = vec!["O".to_owned(); sent.len()];
                    for n in spans {
                        let Some(ty) = n.label.conll() else { continue };
                        for (k, i) in n.tokens.clone().enumerate() {
                            tags[i] = format!("{}-{ty}", if k == 0 { "B" } else { "I" });
                        }
                    }
                    for (line, tag) in sent.iter().zip(tags) {
                        out.push_str(line);
                        out.push(' ');
                        out.push_str(&tag);
                        out.push('\n');
                    }
                    out.push('\n');
                }
            }
        }
    }
    out
}
