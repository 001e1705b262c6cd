//! `numcheck lsp` as an editor sees it: the built binary, spoken to in
//! JSON-RPC over stdio with Content-Length framing. Every read has a timeout,
//! so a hung server fails the test instead of hanging CI.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value as Json, json};

const BIN: &str = env!("CARGO_BIN_EXE_numcheck");
const KIRBY: &str = include_str!("../examples/kirby-briefing.txt");
/// A stable URI: the text travels in `didOpen`, the file need not exist.
const URI: &str = "file:///newsroom/kirby-briefing.txt";
const TIMEOUT: Duration = Duration::from_secs(20);

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

/// A running `numcheck lsp` and the messages it has sent.
struct Session {
    child: Child,
    /// `None` once closed.
    stdin: Option<ChildStdin>,
    incoming: Receiver<Json>,
    next_id: i64,
}

impl Session {
    fn start() -> Session {
        let mut child = Command::new(BIN)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("numcheck lsp starts");
        let stdin = child.stdin.take().expect("piped stdin");
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        Session {
            child,
            stdin: Some(stdin),
            incoming,
            next_id: 1,
        }
    }

    fn send(&mut self, message: Json) {
        self.send_body(&message.to_string());
    }

    /// Frames `body`, whatever it is, and sends it.
    fn send_body(&mut self, body: &str) {
        self.send_bytes(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    fn send_bytes(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("input still open");
        stdin
            .write_all(bytes)
            .and_then(|()| stdin.flush())
            .expect("write to the server");
    }

    /// Closes the server's input; returns its exit status.
    fn close_input(mut self) -> i32 {
        drop(self.stdin.take());
        self.wait()
    }

    fn wait(&mut self) -> i32 {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait for the server") {
                return status.code().expect("exited, not killed");
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn notify(&mut self, method: &str, params: Json) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request; returns its id.
    fn request(&mut self, method: &str, params: Json) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    fn recv(&self) -> Json {
        match self.incoming.recv_timeout(TIMEOUT) {
            Ok(m) => m,
            Err(RecvTimeoutError::Timeout) => panic!("no message from the server in {TIMEOUT:?}"),
            Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
        }
    }

    /// The response to request `id`, and the notifications that came first.
    fn response(&self, id: i64) -> (Json, Vec<Json>) {
        let mut before = Vec::new();
        loop {
            let m = self.recv();
            if m.get("id") == Some(&json!(id)) && m.get("method").is_none() {
                assert!(m.get("error").is_none(), "request {id} failed: {m}");
                return (m["result"].clone(), before);
            }
            before.push(m);
        }
    }

    fn call(&mut self, method: &str, params: Json) -> Json {
        let id = self.request(method, params);
        self.response(id).0
    }

    /// The next publishDiagnostics for `uri`.
    fn diagnostics(&self, uri: &str) -> Json {
        loop {
            let m = self.recv();
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
                return m["params"].clone();
            }
        }
    }

    fn initialize(&mut self, capabilities: Json) -> Json {
        let result = self.call(
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": capabilities}),
        );
        self.notify("initialized", json!({}));
        result
    }

    /// shutdown, exit, and the exit status.
    fn finish(mut self) -> i32 {
        assert_eq!(self.call("shutdown", json!(null)), json!(null));
        self.notify("exit", json!(null));
        self.wait()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One framed message, or `None` at the end of the stream.
fn read_message(reader: &mut impl BufRead) -> Option<Json> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// The byte offset of a UTF-16 position in `text`, counted independently of
/// the server's code.
fn byte_offset(text: &str, line: u64, character: u64) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line as usize)
        .map(str::len)
        .sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character as usize {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// The text a protocol range covers.
fn covered<'t>(text: &'t str, range: &Json) -> &'t str {
    let at = |p: &Json| {
        byte_offset(
            text,
            p["line"].as_u64().expect("line"),
            p["character"].as_u64().expect("character"),
        )
    };
    &text[at(&range["start"])..at(&range["end"])]
}

/// The UTF-16 position of the first `needle` in `text`.
fn position_of(text: &str, needle: &str) -> Json {
    let at = text.find(needle).expect("needle in text");
    let line = text[..at].matches('\n').count();
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let character = text[line_start..at].encode_utf16().count();
    json!({"line": line, "character": character})
}

fn open(session: &mut Session, uri: &str, language: &str, version: i32, text: &str) {
    session.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}}),
    );
}

