//! The `numcheck extract` command as a user or a script sees it: the JSON
//! contract, standard input, and bad input (exit status 2, one line on stderr
//! per problem, the other files still processed, never a panic).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value as Json;

const BIN: &str = env!("CARGO_BIN_EXE_numcheck");
const KIRBY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/kirby-briefing.txt");

/// Text with digits, a curly quote and a multi-byte character before the
/// figures, so byte offsets and character columns differ.
const SAMPLE: &str = "Caf\u{e9} \u{201c}news\u{201d}: 3,000 soldiers arrived, and 12 more.\n\
                      On the second line, 1500 people and 7 days.\n";

fn numcheck(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the numcheck binary runs");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin is piped")
            .write_all(input)
            .expect("write to numcheck's stdin");
    }
    child.wait_with_output().expect("numcheck finishes")
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json_of(out: &Output) -> Json {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stdout),
            stderr_of(out)
        )
    })
}

fn assert_no_panic(out: &Output) {
    let err = stderr_of(out);
    assert!(!err.contains("panicked"), "numcheck panicked:\n{err}");
}

/// A scratch directory for one test, removed when the test ends.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("numcheck-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    Scratch(dir)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write scratch file");
    p.to_str().expect("utf-8 temp path").to_string()
}

/// Checks one file object of the contract against the bytes it was read from.
fn check_file(file: &Json, path: &str, input: &str) {
    assert_eq!(file["path"], path, "file path");
    let quantities = file["quantities"]
        .as_array()
        .unwrap_or_else(|| panic!("{path}: quantities is not an array: {file}"));
    let chars: Vec<(usize, char)> = input.char_indices().collect();
    for q in quantities {
        for key in [
            "span", "number", "kind", "value", "low", "high", "approx", "unit", "per",
        ] {
            assert!(q.get(key).is_some(), "{path}: quantity lacks {key}: {q}");
        }
        let span = &q["span"];
        let start = span["start"].as_u64().expect("span.start") as usize;
        let end = span["end"].as_u64().expect("span.end") as usize;
        assert!(start <= end && end <= input.len(), "span out of range: {q}");
        assert_eq!(
            span["text"].as_str().expect("span.text"),
            &input[start..end],
            "span.text is not the input bytes start..end"
        );
        // line and column are 1-based; column counts characters.
        let before = &input[..start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = input[line_start..start].chars().count() + 1;
        assert_eq!(span["line"].as_u64(), Some(line as u64), "span.line: {q}");
        assert_eq!(
            span["column"].as_u64(),
            Some(column as u64),
            "span.column: {q}"
        );
        assert!(chars.iter().any(|&(i, _)| i == start) || start == input.len());

        let number = &q["number"];
        let ns = number["start"].as_u64().expect("number.start") as usize;
        let ne = number["end"].as_u64().expect("number.end") as usize;
        assert!(
            start <= ns && ns <= ne && ne <= end,
            "number outside span: {q}"
        );
        assert_eq!(number["text"].as_str(), Some(&input[ns..ne]), "number.text");

        let kind = q["kind"].as_str().expect("kind is a string");
        assert!(
            [
                "count", "money", "percent", "measure", "duration", "date", "time", "number",
                "ordinal"
            ]
            .contains(&kind),
            "unknown kind {kind}"
        );
        let approx = q["approx"].as_str().expect("approx is a string");
        assert!(
            [
                "exact",
                "about",
                "at-least",
                "more-than",
                "at-most",
                "less-than",
                "range",
                "vague"
            ]
            .contains(&approx),
            "unknown approx {approx}"
        );
        for key in ["value", "low", "high", "unit", "per"] {
            assert!(
                q[key].is_string() || q[key].is_null(),
                "{key} must be a string or null: {q}"
            );
        }
        if kind != "date" && kind != "time" {
            for key in ["value", "low", "high"] {
                if let Some(v) = q[key].as_str() {
                    let plain = v.strip_prefix('-').unwrap_or(v);
                    assert!(
                        !plain.is_empty()
                            && plain.chars().all(|c| c.is_ascii_digit() || c == '.')
                            && plain.matches('.').count() <= 1,
                        "{key} is not a plain decimal string: {v:?}"
                    );
                }
            }
        }
        if approx == "exact" && kind != "date" {
            assert_eq!(q["low"], q["value"], "exact low must equal value: {q}");
            assert_eq!(q["high"], q["value"], "exact high must equal value: {q}");
        }
        if let Some(unit) = q["unit"].as_str() {
            assert_eq!(unit, unit.to_lowercase(), "unit must be lower case");
        }
    }
}

#[test]
fn json_document_shape_and_file_order() {
    let dir = scratch("order");
    let a = write(&dir, "a.txt", SAMPLE.as_bytes());
    let b = write(&dir, "b.txt", b"Nothing numeric here.\n");
    let out = numcheck(&["extract", "--format", "json", &b, KIRBY, &a], None);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr_of(&out));
    let doc = json_of(&out);
    assert_eq!(doc["version"], 1);
    let files = doc["files"].as_array().expect("files is an array");
    assert_eq!(files.len(), 3, "one entry per path, in order");
    check_file(&files[0], &b, "Nothing numeric here.\n");
    let kirby = std::fs::read_to_string(KIRBY).expect("read the Kirby briefing");
    check_file(&files[1], KIRBY, &kirby);
    check_file(&files[2], &a, SAMPLE);
    // Not a claim about the grammar: the stub finds digits, so there is
    // something to check the span arithmetic on.
    assert!(
        !files[2]["quantities"].as_array().unwrap().is_empty(),
        "the sample has quantities"
    );
}

