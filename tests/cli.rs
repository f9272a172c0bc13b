//! The `dateline` command as users run it.

mod common;

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn dateline(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Write from another thread: the child streams output while it reads, so a large input
    // written first would fill both pipes and deadlock.
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stdout_json(out: &Output) -> Value {
    assert!(out.status.success(), "failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every entity's code-point offsets select its text from the input.
fn check_entities(input: &str, result: &Value) -> usize {
    let chars: Vec<char> = input.chars().collect();
    let ents = result["entities"].as_array().unwrap();
    let mut last_end = 0;
    for e in ents {
        let (s, t) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
        assert!(s >= last_end && s < t, "unsorted or empty: {e}");
        last_end = t;
        assert_eq!(chars[s..t].iter().collect::<String>(), e["text"].as_str().unwrap());
        assert!(dateline::Label::parse(e["label"].as_str().unwrap()).is_some(), "label {e}");
        if let Some(timex) = e.get("timex") {
            assert!(["DATE", "TIME", "DURATION", "SET"].contains(&timex["type"].as_str().unwrap()));
            assert!(!timex["value"].as_str().unwrap().is_empty());
        }
    }
    ents.len()
}

#[test]
fn annotate_the_sample_article_from_a_file_and_stdin() {
    let path = common::shared("samples/biden-putin-call.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let from_file = stdout_json(&dateline(&["annotate", "--reference-date", "2021-12-30", path.to_str().unwrap()], b""));
    assert!(check_entities(&text, &from_file) >= 20);
    assert_eq!(from_file["reference_date"]["date"], "2021-12-30");
    let from_stdin = stdout_json(&dateline(&["annotate", "--reference-date", "2021-12-30"], text.as_bytes()));
    assert_eq!(from_file, from_stdin);
}

#[test]
fn annotate_keeps_code_point_offsets_with_emoji_and_crlf() {
    let text = "👍🏽 Angela Merkel met\r\nJoe Biden in Paris 🇫🇷 on Friday.\r\n\r\n𝔘𝔖 Emmanuel Macron spoke.";
    let out = stdout_json(&dateline(&["annotate"], text.as_bytes()));
    assert!(check_entities(text, &out) >= 3);
}

#[test]
fn html_output_escapes_the_text() {
    let text = "<script>alert(1)</script> Joe Biden & <b>Putin</b>";
    let out = dateline(&["annotate", "--format", "html"], text.as_bytes());
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script"));
    assert!(html.contains("<mark data-label="));
}

#[test]
fn batch_mode_reports_bad_lines_and_keeps_order() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"Joe Biden spoke in Paris.\"}\n",
        "this is not json\n",
        "{\"id\": \"c\", \"text\": \"Putin met Macron.\", \"reference_date\": \"1987-02-30\"}\n",
        "\n",
        "{\"id\": 4, \"text\": \"Angela Merkel left Berlin.\", \"reference_date\": \"1987-02-26\"}\n",
    );
    let out = dateline(&["annotate", "--format", "jsonl"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1), "some lines failed, so exit code 1");
    let lines: Vec<Value> = out.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()).map(|l| serde_json::from_slice(l).unwrap()).collect();
    assert_eq!(lines.len(), 4, "one result per non-blank input line");
    assert_eq!(lines[0]["id"], "a");
    assert!(lines[0]["entities"].as_array().unwrap().len() >= 2);
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().unwrap().contains("not a JSON object"));
    assert_eq!(lines[2]["id"], "c");
    assert!(lines[2]["error"].as_str().unwrap().contains("1987-02-30"));
    assert_eq!(lines[3]["id"], 4);
    assert_eq!(lines[3]["reference_date"]["date"], "1987-02-26");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("line 2:") && err.contains("line 3:") && err.contains("2 line(s) failed"), "{err}");
}

#[test]
fn errors_are_clear_with_exit_code_2() {
    let out = dateline(&["annotate", "--reference-date", "30/12/2021"], b"x");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));

    let out = dateline(&["annotate", "/no/such/file.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /no/such/file.txt"));

    let out = dateline(&["annotate"], b"fine line\nbad \xff byte");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not valid UTF-8") && err.contains("byte offset 14") && err.contains("line 2"), "{err}");
}

#[test]
fn empty_input_is_an_empty_document() {
    let out = stdout_json(&dateline(&["annotate"], b""));
    assert_eq!(out["entities"].as_array().unwrap().len(), 0);
}