fn rules(published: &Json) -> Vec<&str> {
    published["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["code"].as_str().expect("code"))
        .collect()
}

#[test]
fn a_session_on_the_kirby_briefing() {
    let mut s = Session::start();
    let init = s.initialize(json!({
        "general": {"positionEncodings": ["utf-16"]},
        "textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]}},
    }));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["serverInfo"]["name"], "numcheck");

    // didOpen → diagnostics for version 1, ranges in UTF-16 on the right text.
    open(&mut s, URI, "plaintext", 1, KIRBY);
    let published = s.diagnostics(URI);
    assert_eq!(published["version"], 1);
    assert_eq!(
        rules(&published),
        ["relative-date", "vague-quantity", "ambiguous-increment"]
    );
    let texts: Vec<&str> = published["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| covered(KIRBY, &d["range"]))
        .collect();
    assert_eq!(
        texts,
        [
            "Wednesday",
            "thousands of soldiers",
            "an additional 1,500 soldiers"
        ]
    );
    let increment = &published["diagnostics"][2];
    assert_eq!(increment["severity"], 2);
    assert_eq!(increment["source"], "numcheck");
    let related = &increment["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], URI);
    assert_eq!(
        covered(KIRBY, &related["location"]["range"]),
        "3,000 North Korean soldiers"
    );
    settings().bind(|| {
        insta::assert_snapshot!(
            "lsp-kirby-briefing-diagnostics",
            serde_json::to_string_pretty(&published).expect("JSON")
        );
    });

    // An incremental edit at the end: a line with an emoji, curly quotes and
    // a weekday that does not match its date.
    let end = position_of(KIRBY, "rumour.”");
    let end = json!({"line": end["line"], "character": end["character"].as_u64().expect("n") + 8});
    let added = "\n😀 “Talks” ended on Friday, October 17, 2024.";
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2},
            "contentChanges": [{"range": {"start": end, "end": end}, "text": added}]}),
    );
    let edited = format!("{KIRBY}{added}");
    let published = s.diagnostics(URI);
    assert_eq!(published["version"], 2);
    let weekday = published["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["code"] == "weekday-mismatch")
        .expect("weekday finding")
        .clone();
    // 😀 is two UTF-16 units, each curly quote one.
    assert_eq!(
        weekday["range"],
        json!({"start": {"line": 17, "character": 20}, "end": {"line": 17, "character": 26}})
    );
    assert_eq!(covered(&edited, &weekday["range"]), "Friday");

    // Hover on "3,000": how numcheck read it.
    let hover = s.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": position_of(&edited, "3,000")}),
    );
    assert_eq!(hover["contents"]["kind"], "markdown");
    assert_eq!(
        covered(&edited, &hover["range"]),
        "3,000 North Korean soldiers"
    );
    let shown = hover["contents"]["value"].as_str().expect("hover text");
    settings().bind(|| insta::assert_snapshot!("lsp-kirby-briefing-hover-3000", shown));

    // Hover after a curly quote on the same line: "1,200".
    let hover = s.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": position_of(&edited, "1,200")}),
    );
    assert_eq!(
        covered(&edited, &hover["range"]),
        "about 1,200 deaths and injuries every day"
    );
    assert!(
        hover["contents"]["value"]
            .as_str()
            .expect("text")
            .contains("per day")
    );

    // Between figures: no hover.
    let hover = s.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": position_of(&edited, "Communications")}),
    );
    assert_eq!(hover, json!(null));

    // A code action at the weekday finding applies its fix.
    let actions = s.call(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": weekday["range"],
            "context": {"diagnostics": [weekday]}}),
    );
    let actions = actions.as_array().expect("actions");
    assert_eq!(actions.len(), 1, "plain text gets no comment: {actions:?}");
    assert_eq!(actions[0]["title"], "Replace “Friday” with “Thursday”");
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(actions[0]["diagnostics"][0]["code"], "weekday-mismatch");
    let edits = &actions[0]["edit"]["changes"][URI];
    assert_eq!(
        edits,
        &json!([{"range": weekday["range"], "newText": "Thursday"}])
    );

    assert_eq!(s.finish(), 0);
}

