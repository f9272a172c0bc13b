//! A standalone highlighted HTML page.

use crate::doc::Document;

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// A complete HTML page showing the text with its entities as `<mark>` elements. It holds no
/// script; the text is escaped, so nothing in it can run.
pub fn html(doc: &Document) -> String {
    let mut out = String::from(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>Dateline annotation</title>\n<style>\n",
    );
    out.push_str(include_str!("html.css"));
    out.push_str("</style></head><body><main class=\"doc\">");
    let mut pos = 0;
    for e in &doc.entities {
        escape(&doc.text[pos..e.span.byte.start], &mut out);
        out.push_str("<mark data-label=\"");
        out.push_str(e.label.as_str());
        out.push_str("\" title=\"");
        let mut title = e.label.as_str().to_owned();
        if let Some(t) = &e.timex {
            title.push_str(&format!(" {} {}", t.kind.as_str(), t.value));
        }
        escape(&title, &mut out);
        out.push_str("\">");
        escape(&e.text, &mut out);
        out.push_str("<span class=\"tag\">");
        out.push_str(e.label.as_str());
        out.push_str("</span></mark>");
        pos = e.span.byte.end;
    }
    escape(&doc.text[pos..], &mut out);
    out.push_str("</main></body></html>\n");
    out
}
