//! The binding as JavaScript sees it, run in headless Chromium (`wasm-bindgen-test`).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn options(date: &str) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"referenceDate".into(), &date.into()).unwrap();
    o.into()
}

/// Every entity's UTF-16 offsets select its text from the JS string, astral characters included.
#[wasm_bindgen_test]
fn utf16_offsets_slice_the_js_string() {
    let text = js_sys::JsString::from("😀👍🏽 Angela Merkel met Joe Biden in Paris. 𝔘𝔖 Emmanuel Macron");
    let r = dateline_wasm::annotate(&String::from(text.clone()), options("2021-12-30")).unwrap();
    let entities: Array = get(&r, "entities").dyn_into().unwrap();
    assert!(entities.length() >= 2, "found {} entities", entities.length());
    for e in entities.iter() {
        let start = get(&e, "start").as_f64().unwrap() as u32;
        let end = get(&e, "end").as_f64().unwrap() as u32;
        assert_eq!(String::from(text.slice(start, end)), get(&e, "text").as_string().unwrap());
    }
    let reference = get(&r, "referenceDate");
    assert_eq!(get(&reference, "date").as_string().unwrap(), "2021-12-30");
    assert_eq!(get(&reference, "source").as_string().unwrap(), "given");
}

/// A lone surrogate from JavaScript arrives as U+FFFD (one unit): later offsets still match.
#[wasm_bindgen_test]
fn lone_surrogates_keep_offsets_aligned() {
    let units: Vec<u16> = "\u{0}x Angela Merkel".encode_utf16().collect();
    let mut with_lone = vec![0xD800u16];
    with_lone.extend(units);
    let js = js_sys::JsString::from_char_code(&with_lone);
    // wasm-bindgen's string conversion replaces the lone surrogate as TextEncoder does.
    let rust: String = js.as_string().unwrap_or_else(|| String::from_utf16_lossy(&with_lone));
    let r = dateline_wasm::annotate(&rust, JsValue::UNDEFINED).unwrap();
    let entities: Array = get(&r, "entities").dyn_into().unwrap();
    for e in entities.iter() {
        let start = get(&e, "start").as_f64().unwrap() as u32;
        let end = get(&e, "end").as_f64().unwrap() as u32;
        let from_js = String::from_utf16_lossy(&with_lone[start as usize..end as usize]);
        assert_eq!(from_js, get(&e, "text").as_string().unwrap());
    }
}

#[wasm_bindgen_test]
fn bad_reference_date_is_a_js_error_with_a_message() {
    let err = dateline_wasm::annotate("Biden spoke.", options("2021-13-45")).unwrap_err();
    let err: js_sys::Error = err.dyn_into().unwrap();
    assert!(String::from(err.message()).contains("2021-13-45"));
}

/// `dateOrder` decides how "03/04/2025" reads; an unknown order is an error that names it.
#[wasm_bindgen_test]
fn date_order_option() {
    let value = |order: &str| {
        let o = options("2025-06-02");
        Reflect::set(&o, &"dateOrder".into(), &order.into()).unwrap();
        let r = dateline_wasm::annotate("Filed 03/04/2025.", o).unwrap();
        let entities: Array = get(&r, "entities").dyn_into().unwrap();
        let e = entities.iter().find(|e| get(e, "text").as_string().as_deref() == Some("03/04/2025")).unwrap();
        get(&get(&e, "timex"), "value").as_string().unwrap()
    };
    assert_eq!(value("auto"), "2025-03-04");
    assert_eq!(value("day-first"), "2025-04-03");
    assert_eq!(value("month-first"), "2025-03-04");
    let o = options("2025-06-02");
    Reflect::set(&o, &"dateOrder".into(), &"sideways".into()).unwrap();
    let err: js_sys::Error = dateline_wasm::annotate("x", o).unwrap_err().dyn_into().unwrap();
    assert!(String::from(err.message()).contains("sideways"));
}

#[wasm_bindgen_test]
fn empty_text_gives_an_empty_result() {
    let r = dateline_wasm::annotate("", JsValue::UNDEFINED).unwrap();
    let entities: Array = get(&r, "entities").dyn_into().unwrap();
    assert_eq!(entities.length(), 0);
    assert_eq!(get(&r, "tokens").as_f64(), Some(0.0));
}

#[wasm_bindgen_test]
fn a_damaged_model_is_an_error_and_the_built_in_one_stays() {
    let before = dateline_wasm::annotate("Angela Merkel visited Paris.", JsValue::UNDEFINED).unwrap();
    for (bytes, says) in [(&b"DLMODEL\0\x01"[..], "truncated"), (&b"<html>not a model</html>"[..], "magic")] {
        let err: js_sys::Error = dateline_wasm::load_model(bytes).unwrap_err().dyn_into().unwrap();
        let msg = String::from(err.message());
        assert!(msg.contains("bad model file") && msg.contains(says), "{msg}");
    }
    let after = dateline_wasm::annotate("Angela Merkel visited Paris.", JsValue::UNDEFINED).unwrap();
    assert_eq!(js_sys::JSON::stringify(&before).unwrap(), js_sys::JSON::stringify(&after).unwrap());
}

#[wasm_bindgen_test]
fn a_model_file_can_be_loaded_and_dropped() {
    let bytes = include_bytes!("../../models/ner.bin");
    let meta = dateline_wasm::load_model(bytes).unwrap();
    assert_eq!(get(&meta, "kind").as_string().as_deref(), Some("ner"));
    let r = dateline_wasm::annotate("Angela Merkel visited Paris.", JsValue::UNDEFINED).unwrap();
    let entities: Array = get(&r, "entities").dyn_into().unwrap();
    assert!(entities.length() >= 2);
    dateline_wasm::use_builtin_model();
}