#[test]
fn markdown_gets_a_suppression_action() {
    let mut s = Session::start();
    s.initialize(json!({}));
    let uri = "file:///newsroom/talks.md";
    let text = "# Talks\n\nThey ended on Friday, October 17, 2024.\n";
    open(&mut s, uri, "markdown", 1, text);
    let published = s.diagnostics(uri);
    assert_eq!(rules(&published), ["weekday-mismatch"]);
    let d = published["diagnostics"][0].clone();
    let cursor = d["range"]["start"].clone();
    let actions = s.call(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": cursor, "end": cursor},
            "context": {"diagnostics": [d]}}),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .expect("actions")
        .iter()
        .map(|a| a["title"].as_str().expect("title"))
        .collect();
    assert_eq!(
        titles,
        [
            "Replace “Friday” with “Thursday”",
            "Suppress weekday-mismatch on this line"
        ]
    );
    assert_eq!(
        actions[1]["edit"]["changes"][uri],
        json!([{"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}},
            "newText": "<!-- numcheck-disable-next-line weekday-mismatch -->\n"}])
    );
    // Only source actions wanted: none of ours.
    let none = s.call(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": cursor, "end": cursor},
            "context": {"diagnostics": [], "only": ["source"]}}),
    );
    assert_eq!(none, json!([]));
    // Other languages are not checked.
    open(
        &mut s,
        "file:///newsroom/build.rs",
        "rust",
        1,
        "fn main() {}",
    );
    // Saving re-publishes the same version.
    s.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}}),
    );
    let again = s.diagnostics(uri);
    assert_eq!(again["version"], 1);
    assert_eq!(s.finish(), 0);
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let mut s = Session::start();
    let init = s.initialize(json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let text = "😀 “Talks” ended on Friday, October 17, 2024.";
    open(&mut s, "file:///newsroom/a.txt", "plaintext", 1, text);
    let published = s.diagnostics("file:///newsroom/a.txt");
    let start = text.find("Friday").expect("weekday");
    assert_eq!(
        published["diagnostics"][0]["range"],
        json!({"start": {"line": 0, "character": start}, "end": {"line": 0, "character": start + 6}})
    );
    assert_eq!(s.finish(), 0);
}

/// A burst of edits, sent as fast as the pipe takes them: diagnostics arrive
/// in version order, the last is for the final version, and nothing older
/// arrives after something newer.
#[test]
fn a_burst_of_edits_never_publishes_stale_diagnostics() {
    let mut s = Session::start();
    s.initialize(json!({}));
    let long = KIRBY.repeat(20);
    open(&mut s, URI, "plaintext", 0, &long);
    const LAST: i64 = 200;
    for version in 1..=LAST {
        // Each edit changes the first figure, so every version differs.
        let text = long.replacen("3,000", &format!("{}", 3000 + version), 1);
        s.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": version},
                "contentChanges": [{"text": text}]}),
        );
    }
    let mut versions = Vec::new();
    while versions.last() != Some(&LAST) {
        versions.push(s.diagnostics(URI)["version"].as_i64().expect("version"));
    }
    eprintln!(
        "{} publishes for {LAST} edits: {versions:?}",
        versions.len()
    );
    assert!(
        versions.windows(2).all(|w| w[0] < w[1]),
        "versions out of order: {versions:?}"
    );
    assert!(
        versions.len() < LAST as usize,
        "every edit was checked: the burst was not coalesced ({} publishes)",
        versions.len()
    );
    // Nothing more is on its way: a request answered after the burst finds
    // no further diagnostics before its response.
    let id = s.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}}),
    );
    let (_, before) = s.response(id);
    assert!(
        before.is_empty(),
        "stale messages after the last version: {before:?}"
    );
    assert_eq!(s.finish(), 0);
}

