//! The WebAssembly binding: one call, `annotate(text, options)`, returning plain JS objects
//! (not class instances, which would live on the wasm heap until freed) with UTF-16 offsets,
//! so that `text.slice(e.start, e.end) === e.text` in JavaScript.
#![deny(missing_docs)]

use dateline::entities::Recognizer;
use dateline::{Document, Entity};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// Options accepted from JavaScript.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct JsOptions {
    /// ISO date (YYYY-MM-DD) relative expressions are anchored on.
    reference_date: Option<String>,
    /// The reader's local date (YYYY-MM-DD), for a proposal when the text has no full date.
    today: Option<String>,
    /// How "03/04/2024" is read: "auto" (from the text), "month-first" or "day-first".
    date_order: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsTimex<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    value: &'a str,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    modifier: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_value: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    anchor: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsEntity<'a> {
    id: usize,
    start: usize,
    end: usize,
    cp_start: usize,
    cp_end: usize,
    text: &'a str,
    label: &'static str,
    score: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    timex: Option<JsTimex<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cluster: Option<usize>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsCluster<'a> {
    id: usize,
    canonical: &'a str,
    label: &'static str,
    mentions: &'a [usize],
    roles: &'a [String],
    statements: usize,
    salience: f32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsReference<'a> {
    date: &'a str,
    source: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsDocument<'a> {
    entities: Vec<JsEntity<'a>>,
    clusters: Vec<JsCluster<'a>>,
    reference_date: Option<JsReference<'a>>,
    tokens: usize,
    sentences: usize,
}

fn entity(e: &Entity) -> JsEntity<'_> {
    JsEntity {
        id: e.id,
        start: e.span.utf16.start,
        end: e.span.utf16.end,
        cp_start: e.span.char.start,
        cp_end: e.span.char.end,
        text: &e.text,
        label: e.label.as_str(),
        score: e.score,
        timex: e.timex.as_ref().map(|t| JsTimex {
            kind: t.kind.as_str(),
            value: &t.value,
            modifier: t.modifier.as_deref(),
            end_value: t.end_value.as_deref(),
            anchor: t.anchor.as_deref(),
            explanation: t.explanation.as_deref(),
        }),
        cluster: e.cluster,
    }
}

fn document(doc: &Document) -> JsDocument<'_> {
    JsDocument {
        entities: doc.entities.iter().map(entity).collect(),
        clusters: doc
            .clusters
            .iter()
            .map(|c| JsCluster {
                id: c.id,
                canonical: &c.canonical,
                label: c.label.as_str(),
                mentions: &c.mentions,
                roles: &c.roles,
                statements: c.statements,
                salience: c.salience,
            })
            .collect(),
        reference_date: doc.reference_date.as_ref().map(|r| JsReference { date: &r.date, source: r.source }),
        tokens: doc.tokens.len(),
        sentences: doc.sentences.len(),
    }
}

fn js_error(message: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&message.to_string()).into()
}

/// Annotates `text`. `options` may be `undefined` or `{ referenceDate?: "YYYY-MM-DD", today?:
/// "YYYY-MM-DD", dateOrder?: "auto" | "month-first" | "day-first" }` (`today`: the reader's
/// date, used only to propose a document date; `dateOrder`: how "03/04/2024" is read).
///
/// Returns `{ entities, clusters, referenceDate, tokens, sentences }` as plain objects; entity
/// `start`/`end` are UTF-16 offsets into `text`, `cpStart`/`cpEnd` code-point offsets. Lone
/// surrogates in `text` arrive as U+FFFD, one UTF-16 unit each, so offsets still match.
#[wasm_bindgen]
pub fn annotate(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let opts: JsOptions = if options.is_undefined() || options.is_null() {
        JsOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| js_error(format!("bad options: {e}")))?
    };
    let reference_date = match opts.reference_date.as_deref() {
        None | Some("") => None,
        Some(s) => Some(
            chrono_date(s).ok_or_else(|| js_error(format!("referenceDate `{s}` is not a date of the form YYYY-MM-DD")))?,
        ),
    };
    let today = match opts.today.as_deref() {
        None | Some("") => None,
        Some(s) => Some(chrono_date(s).ok_or_else(|| js_error(format!("today `{s}` is not a date of the form YYYY-MM-DD")))?),
    };
    let date_order = match opts.date_order.as_deref() {
        None | Some("") => dateline::time::DateOrder::Auto,
        Some(s) => dateline::time::DateOrder::parse(s)
            .ok_or_else(|| js_error(format!("dateOrder `{s}` is not one of \"auto\", \"month-first\", \"day-first\"")))?,
    };
    let options = dateline::Options { reference_date, today, date_order };
    let custom = MODEL.lock().ok().and_then(|m| m.clone());
    let doc = match custom {
        Some(model) => dateline::annotate_with(text, &options, &model),
        None => dateline::annotate(text, &options),
    }
    .map_err(js_error)?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    document(&doc).serialize(&serializer).map_err(js_error)
}

fn chrono_date(s: &str) -> Option<dateline::NaiveDate> {
    dateline::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

static LAST_PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// Records panic messages so that JavaScript can show why a call trapped: a Rust panic in
/// wasm aborts the call with an opaque `RuntimeError: unreachable`.
#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(info.to_string());
        }
    }));
}

/// The message of the last panic, if a call trapped. After a trap the module instance should
/// be discarded and a new one instantiated.
#[wasm_bindgen(js_name = lastPanic)]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.lock().ok().and_then(|l| l.clone())
}

/// A model loaded by the user with [`load_model`], used instead of the built-in one.
static MODEL: std::sync::Mutex<Option<std::sync::Arc<Recognizer>>> = std::sync::Mutex::new(None);

/// Replaces the built-in entity model with one from a model file's bytes, for the following
/// `annotate` calls; returns the model's metadata. A truncated, corrupted or foreign file
/// throws an `Error` that names the problem, and the model in use stays as it was.
#[wasm_bindgen(js_name = loadModel)]
pub fn load_model(bytes: &[u8]) -> Result<JsValue, JsValue> {
    let model = Recognizer::from_bytes(bytes).map_err(js_error)?;
    let meta = model.meta().serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(js_error)?;
    if let Ok(mut m) = MODEL.lock() {
        *m = Some(std::sync::Arc::new(model));
    }
    Ok(meta)
}

/// Goes back to the built-in entity model.
#[wasm_bindgen(js_name = useBuiltinModel)]
pub fn use_builtin_model() {
    if let Ok(mut m) = MODEL.lock() {
        *m = None;
    }
}

/// The version of the core.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