#[test]
fn stdin_is_read_for_dash() {
    let out = numcheck(
        &["extract", "--format", "json", "-"],
        Some(SAMPLE.as_bytes()),
    );
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr_of(&out));
    let doc = json_of(&out);
    let files = doc["files"].as_array().expect("files");
    assert_eq!(files.len(), 1);
    check_file(&files[0], "-", SAMPLE);
}

#[test]
fn same_result_from_stdin_and_file() {
    let from_file = numcheck(&["extract", "--format", "json", KIRBY], None);
    let kirby = std::fs::read(KIRBY).expect("read the Kirby briefing");
    let from_stdin = numcheck(&["extract", "--format", "json", "-"], Some(&kirby));
    let mut a = json_of(&from_file);
    let mut b = json_of(&from_stdin);
    a["files"][0]["path"] = Json::Null;
    b["files"][0]["path"] = Json::Null;
    assert_eq!(a, b);
}

#[test]
fn pretty_is_the_default_format() {
    let out = numcheck(&["extract", KIRBY], None);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr_of(&out));
    let text = String::from_utf8(out.stdout).expect("utf-8 output");
    assert!(
        text.starts_with(KIRBY),
        "pretty output names the file first"
    );
    assert!(serde_json::from_str::<Json>(&text).is_err(), "not JSON");
}

#[test]
fn date_option_is_accepted() {
    let out = numcheck(
        &["extract", "--format", "json", "--date", "2024-10-23", KIRBY],
        None,
    );
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr_of(&out));
    let kirby = std::fs::read_to_string(KIRBY).unwrap();
    check_file(&json_of(&out)["files"][0], KIRBY, &kirby);
}