/// The error response to a message that was not one.
fn error_of(m: &Json) -> (i64, String) {
    assert!(m.get("result").is_none(), "an error response expected: {m}");
    (
        m["error"]["code"].as_i64().expect("error code"),
        m["error"]["message"].as_str().expect("message").to_string(),
    )
}

/// A malformed message gets an error response and the session goes on;
/// only the end of the input ends it.
#[test]
fn malformed_messages_get_errors_and_the_session_goes_on() {
    let mut s = Session::start();
    s.send_body("{not json}");
    let m = s.recv();
    assert_eq!(m["id"], Json::Null);
    assert_eq!(error_of(&m).0, -32700);
    // A request before initialize: refused, in words.
    let id = s.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}}),
    );
    let m = s.recv();
    assert_eq!(m["id"], id);
    assert_eq!(
        error_of(&m),
        (
            -32002,
            "the server is not initialized: send initialize before textDocument/hover".into()
        )
    );
    s.initialize(json!({}));
    for (body, code) in [
        ("{not json}", -32700),
        ("[]", -32600),
        (r#"{"jsonrpc":"2.0","method":null}"#, -32600),
    ] {
        s.send_body(body);
        let m = s.recv();
        assert_eq!(m["id"], Json::Null, "{body}");
        assert_eq!(error_of(&m).0, code, "{body}: {m}");
    }
    // A header block without a length: skipped up to the next one.
    s.send_bytes(b"Content-Lenght 2\r\n\r\n{}");
    let m = s.recv();
    assert_eq!(error_of(&m).0, -32700, "{m}");
    // Still serving.
    let uri = "file:///newsroom/after.txt";
    open(
        &mut s,
        uri,
        "plaintext",
        1,
        "Talks ended on Friday, October 17, 2024.",
    );
    assert_eq!(rules(&s.diagnostics(uri)), ["weekday-mismatch"]);
    // The end of the input, without shutdown: status 1.
    assert_eq!(s.close_input(), 1);
}

#[test]
fn exit_without_shutdown_is_status_one() {
    let mut s = Session::start();
    s.initialize(json!({}));
    s.notify("exit", json!(null));
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = s.child.try_wait().expect("wait") {
            break status;
        }
        assert!(Instant::now() < deadline, "the server did not exit");
        std::thread::sleep(Duration::from_millis(10));
    };
    assert_eq!(status.code(), Some(1));
}

/// The byte range a protocol range covers in `text`.
fn byte_range(text: &str, range: &Json) -> (usize, usize) {
    let at = |p: &Json| {
        byte_offset(
            text,
            p["line"].as_u64().expect("line"),
            p["character"].as_u64().expect("character"),
        )
    };
    (at(&range["start"]), at(&range["end"]))
}

/// Messages from the server until `done` has seen what it waits for.
fn until(session: &Session, mut done: impl FnMut(&Json) -> bool) -> Vec<Json> {
    let mut got = Vec::new();
    loop {
        let m = session.recv();
        let stop = done(&m);
        got.push(m);
        if stop {
            return got;
        }
    }
}

/// (rule, severity as the protocol numbers it, byte start, byte end) of each
/// published diagnostic.
fn findings(text: &str, published: &Json) -> Vec<(String, u64, usize, usize)> {
    published["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let (start, end) = byte_range(text, &d["range"]);
            (
                d["code"].as_str().expect("code").to_string(),
                d["severity"].as_u64().expect("severity"),
                start,
                end,
            )
        })
        .collect()
}

/// The same, from `numcheck check --format json FILE`.
fn cli_findings(file: &std::path::Path) -> Vec<(String, u64, usize, usize)> {
    let out = Command::new(BIN)
        .args(["check", "--format", "json"])
        .arg(file)
        .output()
        .expect("numcheck check runs");
    let json: Json = serde_json::from_slice(&out.stdout).expect("JSON output");
    json["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let severity = match d["severity"].as_str().expect("severity") {
                "error" => 1,
                "warning" => 2,
                _ => 3,
            };
            (
                d["rule"].as_str().expect("rule").to_string(),
                severity,
                d["span"]["start"].as_u64().expect("start") as usize,
                d["span"]["end"].as_u64().expect("end") as usize,
            )
        })
        .collect()
}