#[test]
fn tag_conll_adds_one_iob2_column_to_every_line() {
    let path = common::shared("data/conll2003/dev.txt");
    let out = dateline(&["tag-conll", path.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let input = std::fs::read_to_string(&path).unwrap();
    let output = String::from_utf8(out.stdout).unwrap();
    let inl: Vec<&str> = input.lines().filter(|l| !l.trim().is_empty()).collect();
    let outl: Vec<&str> = output.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(inl.len(), outl.len());
    let mut prev = "O".to_owned();
    let mut entities = 0;
    for (i, o) in inl.iter().zip(&outl) {
        let (head, tag) = o.rsplit_once(' ').unwrap();
        assert_eq!(head, *i);
        let ok = tag == "O" || ["B-", "I-"].iter().any(|p| tag.strip_prefix(p).is_some_and(|t| ["PER", "ORG", "LOC", "MISC"].contains(&t)));
        assert!(ok, "bad tag {tag}");
        if let Some(t) = tag.strip_prefix("I-") {
            assert!(prev.ends_with(t) && prev != "O", "I- tag without a B-: {o}");
        }
        entities += tag.starts_with("B-") as usize;
        prev = tag.to_owned();
    }
    assert!(entities > 3000, "only {entities} entities tagged on dev");
}

#[test]
fn a_truncated_or_corrupted_model_is_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("dateline-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dateline::model::write(&[("meta", b"{}")]);
    let cases: [(&str, Vec<u8>, &str); 3] = [
        ("truncated.bin", good[..10].to_vec(), "truncated"),
        ("corrupt.bin", { let mut b = good.clone(); let n = b.len() - 1; b[n] ^= 1; b }, "checksum"),
        ("text.bin", b"hello, not a model".to_vec(), "magic"),
    ];
    for (name, bytes, says) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        for args in [vec!["annotate", "--model", path.to_str().unwrap()], vec!["tag-conll", "--model", path.to_str().unwrap(), "-"]] {
            let out = dateline(&args, b"Joe Biden");
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains("bad model file") && err.contains(says) && err.contains(name), "{err}");
        }
    }
}

#[test]
fn batch_mode_on_several_threads_keeps_input_order() {
    let input: String = (0..3000).map(|i| format!("{{\"id\": {i}, \"text\": \"Story {i}: Joe Biden met Putin in Geneva.\"}}\n")).collect();
    let out = dateline(&["annotate", "--format", "jsonl", "--jobs", "2"], input.as_bytes());
    assert!(out.status.success());
    let ids: Vec<u64> = out.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()).map(|l| serde_json::from_slice::<Value>(l).unwrap()["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, (0..3000).collect::<Vec<u64>>());
}

#[test]
fn date_order_reads_numeric_dates() {
    let value = |args: &[&str], text: &str| {
        let mut all = vec!["annotate", "--reference-date", "2025-06-02"];
        all.extend_from_slice(args);
        let doc = stdout_json(&dateline(&all, text.as_bytes()));
        doc["entities"].as_array().unwrap().iter().find(|e| e["text"] == "03/04/2025").map(|e| e["timex"]["value"].as_str().unwrap().to_owned())
    };
    assert_eq!(value(&[], "Filed 03/04/2025.").as_deref(), Some("2025-03-04"));
    assert_eq!(value(&["--date-order", "day-first"], "Filed 03/04/2025.").as_deref(), Some("2025-04-03"));
    assert_eq!(value(&[], "Filed 25/12/2024, amended 03/04/2025.").as_deref(), Some("2025-04-03"));
    assert_eq!(value(&["--date-order", "month-first"], "Filed 25/12/2024, amended 03/04/2025.").as_deref(), Some("2025-03-04"));
    // The batch's lines are read the same way.
    let out = dateline(&["annotate", "--format", "jsonl", "--date-order", "day-first"], b"{\"id\":1,\"text\":\"Filed 03/04/2025.\",\"reference_date\":\"2025-06-02\"}\n");
    assert!(String::from_utf8_lossy(&out.stdout).contains("2025-04-03"));
    let out = dateline(&["annotate", "--date-order", "sideways"], b"x");
    assert_eq!(out.status.code(), Some(2));
}

/// Without --reference-date, a dateline without a year takes the reader's date's year
/// (`--today`, by default the system's date); `--today none` anchors nothing relative.
#[test]
fn the_readers_date_completes_a_dateline_without_a_year() {
    let text = b"LONDON, Nov. 27 - Shares of the firm fell on Thursday.";
    let out = stdout_json(&dateline(&["annotate", "--today", "2026-11-29"], text));
    assert_eq!(out["reference_date"]["date"], "2026-11-27");
    assert_eq!(out["reference_date"]["source"], "proposed-year");
    let thursday = out["entities"].as_array().unwrap().iter().find(|e| e["text"] == "Thursday").unwrap();
    assert_eq!(thursday["timex"]["value"], "2026-11-26");
    let none = stdout_json(&dateline(&["annotate", "--today", "none"], text));
    assert!(none["reference_date"].is_null(), "{none}");
    // The default is the system's date: some year is proposed.
    let default = stdout_json(&dateline(&["annotate"], text));
    assert_eq!(default["reference_date"]["source"], "proposed-year");
    let bad = dateline(&["annotate", "--today", "yesterday"], text);
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("YYYY-MM-DD"));
}
