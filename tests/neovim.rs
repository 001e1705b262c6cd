//! `numcheck lsp` under a real editor: headless Neovim opens a copy of the
//! Kirby briefing (plus a line with an emoji, curly quotes and a wrong
//! weekday), attaches the server with its own LSP client, and reports the
//! diagnostics it received and two hovers; `tests/neovim/init.lua` drives it.
//! Neovim turns the server's UTF-16 columns into byte columns itself, so the
//! byte columns asserted here check the server's position encoding end to end.
//!
//! Skips itself, with a printed reason, when `nvim` is not installed; CI
//! installs Debian's `neovim` package.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value as Json;

const BIN: &str = env!("CARGO_BIN_EXE_numcheck");
const KIRBY: &str = include_str!("../examples/kirby-briefing.txt");
const ADDED: &str = "\n😀 “Talks” ended on Friday, October 17, 2024.\n";

fn nvim_available() -> bool {
    Command::new("nvim")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A fresh folder under the system's temporary directory.
fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("numcheck-neovim-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a scratch folder");
    dir
}

/// Line (0-based) and byte column of the first `needle` in `text`.
fn byte_position(text: &str, needle: &str) -> (u64, u64) {
    let at = text.find(needle).expect("needle in text");
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (
        text[..at].matches('\n').count() as u64,
        (at - line_start) as u64,
    )
}

#[test]
fn neovim_receives_the_diagnostics() {
    if !nvim_available() {
        println!("skipped: nvim is not installed (CI installs Debian's neovim package)");
        return;
    }
    let dir = scratch();
    let text = format!("{KIRBY}{ADDED}");
    let file = dir.join("kirby-briefing.txt");
    std::fs::write(&file, &text).expect("write the article");
    let out = dir.join("out.json");
    let init = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/neovim/init.lua");
    let mut child = Command::new("nvim")
        .args(["--headless", "--clean", "-n", "-u", init])
        .env("NUMCHECK_BIN", BIN)
        .env("NUMCHECK_FILE", &file)
        .env("NUMCHECK_OUT", &out)
        // Neovim's log and state go to the scratch folder, not $HOME.
        .env("XDG_CONFIG_HOME", &dir)
        .env("XDG_DATA_HOME", &dir)
        .env("XDG_STATE_HOME", &dir)
        .env("XDG_CACHE_HOME", &dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .expect("nvim starts");
    let deadline = Instant::now() + Duration::from_secs(90);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for nvim") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("nvim did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let report = std::fs::read_to_string(&out).expect("nvim wrote its report");
    let got: Json = serde_json::from_str(&report).expect("the report is JSON");
    assert!(status.success(), "nvim failed: {got}");
    assert!(got.get("error").is_none(), "the script failed: {got}");
    assert_eq!(got["received"], true, "no diagnostics within 20 s: {got}");
    assert_eq!(got["offset_encoding"], "utf-16");
    assert_eq!(got["filetype"], "text");

    // (code, severity, text it underlines); severities in Neovim's numbering.
    let expected = [
        ("relative-date", 3, "Wednesday"),
        ("vague-quantity", 3, "thousands of soldiers"),
        ("ambiguous-increment", 2, "an additional 1,500 soldiers"),
        ("weekday-mismatch", 1, "Friday, October 17"),
    ];
    let diagnostics = got["diagnostics"].as_array().expect("diagnostics");
    let codes: Vec<&str> = diagnostics
        .iter()
        .map(|d| d["code"].as_str().expect("code"))
        .collect();
    assert_eq!(codes, expected.map(|e| e.0));
    for (d, (code, severity, underlined)) in diagnostics.iter().zip(expected) {
        let (line, col) = byte_position(&text, underlined);
        let end = if code == "weekday-mismatch" {
            col + "Friday".len() as u64
        } else {
            col + underlined.len() as u64
        };
        assert_eq!(d["source"], "numcheck");
        assert_eq!(d["severity"], severity, "{code}");
        assert_eq!(
            (&d["lnum"], &d["col"], &d["end_lnum"], &d["end_col"]),
            (&line.into(), &col.into(), &line.into(), &end.into()),
            "{code} should underline {underlined:?}"
        );
    }
    let weekday = &diagnostics[3];
    assert_eq!(weekday["lnum"], 17);
    assert!(
        weekday["message"]
            .as_str()
            .expect("message")
            .starts_with("Friday does not match October 17, 2024, which is a Thursday")
    );

    // Hovers: Neovim computes the UTF-16 position from its cursor.
    let hover = &got["hover_3000"];
    assert_eq!(hover["range"]["start"]["character"], 105);
    assert!(
        hover["value"]
            .as_str()
            .expect("hover text")
            .starts_with("**numcheck** reads `3,000 North Korean soldiers` as a count")
    );
    // After a curly quote: 59 UTF-16 units, 61 bytes into line 4.
    let hover = &got["hover_1200"];
    let (line, byte_col) = byte_position(&text, "1,200");
    assert_eq!((line, byte_col), (3, 61));
    assert_eq!(hover["position"]["line"], 3);
    assert_eq!(hover["position"]["character"], 59);
    let value = hover["value"].as_str().expect("hover text");
    assert!(value.contains("- time base: per day"), "{value}");
    let _ = std::fs::remove_dir_all(&dir);
}