/// Runs `extract --format json good BAD good` and checks the contract for
/// one bad input: exit 2, one stderr line naming the path and the problem,
/// both good files still in the output, no panic.
fn bad_input(bad: &str, problem: &[&str]) {
    let dir = scratch(&format!(
        "bad-{}",
        bad.rsplit('/').next().unwrap_or("x").replace('.', "-")
    ));
    let good = write(&dir, "good.txt", SAMPLE.as_bytes());
    let out = numcheck(&["extract", "--format", "json", &good, bad, KIRBY], None);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2), "exit status for {bad}");
    let err = stderr_of(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "one line on stderr for {bad}: {err:?}");
    assert!(
        lines[0].contains(bad),
        "stderr names the path {bad}: {err:?}"
    );
    let lower = lines[0].to_lowercase();
    assert!(
        problem.iter().any(|p| lower.contains(p)),
        "stderr names the problem (one of {problem:?}): {err:?}"
    );
    let doc = json_of(&out);
    let files = doc["files"].as_array().expect("files");
    let paths: Vec<&str> = files.iter().filter_map(|f| f["path"].as_str()).collect();
    assert!(paths.contains(&good.as_str()), "{good} still processed");
    assert!(paths.contains(&KIRBY), "the Kirby briefing still processed");
    assert!(!paths.contains(&bad), "no entry for the bad path {bad}");
    for f in files {
        if f["path"] == good.as_str() {
            check_file(f, &good, SAMPLE);
        }
    }
}

#[test]
fn missing_file() {
    let dir = scratch("missing");
    let path = dir.join("does-not-exist.txt");
    bad_input(path.to_str().unwrap(), &["no such file", "not found"]);
}

#[test]
fn directory_with_nothing_to_check() {
    let dir = scratch("a-directory");
    bad_input(dir.to_str().unwrap(), &["directory"]);
}

#[test]
fn invalid_utf8() {
    let dir = scratch("utf8");
    let path = write(&dir, "latin1.txt", b"Caf\xe9 costs 3 euros\n\xff\xfe");
    bad_input(&path, &["utf-8", "utf8"]);
}

#[test]
fn invalid_utf8_on_stdin() {
    let out = numcheck(
        &["extract", "--format", "json", "-", KIRBY],
        Some(b"12 \xff soldiers"),
    );
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(
        err.contains('-') && err.to_lowercase().contains("utf-8"),
        "{err:?}"
    );
    assert_eq!(json_of(&out)["files"][0]["path"], KIRBY);
}

#[test]
fn bad_date() {
    for date in ["2024-02-30", "yesterday", "2024-1-3", "20241023", ""] {
        let out = numcheck(
            &["extract", "--format", "json", "--date", date, KIRBY],
            None,
        );
        assert_no_panic(&out);
        assert_eq!(
            out.status.code(),
            Some(2),
            "exit status for --date {date:?}"
        );
        let err = stderr_of(&out);
        assert_eq!(
            err.lines().count(),
            1,
            "one line for --date {date:?}: {err:?}"
        );
        assert!(
            err.contains("date"),
            "stderr names the problem for --date {date:?}: {err:?}"
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["extract"][..],
        &["extract", "--format", "xml", KIRBY][..],
        &["no-such-command"][..],
        &[][..],
    ] {
        let out = numcheck(args, None);
        assert_no_panic(&out);
        assert_eq!(out.status.code(), Some(2), "exit status for {args:?}");
    }
}

#[test]
fn every_bad_input_at_once() {
    let dir = scratch("all-bad");
    let bad_utf8 = write(&dir, "bad.txt", b"\xc3\x28");
    let missing = dir.join("missing.txt").to_str().unwrap().to_string();
    let folder = dir.to_str().unwrap().to_string();
    let out = numcheck(
        &[
            "extract", "--format", "json", &missing, &bad_utf8, &folder, KIRBY,
        ],
        None,
    );
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    // The folder holds bad.txt, already named: one line per bad file.
    assert_eq!(err.lines().count(), 2, "one line per bad file: {err:?}");
    let doc = json_of(&out);
    assert_eq!(doc["files"].as_array().map(Vec::len), Some(1));
    assert_eq!(doc["files"][0]["path"], KIRBY);
}

#[test]
fn pretty_output_survives_bad_input() {
    let dir = scratch("pretty-bad");
    let missing = dir.join("missing.txt").to_str().unwrap().to_string();
    let out = numcheck(&["extract", &missing, KIRBY], None);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains(KIRBY));
}

#[test]
fn empty_input() {
    let out = numcheck(&["extract", "--format", "json", "-"], Some(b""));
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(0));
    let doc = json_of(&out);
    assert_eq!(doc["files"][0]["quantities"], Json::Array(vec![]));
}
