//! Markdown, HTML and folders as `numcheck check` and `extract` read them:
//! figures in code, link targets, comments and scripts are not read; spans,
//! lines and columns point into the original file; the document's own date
//! comes from front matter or a `<meta>` tag; folders are walked honouring
//! .gitignore and the default extensions, in a stable order; and snapshots of
//! what a user sees for the same short article in Markdown and in HTML.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value as Json;

const BIN: &str = env!("CARGO_BIN_EXE_numcheck");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const STORM_MD: &str = "tests/fixtures/sources/storm.md";
const STORM_HTML: &str = "tests/fixtures/sources/storm.html";

/// Runs numcheck from the repository root, so paths in its output are the
/// relative paths given.
fn numcheck(args: &[&str]) -> Output {
    Command::new(BIN)
        .current_dir(ROOT)
        .args(args)
        .output()
        .expect("the numcheck binary runs")
}

fn stdout_of(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
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

fn fixture(path: &str) -> String {
    std::fs::read_to_string(Path::new(ROOT).join(path)).expect("fixture reads")
}

/// A scratch folder for one test, removed when the test ends.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("numcheck-sources-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    Scratch(dir)
}

fn write(dir: &Path, name: &str, contents: &[u8]) -> String {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create scratch subfolder");
    }
    std::fs::write(&path, contents).expect("write scratch file");
    path.to_str().expect("UTF-8 temp path").to_string()
}

/// Asserts that a JSON span is exactly `text[start..end]`, with the 1-based
/// line and the character column of `start` in `text`.
fn assert_span_in(span: &Json, text: &str) {
    let start = span["start"].as_u64().expect("span.start") as usize;
    let end = span["end"].as_u64().expect("span.end") as usize;
    let got = text.get(start..end).expect("span on char boundaries");
    assert_eq!(span["text"].as_str(), Some(got), "span.text: {span}");
    let before = &text[..start];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..start].chars().count() + 1;
    assert_eq!(span["line"].as_u64(), Some(line as u64), "line: {span}");
    assert_eq!(
        span["column"].as_u64(),
        Some(column as u64),
        "column: {span}"
    );
}

/// The byte ranges of `needle` in `text`.
fn ranges_of(text: &str, needle: &str) -> Vec<(usize, usize)> {
    text.match_indices(needle)
        .map(|(i, s)| (i, i + s.len()))
        .collect()
}