const CONFIG: &str = "ignore = [\"vague-quantity\"]\n\n[rules]\nweekday-mismatch = \"warning\"\n";

/// A draft in Markdown: front matter with its date, a vague quantity (which
/// the configuration ignores), a wrong weekday in prose, another inside a fenced code block (not prose), a suppression
/// comment that works and one that suppresses nothing.
const STORY: &str = "---
date: 2024-10-23
---
# Talks

Some 3,000 delegates came. Talks ended on Friday, October 17, 2024, after
thousands of delegates left. They met again on Tuesday.

```text
The log says Monday, October 17, 2024.
```

<!-- numcheck-disable-next-line weekday-mismatch -->
A second round opened on Monday, October 17, 2024.

<!-- numcheck-disable-next-line sum-mismatch -->
Nothing to add.
";

/// The server reads a Markdown draft as `numcheck check` does: the nearest
/// numcheck.toml (severities, ignore), prose only, the front matter's date,
/// suppression comments; and it follows edits to numcheck.toml.
#[test]
fn a_configured_markdown_draft_reads_as_the_cli_reads_it() {
    let dir = std::env::temp_dir().join(format!("numcheck-lsp-session-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a scratch folder");
    let config = dir.join("numcheck.toml");
    std::fs::write(&config, CONFIG).expect("write numcheck.toml");
    let story = dir.join("story.md");
    std::fs::write(&story, STORY).expect("write the story");
    let uri = format!("file://{}", story.display());
    let config_uri = format!("file://{}", config.display());

    let mut s = Session::start();
    s.initialize(json!({"textDocument": {"hover": {"contentFormat": ["markdown"]}}}));
    open(&mut s, &uri, "markdown", 1, STORY);
    let published = s.diagnostics(&uri);
    let got = findings(STORY, &published);
    let expected_rules = [
        ("weekday-mismatch".to_string(), 2, "Friday"),
        (
            "unused-suppression".to_string(),
            3,
            "<!-- numcheck-disable-next-line sum-mismatch -->",
        ),
    ];
    assert_eq!(
        got.iter()
            .map(|(r, sev, a, b)| (r.clone(), *sev, &STORY[*a..*b]))
            .collect::<Vec<_>>(),
        expected_rules,
    );
    // Exactly what `numcheck check` reports for the file on disk.
    assert_eq!(got, cli_findings(&story));

    // Hover reads the same prose and date: a weekday resolved against the
    // front matter; nothing in the code block.
    let hover = s.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position_of(STORY, "Tuesday")}),
    );
    let shown = hover["contents"]["value"].as_str().expect("hover text");
    assert!(
        shown.contains("- date: 2024-10-22 (resolved from the article's date)"),
        "{shown}"
    );
    let hover = s.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position_of(STORY, "Monday")}),
    );
    assert_eq!(hover, json!(null));

    // The suppression action, applied as the editor would apply it: the
    // finding goes, and the new comment is not reported as unused.
    let weekday = published["diagnostics"][0].clone();
    let actions = s.call(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": weekday["range"],
            "context": {"diagnostics": [weekday]}}),
    );
    let suppress = actions
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["title"] == "Suppress weekday-mismatch on this line")
        .expect("a suppression action")
        .clone();
    let edit = suppress["edit"]["changes"][&uri][0].clone();
    assert_eq!(
        edit["newText"],
        "<!-- numcheck-disable-next-line weekday-mismatch -->\n"
    );
    let (at, _) = byte_range(STORY, &edit["range"]);
    let edited = format!(
        "{}{}{}",
        &STORY[..at],
        edit["newText"].as_str().expect("text"),
        &STORY[at..]
    );
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": edit["range"], "text": edit["newText"]}]}),
    );
    let published = s.diagnostics(&uri);
    assert_eq!(published["version"], 2);
    assert_eq!(rules(&published), ["unused-suppression"]);
    std::fs::write(&story, &edited).expect("save the story");
    assert_eq!(findings(&edited, &published), cli_findings(&story));

    // A broken numcheck.toml, saved: one message, the defaults meanwhile
    // (weekday-mismatch an error again, vague-quantity back).
    std::fs::write(&config, "[rules]\nweekday-mismatch = \"loudly\"\n").expect("write");
    s.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": config_uri}}),
    );
    let mut published = Json::Null;
    let mut shown = Vec::new();
    until(&s, |m| {
        if m["method"] == "window/showMessage" {
            shown.push(m["params"].clone());
        }
        if m["method"] == "textDocument/publishDiagnostics" {
            published = m["params"].clone();
        }
        !shown.is_empty() && !published.is_null()
    });
    assert_eq!(shown[0]["type"], 1);
    let message = shown[0]["message"].as_str().expect("message");
    assert!(
        message.contains("numcheck.toml: line 2") && message.contains("default rules"),
        "{message}"
    );
    assert_eq!(rules(&published), ["vague-quantity", "unused-suppression"]);

    // Mended, and reported by the client's file watcher: the configuration
    // applies again. Then the old version of the configuration, on disk,
    // agrees with the CLI.
    std::fs::write(&config, CONFIG).expect("write");
    s.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 2}]}),
    );
    let published = s.diagnostics(&uri);
    assert_eq!(rules(&published), ["unused-suppression"]);
    assert_eq!(findings(&edited, &published), cli_findings(&story));

    assert_eq!(s.finish(), 0);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Saving the article reads a numcheck.toml that changed on disk meanwhile
