//! Streamed output as a pipeline sees it: `--format jsonl` gives the same
//! per-file objects as `--format json`, one per line, in the same order;
//! `--stdin-jsonl` reads one document per line and answers each on its line;
//! a bad line is named on stderr (`<stdin>:LINE: ...`), the others still run,
//! and the status is 2.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value as Json;

const BIN: &str = env!("CARGO_BIN_EXE_numcheck");
const KIRBY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/kirby-briefing.txt");
const FACTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/kirby-facts.txt");

const STORM: &str = "A storm killed 12 people on Monday, officials said.\n\n\
                     The storm killed 14 people, the mayor said. About 3,000 homes lost power.\n";
const DRAFT: &str = "# Budget\n\nThe council approved $3bn, up 20% from $2bn last year.\n";

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
        let mut pipe = child.stdin.take().expect("stdin is piped");
        let input = input.to_vec();
        // Written from another thread, so a full stdout pipe cannot block us.
        std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
    }
    child.wait_with_output().expect("numcheck finishes")
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout_of(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

/// A scratch folder with a few drafts.
fn drafts(name: &str) -> (PathBuf, Vec<String>) {
    let dir = std::env::temp_dir().join(format!("numcheck-stream-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let mut paths = Vec::new();
    for (file, text) in [("storm.txt", STORM), ("budget.md", DRAFT)] {
        let path = dir.join(file);
        std::fs::write(&path, text).expect("write draft");
        paths.push(path.display().to_string());
    }
    (dir, paths)
}

fn lines_as_json(out: &Output) -> Vec<Json> {
    stdout_of(out)
        .lines()
        .map(|line| {
            assert!(!line.trim().is_empty(), "no blank lines in jsonl");
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"))
        })
        .collect()
}

/// `--format json`'s `files` are the `--format jsonl` lines, in order, for
/// `check` and `extract`, over several files including the bundled example.
#[test]
fn json_files_are_the_jsonl_lines() {
    let (dir, paths) = drafts("same");
    let mut args: Vec<&str> = vec![KIRBY, FACTS];
    args.extend(paths.iter().map(String::as_str));
    let dir_arg = dir.display().to_string();
    args.push(&dir_arg);
    for command in ["check", "extract"] {
        let run = |format: &str| {
            let mut a = vec![command, "--format", format];
            a.extend(&args);
            numcheck(&a, None)
        };
        let json = run("json");
        let jsonl = run("jsonl");
        assert_eq!(json.status.code(), jsonl.status.code(), "{command}");
        assert_eq!(stderr_of(&json), stderr_of(&jsonl), "{command}");
        let doc: Json = serde_json::from_slice(&json.stdout).expect("json is JSON");
        assert_eq!(doc["version"], 1);
        let files = doc["files"].as_array().expect("files").clone();
        let lines = lines_as_json(&jsonl);
        // The folder repeats two files already named: each is read once.
        assert_eq!(files.len(), 4, "{command}: {doc}");
        assert_eq!(files, lines, "{command}");
        assert_eq!(lines[0]["path"], KIRBY);
        // One line per file, each compact.
        assert_eq!(stdout_of(&jsonl).lines().count(), 4);
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// The JSON document streamed file by file is the one the library renders
/// whole (the snapshot's bytes), for `check` and `extract`.
#[test]
fn streamed_json_is_the_whole_document() {
    use numcheck::report::{Document, check_json, extract_json};
    let text = std::fs::read_to_string(KIRBY).expect("example");
    let doc = Document {
        path: KIRBY,
        text: &text,
    };
    let book = numcheck::Rulebook::builtin().expect("rules");
    let found = numcheck::check(&text, &numcheck::CheckOptions::default(), &book);
    let whole = check_json::document(vec![
        check_json::file(doc, &found),
        check_json::file(doc, &found),
    ]);
    let mut expected = serde_json::to_string_pretty(&whole).expect("renders");
    expected.push('\n');
    let mut stream = numcheck::report::JsonStream::new(Vec::new());
    stream.file(&check_json::file(doc, &found)).expect("writes");
    stream.file(&check_json::file(doc, &found)).expect("writes");
    let streamed = String::from_utf8(stream.finish().expect("closes")).expect("UTF-8");
    assert_eq!(streamed, expected);

    let quantities = numcheck::extract(&text, &numcheck::Options::default());
    let whole = extract_json::document(vec![extract_json::file(doc, &quantities)]);
    let mut expected = serde_json::to_string_pretty(&whole).expect("renders");
    expected.push('\n');
    let mut stream = numcheck::report::JsonStream::new(Vec::new());
    stream
        .file(&extract_json::file(doc, &quantities))
        .expect("writes");
    let streamed = String::from_utf8(stream.finish().expect("closes")).expect("UTF-8");
    assert_eq!(streamed, expected);

    // No files: the same empty document.
    let none: Vec<extract_json::FileResult<'_>> = Vec::new();
    let mut expected = serde_json::to_string_pretty(&extract_json::document(none)).expect("ok");
    expected.push('\n');
    let stream = numcheck::report::JsonStream::new(Vec::new());
    let streamed = String::from_utf8(stream.finish().expect("closes")).expect("UTF-8");
    assert_eq!(streamed, expected);
}

/// The streamed SARIF log is the one the library renders whole.
#[test]
fn streamed_sarif_is_the_whole_log() {
    use numcheck::report::{CheckedFile, Document, check_sarif, in_position_order};
    let text = std::fs::read_to_string(KIRBY).expect("example");
    let book = numcheck::Rulebook::builtin().expect("rules");
    let found = numcheck::check(&text, &numcheck::CheckOptions::default(), &book);
    let files = [
        CheckedFile {
            doc: Document {
                path: "a.txt",
                text: &text,
            },
            diagnostics: &found,
        },
        CheckedFile {
            doc: Document {
                path: "b.txt",
                text: STORM,
            },
            diagnostics: &[],
        },
    ];
    for n in [0, 1, 2] {
        let mut expected =
            serde_json::to_string_pretty(&check_sarif::log(&files[..n], &book)).expect("renders");
        expected.push('\n');
        let mut stream = check_sarif::SarifStream::new(Vec::new(), &book);
        for f in &files[..n] {
            stream
                .file(f.doc, &in_position_order(f.diagnostics))
                .expect("writes");
        }
        let streamed = String::from_utf8(stream.finish().expect("closes")).expect("UTF-8");
        assert_eq!(streamed, expected, "{n} files");
    }
}

fn stdin_line(path: &str, text: &str, date: Option<&str>) -> String {
    let mut o = serde_json::json!({"path": path, "text": text});
    if let Some(d) = date {
        o["date"] = Json::from(d);
    }
    format!("{o}\n")
}

/// `--stdin-jsonl` answers each line as a file with that path and text would
/// be answered, with `date` as the document's date.
#[test]
fn stdin_jsonl_answers_like_files() {
    let (dir, paths) = drafts("stdin");
    let kirby = std::fs::read_to_string(KIRBY).expect("example");
    let mut input = stdin_line(KIRBY, &kirby, None);
    input.push_str(&stdin_line(&paths[0], STORM, Some("2024-10-23")));
    input.push('\n'); // a blank line is skipped
    input.push_str(&stdin_line(&paths[1], DRAFT, None));
    for command in ["check", "extract"] {
        let out = numcheck(&[command, "--stdin-jsonl"], Some(input.as_bytes()));
        assert_eq!(stderr_of(&out), "", "{command}");
        let lines = lines_as_json(&out);
        assert_eq!(lines.len(), 3, "{command}");
        let from_files = [
            numcheck(&[command, "--format", "jsonl", KIRBY], None),
            numcheck(
                &[
                    command,
                    "--format",
                    "jsonl",
                    "--date",
                    "2024-10-23",
                    &paths[0],
                ],
                None,
            ),
            numcheck(&[command, "--format", "jsonl", &paths[1]], None),
        ];
        for (line, file) in lines.iter().zip(&from_files) {
            assert_eq!(vec![line.clone()], lines_as_json(file), "{command}");
        }
        // The same exit status as checking the files.
        if command == "check" {
            let all = numcheck(&["check", "--format", "jsonl", KIRBY], None);
            assert_eq!(out.status.code(), all.status.code());
        } else {
            assert_eq!(out.status.code(), Some(0));
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// A bad line gets one line on stderr naming it; the lines after it still
/// run; the status is 2; nothing panics.
#[test]
fn stdin_jsonl_bad_lines_are_named_and_skipped() {
    let good = stdin_line("good.txt", STORM, None);
    let mut input = Vec::new();
    input.extend_from_slice(good.as_bytes()); // 1
    input.extend_from_slice(b"not json\n"); // 2
    input.extend_from_slice(b"{\"path\": \"x.txt\"}\n"); // 3: no text
    input.extend_from_slice(stdin_line("d.txt", STORM, Some("2024-13-45")).as_bytes()); // 4
    input.extend_from_slice(b"{\"path\": \"y.txt\", \"text\": \"caf\xe9\"}\n"); // 5: not UTF-8
    input.extend_from_slice(b"[1, 2]\n"); // 6
    input.extend_from_slice(good.as_bytes()); // 7, no final newline below
    input.extend_from_slice(stdin_line("last.txt", DRAFT, None).trim_end().as_bytes()); // 8
    let out = numcheck(&["extract", "--stdin-jsonl"], Some(&input));
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(!err.contains("panicked"), "{err}");
    let err_lines: Vec<&str> = err.lines().collect();
    assert_eq!(err_lines.len(), 5, "{err}");
    for (line, n) in err_lines.iter().zip([2, 3, 4, 5, 6]) {
        assert!(
            line.starts_with(&format!("numcheck: <stdin>:{n}: ")),
            "{line}"
        );
    }
    assert!(err_lines[1].contains("text"), "{err}");
    assert!(err_lines[2].contains("2024-13-45"), "{err}");
    assert!(err_lines[3].contains("UTF-8"), "{err}");
    let paths: Vec<Json> = lines_as_json(&out)
        .into_iter()
        .map(|o| o["path"].clone())
        .collect();
    assert_eq!(paths, ["good.txt", "good.txt", "last.txt"]);
}

/// `--stdin-jsonl` writes one line per document: another format is a usage
/// error, and so are paths beside it.
#[test]
fn stdin_jsonl_is_jsonl_only() {
    let input = stdin_line("a.txt", STORM, None);
    let out = numcheck(
        &["check", "--stdin-jsonl", "--format", "json"],
        Some(input.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("--format jsonl"),
        "{}",
        stderr_of(&out)
    );
    assert!(out.stdout.is_empty());
    let out = numcheck(&["extract", "--stdin-jsonl", KIRBY], Some(input.as_bytes()));
    assert_eq!(out.status.code(), Some(2));
    let out = numcheck(
        &["check", "--stdin-jsonl", "--format", "jsonl"],
        Some(input.as_bytes()),
    );
    assert_eq!(lines_as_json(&out).len(), 1);
}

/// `-` reads standard input as one document, in `jsonl` too.
#[test]
fn dash_reads_one_document_from_stdin() {
    let out = numcheck(&["check", "--format", "jsonl", "-"], Some(STORM.as_bytes()));
    let lines = lines_as_json(&out);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["path"], "-");
    let (dir, paths) = drafts("dash");
    let file = numcheck(&["check", "--format", "jsonl", &paths[0]], None);
    let from_file = lines_as_json(&file);
    assert_eq!(lines[0]["diagnostics"], from_file[0]["diagnostics"]);
    let _ = std::fs::remove_dir_all(dir);
}
