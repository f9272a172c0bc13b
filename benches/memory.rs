//! Peak heap memory and time of `annotate` on 1 MB and 10 MB of news, and on pathological
//! inputs, to show both stay linear: `cargo bench --bench memory`.

mod common;

use dateline::{annotate, NaiveDate, Options};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

/// Counts live and peak heap bytes.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            let now = LIVE.fetch_add(l.size(), Relaxed) + l.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        LIVE.fetch_sub(l.size(), Relaxed);
    }
}

#[global_allocator]
static A: Counting = Counting;

fn measure(name: &str, text: &str) {
    let opts = Options { reference_date: NaiveDate::from_ymd_opt(1987, 3, 1), ..Default::default() };
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let t = Instant::now();
    let doc = annotate(text, &opts).unwrap();
    let secs = t.elapsed().as_secs_f64();
    let peak = PEAK.load(Relaxed) - before;
    let tokens = doc.tokens.len();
    drop(doc);
    println!(
        "{name:<28} {:>8.2} MB in {:>7.3} s  {:>10.0} tokens/s  peak heap {:>7.1} MB ({:.1}x input)",
        text.len() as f64 / 1e6,
        secs,
        tokens as f64 / secs,
        peak as f64 / 1e6,
        peak as f64 / text.len() as f64
    );
}

fn main() {
    // Warm up: the built-in model is parsed once, outside the measurements.
    let _ = annotate("warm up", &Options::default());
    let one = common::news(1 << 20);
    let ten = common::news(10 << 20);
    measure("1 MB news", &one);
    measure("10 MB news", &ten);
    measure("10 MB without newlines", &ten.replace('\n', " "));
    measure("1M x 'Jan. '", &"Jan. ".repeat(1_000_000));
    measure("1 MB digits", &"0123456789".repeat(100_000));
    measure("1 MB capitalized words", &"Washington ".repeat(95_000));
}