/// (with no editor watching it).
#[test]
fn saving_the_article_reads_a_changed_configuration() {
    let dir = std::env::temp_dir().join(format!("numcheck-lsp-save-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a scratch folder");
    let config = dir.join("numcheck.toml");
    std::fs::write(&config, "[rules]\nweekday-mismatch = \"warning\"\n").expect("write");
    let story = dir.join("talks.md");
    let text = "# Talks\n\nThey ended on Friday, October 17, 2024.\n";
    std::fs::write(&story, text).expect("write the story");
    let uri = format!("file://{}", story.display());

    let mut s = Session::start();
    s.initialize(json!({}));
    open(&mut s, &uri, "markdown", 1, text);
    let published = s.diagnostics(&uri);
    assert_eq!(findings(text, &published)[0].1, 2, "a warning: {published}");
    std::fs::write(&config, "[rules]\nweekday-mismatch = \"info\"\n").expect("write");
    s.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}}),
    );
    let published = s.diagnostics(&uri);
    assert_eq!(findings(text, &published)[0].1, 3, "now info: {published}");
    assert_eq!(published["version"], 1);
    assert_eq!(s.finish(), 0);
    let _ = std::fs::remove_dir_all(&dir);
}

/// HTML is checked too, article text only; a client that can watch files
/// is asked to report changes to numcheck.toml.
#[test]
fn html_drafts_and_a_watch_on_the_configuration() {
    let mut s = Session::start();
    s.initialize(json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}));
    let request = s.recv();
    assert_eq!(request["method"], "client/registerCapability");
    let registration = &request["params"]["registrations"][0];
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
    assert_eq!(
        registration["registerOptions"]["watchers"][0]["globPattern"],
        "**/numcheck.toml"
    );
    s.send(json!({"jsonrpc": "2.0", "id": request["id"], "result": null}));

    let uri = "file:///newsroom/talks.html";
    let text = "<html><head><script>var d = \"Monday, October 17, 2024\";</script></head>\n<body><p title=\"Sunday, October 17, 2024\">Talks ended on Friday, October 17, 2024.</p></body></html>\n";
    open(&mut s, uri, "html", 1, text);
    let published = s.diagnostics(uri);
    assert_eq!(rules(&published), ["weekday-mismatch"]);
    assert_eq!(
        covered(text, &published["diagnostics"][0]["range"]),
        "Friday"
    );
    assert_eq!(s.finish(), 0);
}