/// The byte ranges of the quantities `numcheck extract` finds in `path`.
fn extracted(path: &str, extra: &[&str]) -> Vec<(usize, usize, String)> {
    let mut args = vec!["extract", "--format", "json"];
    args.extend_from_slice(extra);
    args.push(path);
    let out = numcheck(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    json_of(&out)["files"][0]["quantities"]
        .as_array()
        .expect("quantities")
        .iter()
        .map(|q| {
            (
                q["span"]["start"].as_u64().expect("start") as usize,
                q["span"]["end"].as_u64().expect("end") as usize,
                q["span"]["text"].as_str().expect("text").to_string(),
            )
        })
        .collect()
}

/// Figures in non-prose parts of each fixture: each must be read when the
/// file is taken as plain text, and must not be read in its own format.
#[test]
fn figures_outside_the_prose_are_not_read() {
    let cases: &[(&str, &[&str])] = &[
        (
            STORM_MD,
            &[
                "2024-10-23",                   // front matter
                "2024/10/22/9500-homes",        // link target
                "Report 7,000",                 // link title
                "first draft said 9,500 homes", // HTML comment
                "2,000 damaged homes",          // image alt text
                "homes = 9_500",                // inline code
                "homes_destroyed = 9,500",      // code block
            ],
        ),
        (
            STORM_HTML,
            &[
                "2024-10-23T08:00:00Z",         // <meta> attribute
                "destroys 8,000 homes",         // <title>
                "9,500 homes\"); }",            // <script> in <head>
                "5,000 readers today",          // <nav>
                "2024/10/22/9500-homes",        // href
                "Report 7,000",                 // title attribute
                "first draft said 9,500 homes", // comment
                "2,000 damaged homes",          // alt attribute
                "document.write(\"9,500 homes", // <script> in the article
                "2024 Coast News, 12 Harbour",  // <footer>
            ],
        ),
    ];
    for (path, hidden) in cases {
        let text = fixture(path);
        let as_plain = extracted(path, &["--input-format", "plain"]);
        let as_source = extracted(path, &[]);
        assert!(
            as_source.iter().any(|q| q.2.contains("950 homes")),
            "{path}: the prose is read: {as_source:?}"
        );
        for needle in *hidden {
            let regions = ranges_of(&text, needle);
            assert!(!regions.is_empty(), "{path}: fixture holds {needle:?}");
            let inside = |qs: &[(usize, usize, String)]| {
                qs.iter()
                    .any(|q| regions.iter().any(|r| q.0 < r.1 && r.0 < q.1))
            };
            assert!(
                inside(&as_plain),
                "{path}: read as plain text, a figure in {needle:?} is found"
            );
            assert!(
                !inside(&as_source),
                "{path}: a figure in {needle:?} is read: {as_source:?}"
            );
        }
    }
}

/// The same wrong weekday, hidden in each kind of non-prose: reported when
/// the snippet is read as plain text, not in its own format.
#[test]
fn findings_in_code_links_comments_and_scripts_are_not_reported() {
    let dir = scratch("hidden");
    let wrong = "Friday, Oct. 17, 2024";
    let cases = [
        ("code-block.md", format!("Text.\n\n```\n{wrong}\n```\n")),
        ("indented-code.md", format!("Text.\n\n    {wrong}\n")),
        ("inline-code.md", format!("Text `{wrong}` here.\n")),
        (
            "link-title.md",
            format!("See [this](https://x.org \"{wrong}\").\n"),
        ),
        ("comment.md", format!("Text.\n\n<!-- {wrong} -->\n")),
        ("comment.html", format!("<p>Text.</p><!-- {wrong} -->")),
        (
            "script.html",
            format!("<p>Text.</p><script>// {wrong}\n</script>"),
        ),
        ("attribute.html", format!("<p title=\"{wrong}\">Text.</p>")),
    ];
    for (name, contents) in &cases {
        let path = write(&dir.0, name, contents.as_bytes());
        let rules = |extra: &[&str]| -> Vec<String> {
            let mut args = vec!["check", "--format", "json"];
            args.extend_from_slice(extra);
            args.push(&path);
            let out = numcheck(&args);
            json_of(&out)["files"][0]["diagnostics"]
                .as_array()
                .expect("diagnostics")
                .iter()
                .map(|d| d["rule"].as_str().expect("rule").to_string())
                .collect()
        };
        assert!(
            rules(&["--input-format", "plain"]).contains(&"weekday-mismatch".to_string()),
            "{name}: as plain text the wrong weekday is reported"
        );
        assert_eq!(rules(&[]), Vec::<String>::new(), "{name}");
    }
}

#[test]
fn spans_lines_and_columns_point_into_the_original_file() {
    for path in [STORM_MD, STORM_HTML] {
        let text = fixture(path);
        let out = numcheck(&["check", "--format", "json", path]);
        assert_eq!(out.status.code(), Some(1), "{path}: errors fail");
        let doc = json_of(&out);
        assert_eq!(doc["files"][0]["path"], path);
        let diags = doc["files"][0]["diagnostics"]
            .as_array()
            .expect("diagnostics");
        assert!(diags.len() >= 3, "{path}: {diags:?}");
        for d in diags {
            assert_span_in(&d["span"], &text);
            for r in d["related"].as_array().expect("related") {
                assert_span_in(&r["span"], &text);
            }
            for f in d["fixes"].as_array().into_iter().flatten() {
                assert_span_in(&f["span"], &text);
            }
        }
        // After a curly quote (Markdown) or an entity (HTML), the column
        // counts the characters of the original line.
        let increment = diags
            .iter()
            .find(|d| d["rule"] == "ambiguous-increment")
            .expect("the increment is flagged");
        assert_eq!(increment["span"]["text"], "an additional 600 people");
        let line = text
            .lines()
            .nth(increment["span"]["line"].as_u64().expect("line") as usize - 1)
            .expect("line exists");
        let col = line.find("an additional").expect("on the line");
        assert_eq!(
            increment["span"]["column"].as_u64(),
            Some(line[..col].chars().count() as u64 + 1)
        );
        let out = numcheck(&["extract", "--format", "json", path]);
        for q in json_of(&out)["files"][0]["quantities"]
            .as_array()
            .expect("quantities")
        {
            assert_span_in(&q["span"], &text);
        }
    }
}

#[test]
fn front_matter_and_meta_date_the_document() {
    for path in [STORM_MD, STORM_HTML] {
        let tuesday = |extra: &[&str]| {
            let mut args = vec!["extract", "--format", "json"];
            args.extend_from_slice(extra);
            args.push(path);
            let out = numcheck(&args);
            json_of(&out)["files"][0]["quantities"]
                .as_array()
                .expect("quantities")
                .iter()
                .find(|q| q["span"]["text"] == "Tuesday")
                .expect("Tuesday is read")["value"]
                .clone()
        };
        assert_eq!(tuesday(&[]), "2024-10-22", "{path}");
        assert_eq!(tuesday(&["--date", "2024-10-31"]), "2024-10-29", "{path}");
        let out = numcheck(&["check", "--format", "json", path]);
        let doc = json_of(&out);
        let rules: Vec<&Json> = doc["files"][0]["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| &d["rule"])
            .collect();
        assert!(
            !rules.iter().any(|r| **r == "relative-date"),
            "{path}: {rules:?}"
        );
    }
    // Read as plain text the <meta> date is not seen: "Tuesday" is unresolved.
    let out = numcheck(&[
        "check",
        "--format",
        "json",
        "--input-format",
        "plain",
        STORM_HTML,
    ]);
    assert!(
        json_of(&out)["files"][0]["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .any(|d| d["rule"] == "relative-date")
    );
}

#[test]
fn input_format_overrides_the_extension() {
    let dir = scratch("override");
    let body = "<p>It was <b>Friday, Oct. 17, 2024</b>.</p><!-- Friday, Oct. 17, 2024 -->\n";
    let path = write(&dir.0, "page.txt", body.as_bytes());
    let count = |extra: &[&str], input: Option<&str>| {
        let mut args = vec!["check", "--format", "json"];
        args.extend_from_slice(extra);
        args.push(input.unwrap_or(&path));
        let mut cmd = Command::new(BIN);
        cmd.args(&args);
        let out = if input == Some("-") {
            use std::io::Write;
            let mut child = cmd
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .spawn()
                .expect("runs");
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(body.as_bytes())
                .expect("write stdin");
            child.wait_with_output().expect("finishes")
        } else {
            cmd.output().expect("runs")
        };
        json_of(&out)["files"][0]["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["rule"] == "weekday-mismatch")
            .count()
    };
    // .txt is plain: both weekdays; as HTML the comment is not read.
    assert_eq!(count(&[], None), 2);
    assert_eq!(count(&["--input-format", "html"], None), 1);
    assert_eq!(count(&["--input-format", "auto"], None), 2);
    // Standard input is plain unless told otherwise.
    assert_eq!(count(&[], Some("-")), 2);
    assert_eq!(count(&["--input-format", "html"], Some("-")), 1);
    let out = numcheck(&["check", "--input-format", "docx", &path]);
    assert_eq!(out.status.code(), Some(2));
}

/// The paths of the files in a JSON report, in order.
fn paths_in(out: &Output) -> Vec<String> {
    json_of(out)["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["path"].as_str().expect("path").to_string())
        .collect()
}

#[test]
fn folders_are_walked_honouring_gitignore_and_extensions_in_a_stable_order() {
    let dir = scratch("walk");
    let root = dir.0.to_str().expect("UTF-8 temp path").to_string();
    let text = b"The storm destroyed 950 homes.\n";
    for name in [
        "b.md",
        "a.txt",
        "sub/z.markdown",
        "sub/c.html",
        "sub/deeper/d.htm",
        "Upper.MD",
        "notes.rst",
        "data.json",
        "drafts/ignored.md",
        "skip-me.md",
        ".hidden.md",
        ".hidden-dir/e.md",
    ] {
        write(&dir.0, name, text);
    }
    write(&dir.0, ".gitignore", b"drafts/\nskip-me.md\n");
    let expected: Vec<String> = [
        "Upper.MD",
        "a.txt",
        "b.md",
        "sub/c.html",
        "sub/deeper/d.htm",
        "sub/z.markdown",
    ]
    .iter()
    .map(|n| format!("{root}/{n}"))
    .collect();
    let out = numcheck(&["extract", "--format", "json", &root]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(paths_in(&out), expected);
    for _ in 0..3 {
        let again = numcheck(&["extract", "--format", "json", &root]);
        assert_eq!(again.stdout, out.stdout, "the same output every run");
    }
    // Explicit paths keep their order, and a file named explicitly is read
    // whatever its extension or .gitignore says.
    let rst = format!("{root}/notes.rst");
    let ignored = format!("{root}/skip-me.md");
    let sub = format!("{root}/sub");
    let out = numcheck(&["check", "--format", "json", &rst, &sub, &ignored]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        paths_in(&out),
        [
            rst.clone(),
            format!("{sub}/c.html"),
            format!("{sub}/deeper/d.htm"),
            format!("{sub}/z.markdown"),
            ignored
        ]
    );
    // The pretty report lists the files in the same order.
    let out = numcheck(&["extract", &root]);
    let pretty = stdout_of(&out);
    let headers: Vec<&str> = pretty.lines().filter(|l| l.starts_with(&root)).collect();
    assert_eq!(headers, expected);
}

#[test]
fn an_unreadable_file_in_a_folder_is_one_line_and_the_others_still_run() {
    let dir = scratch("unreadable");
    let root = dir.0.to_str().expect("UTF-8 temp path").to_string();
    write(&dir.0, "a.md", b"It was Friday, Oct. 17, 2024.\n");
    write(&dir.0, "b.txt", b"Caf\xe9 costs 3 euros\n");
    write(&dir.0, "c.html", b"<p>It was Friday, Oct. 17, 2024.</p>\n");
    let out = numcheck(&["check", "--format", "json", &root]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(&format!("{root}/b.txt")) && err.to_lowercase().contains("utf-8"),
        "{err}"
    );
    assert_eq!(
        paths_in(&out),
        [format!("{root}/a.md"), format!("{root}/c.html")]
    );
    // A folder with nothing to check is an input error too.
    let empty = scratch("empty");
    write(&empty.0, "notes.rst", b"3 notes\n");
    let out = numcheck(&["check", empty.0.to_str().expect("UTF-8")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("no files to check"),
        "{}",
        stderr_of(&out)
    );
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

/// `numcheck check tests/fixtures/sources/storm.md`
#[test]
fn storm_markdown_pretty() {
    let out = stdout_of(&numcheck(&["check", STORM_MD]));
    settings().bind(|| insta::assert_snapshot!("check-storm-markdown-pretty", out));
}

/// `numcheck check --format json tests/fixtures/sources/storm.md`
#[test]
fn storm_markdown_json() {
    let out = stdout_of(&numcheck(&["check", "--format", "json", STORM_MD]));
    settings().bind(|| insta::assert_snapshot!("check-storm-markdown-json", out));
}

/// `numcheck check tests/fixtures/sources/storm.html`
#[test]
fn storm_html_pretty() {
    let out = stdout_of(&numcheck(&["check", STORM_HTML]));
    settings().bind(|| insta::assert_snapshot!("check-storm-html-pretty", out));
}

/// `numcheck check --format json tests/fixtures/sources/storm.html`
#[test]
fn storm_html_json() {
    let out = stdout_of(&numcheck(&["check", "--format", "json", STORM_HTML]));
    settings().bind(|| insta::assert_snapshot!("check-storm-html-json", out));
}

#[test]
fn a_file_named_twice_or_inside_a_named_folder_is_checked_once() {
    let dir = scratch("twice");
    let wrong = b"The talks opened on Sunday, Oct. 21, 2024.\n";
    write(&dir.0, "a.md", wrong);
    write(&dir.0, "sub/x.md", wrong);
    write(&dir.0, "sub/y.md", wrong);
    let run = |args: &[&str]| {
        Command::new(BIN)
            .current_dir(&dir.0)
            .args(args)
            .output()
            .expect("the numcheck binary runs")
    };
    // The first naming keeps its place and its name.
    let out = run(&["check", "--format", "json", "a.md", "a.md", "./a.md"]);
    assert_eq!(paths_in(&out), ["a.md"]);
    let out = run(&["check", "--format", "json", "sub", "sub/x.md", "a.md"]);
    assert_eq!(paths_in(&out), ["sub/x.md", "sub/y.md", "a.md"]);
    let out = run(&["check", "--format", "json", "sub/../sub/y.md", "sub"]);
    assert_eq!(paths_in(&out), ["sub/../sub/y.md", "sub/x.md"]);
    // One annotation per finding, not one per naming.
    let out = run(&["check", "--format", "github", "sub", "sub/x.md"]);
    let annotations = stdout_of(&out);
    assert_eq!(
        annotations.lines().filter(|l| l.starts_with("::")).count(),
        2,
        "{annotations}"
    );
    // extract reads the same list.
    let out = run(&["extract", "--format", "json", "a.md", "a.md"]);
    assert_eq!(paths_in(&out), ["a.md"]);
}

#[test]
fn written_front_matter_dates_are_read_and_unreadable_ones_warned_about() {
    let dir = scratch("written-dates");
    let body = "The vote was held on Tuesday.\n";
    let files = [
        (
            "written.md",
            format!("---\ntitle: Vote\ndate: October 23, 2024\n---\n{body}"),
        ),
        (
            "quoted.md",
            format!("---\ndate: \"Wed., Oct. 23, 2024\"\n---\n{body}"),
        ),
        (
            "toml.md",
            format!("+++\ndate = \"23 October 2024\"\n+++\n{body}"),
        ),
        (
            "plain.txt",
            format!("---\ndate: October 23, 2024\n---\n{body}"),
        ),
        ("invalid.md", format!("---\ndate: 2024-13-45\n---\n{body}")),
        (
            "vague.md",
            format!("---\ndate: sometime in autumn\n---\n{body}"),
        ),
        ("month.md", format!("---\ndate: October 2024\n---\n{body}")),
    ];
    for (name, text) in &files {
        write(&dir.0, name, text.as_bytes());
    }
    let tuesday = |name: &str| {
        let path = dir.0.join(name);
        let out = numcheck(&["extract", "--format", "json", path.to_str().expect("UTF-8")]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr_of(&out));
        let value = json_of(&out)["files"][0]["quantities"]
            .as_array()
            .expect("quantities")
            .iter()
            .find(|q| q["span"]["text"] == "Tuesday")
            .expect("Tuesday is read")["value"]
            .clone();
        (value, stderr_of(&out))
    };
    for name in ["written.md", "quoted.md", "toml.md"] {
        assert_eq!(
            tuesday(name),
            (Json::from("2024-10-22"), String::new()),
            "{name}"
        );
    }
    // A date that cannot be read dates nothing, and says so on one line
    // naming the file; the run does not fail.
    for (name, written) in [
        ("invalid.md", "2024-13-45"),
        ("vague.md", "sometime in autumn"),
        ("month.md", "October 2024"),
    ] {
        let (value, err) = tuesday(name);
        assert_eq!(value, Json::Null, "{name}");
        let path = dir.0.join(name);
        assert_eq!(
            err,
            format!(
                "numcheck: {}: warning: front matter date {written:?} is not a full date; ignored\n",
                path.display()
            )
        );
    }
    // Through `check` (which also reads a plain text file's front matter),
    // the date resolves "Tuesday": no relative-date finding.
    let relative_dates = |name: &str| {
        let path = dir.0.join(name);
        let out = numcheck(&["check", "--format", "json", path.to_str().expect("UTF-8")]);
        let count = json_of(&out)["files"][0]["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["rule"] == "relative-date")
            .count();
        (count, stderr_of(&out).lines().count())
    };
    assert_eq!(relative_dates("written.md"), (0, 0));
    assert_eq!(relative_dates("plain.txt"), (0, 0));
    assert_eq!(relative_dates("invalid.md"), (1, 1), "undated, one warning");
}
