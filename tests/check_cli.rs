//! The `check`, `rules` and `explain` commands as a user or a script sees
//! them: the JSON contract for findings, exit statuses (0 clean, 1 a finding
//! at or above --fail-on, 2 usage or input error), rule selection, user rule
//! files and their errors.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value as Json;

const BIN: &str = env!("CARGO_BIN_EXE_numcheck");
const KIRBY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/kirby-briefing.txt");
const FACTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/kirby-facts.txt");

fn numcheck(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .output()
        .expect("the numcheck binary runs")
}

fn scratch(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("numcheck-check-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("scratch file");
    path
}

fn json_of(out: &Output) -> Json {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn kirby_json_follows_the_contract() {
    let out = numcheck(&["check", "--format", "json", KIRBY]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "warnings and notes do not fail by default"
    );
    let doc = json_of(&out);
    assert_eq!(doc["version"], 1);
    let text = std::fs::read(KIRBY).expect("example");
    let diags = doc["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics");
    let rules: Vec<&str> = diags
        .iter()
        .map(|d| d["rule"].as_str().expect("rule"))
        .collect();
    assert!(rules.contains(&"ambiguous-increment"), "{rules:?}");
    assert!(rules.contains(&"relative-date"), "{rules:?}");
    assert!(rules.contains(&"vague-quantity"), "{rules:?}");
    assert!(!rules.contains(&"quantity-conflict"), "{rules:?}");
    for d in diags {
        assert!(["error", "warning", "info"].contains(&d["severity"].as_str().expect("severity")));
        let spans = std::iter::once(&d["span"]).chain(
            d["related"]
                .as_array()
                .expect("related")
                .iter()
                .map(|r| &r["span"]),
        );
        for span in spans {
            let (s, e) = (
                span["start"].as_u64().expect("start") as usize,
                span["end"].as_u64().expect("end") as usize,
            );
            assert_eq!(span["text"].as_str().expect("text").as_bytes(), &text[s..e]);
            assert!(
                span["line"].as_u64().expect("line") >= 1
                    && span["column"].as_u64().expect("column") >= 1
            );
        }
    }
}

#[test]
fn dated_with_facts_resolves_dates_and_stays_consistent() {
    let out = numcheck(&[
        "check",
        "--format",
        "json",
        "--date",
        "2024-10-23",
        "--facts",
        FACTS,
        KIRBY,
    ]);
    assert_eq!(out.status.code(), Some(0));
    let doc = json_of(&out);
    let rules: Vec<String> = doc["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["rule"].as_str().expect("rule").to_string())
        .collect();
    assert!(!rules.contains(&"relative-date".to_string()), "{rules:?}");
    assert!(!rules.contains(&"fact-mismatch".to_string()), "{rules:?}");
    assert!(
        rules.contains(&"ambiguous-increment".to_string()),
        "{rules:?}"
    );
}

#[test]
fn an_error_finding_exits_1_and_fail_on_moves_the_threshold() {
    let draft = scratch(
        "weekday.txt",
        "The summit opens on Thursday, October 18, 2024.\n",
    );
    let path = draft.to_str().expect("utf-8 path");
    assert_eq!(numcheck(&["check", path]).status.code(), Some(1));
    assert_eq!(
        numcheck(&["check", "--fail-on", "never", path])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        numcheck(&["check", "--ignore", "weekday-mismatch", path])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        numcheck(&["check", "--fail-on", "warning", KIRBY])
            .status
            .code(),
        Some(1)
    );
    let pretty = String::from_utf8_lossy(&numcheck(&["check", path]).stdout).into_owned();
    assert!(pretty.contains("error[weekday-mismatch]"), "{pretty}");
    assert!(pretty.contains("help:"), "{pretty}");
    assert!(!pretty.contains('\u{1b}'), "no colour when not a terminal");
}

#[test]
fn select_runs_only_the_named_rules() {
    let out = numcheck(&[
        "check",
        "--format",
        "json",
        "--select",
        "vague-quantity",
        KIRBY,
    ]);
    let doc = json_of(&out);
    for d in doc["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
    {
        assert_eq!(d["rule"], "vague-quantity");
    }
}

#[test]
fn usage_and_input_errors_exit_2_with_one_line() {
    for args in [
        vec!["check", "--select", "no-such-rule", KIRBY],
        vec!["check", "--date", "2024-13-01", KIRBY],
        vec!["check", "--facts", "/no/such/facts.txt", KIRBY],
        vec!["check", "--rules", "/no/such/dir", KIRBY],
        vec!["explain", "no-such-rule"],
    ] {
        let out = numcheck(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr_of(&out);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    // A missing file among good ones: reported, the others still checked.
    let out = numcheck(&["check", "--format", "json", "/no/such/draft.txt", KIRBY]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("/no/such/draft.txt: no such file"));
    assert_eq!(json_of(&out)["files"].as_array().expect("files").len(), 1);
}

#[test]
fn user_rule_files_are_validated_and_used() {
    let dir = std::env::temp_dir().join(format!("numcheck-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("rules dir");
    std::fs::write(dir.join("bad.toml"), "name = \"x\"\nkind = \"nonsense\"\n").expect("write");
    let out = numcheck(&["check", "--rules", dir.to_str().expect("path"), KIRBY]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(err.contains("bad.toml") && err.contains("line 1"), "{err}");

    std::fs::remove_file(dir.join("bad.toml")).expect("remove");
    let custom = r#"name = "house-weekday"
kind = "weekday"
severity = "warning"
summary = "our house rule for weekdays"
message = "{weekday} is not {date}"
[doc]
what = "w"
why = "y"
example = "e"
instead = "i"
[[fires]]
text = "The summit opens on Thursday, October 18, 2024."
[[quiet]]
text = "The summit opens on Friday, October 18, 2024."
"#;
    std::fs::write(dir.join("house.toml"), custom).expect("write");
    let draft = scratch(
        "house.txt",
        "The summit opens on Thursday, October 18, 2024.\n",
    );
    let out = numcheck(&[
        "check",
        "--format",
        "json",
        "--rules",
        dir.to_str().expect("path"),
        "--select",
        "house-weekday",
        draft.to_str().expect("path"),
    ]);
    let doc = json_of(&out);
    let d = &doc["files"][0]["diagnostics"][0];
    assert_eq!(d["rule"], "house-weekday");
    assert_eq!(d["severity"], "warning");
    assert_eq!(d["message"], "Thursday is not October 18, 2024");
}

#[test]
fn rules_and_explain_print_the_rule_docs() {
    let out = numcheck(&["rules"]);
    assert_eq!(out.status.code(), Some(0));
    let list = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(list.lines().count(), 20, "{list}");
    let out = numcheck(&["explain", "ambiguous-increment"]);
    let doc = String::from_utf8_lossy(&out.stdout).into_owned();
    for heading in [
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Use instead",
    ] {
        assert!(doc.contains(heading), "{doc}");
    }
}

/// The fixes a finding suggests (what an editor's code action applies), as
/// `(rule, text replaced, replacement)`.
fn fixes_in(text: &str, name: &str) -> Vec<(String, String, String)> {
    let path = scratch(name, text);
    let out = numcheck(&[
        "check",
        "--format",
        "json",
        "--fail-on",
        "never",
        path.to_str().expect("UTF-8 path"),
    ]);
    let doc = json_of(&out);
    let mut found = Vec::new();
    for d in doc["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
    {
        for f in d["fixes"].as_array().into_iter().flatten() {
            found.push((
                d["rule"].as_str().unwrap_or("").to_string(),
                f["span"]["text"].as_str().unwrap_or("").to_string(),
                f["replacement"].as_str().unwrap_or("").to_string(),
            ));
        }
    }
    found
}

#[test]
fn wrong_shares_and_conversions_carry_the_recomputed_figure_as_a_fix() {
    let fix =
        |rule: &str, from: &str, to: &str| (rule.to_string(), from.to_string(), to.to_string());
    assert_eq!(
        fixes_in(
            "The club said 40 of its 200 members, or 25%, voted for the merger.\n",
            "share.txt"
        ),
        vec![fix("share-mismatch", "25", "20")]
    );
    assert_eq!(
        fixes_in(
            "The trail runs for 5 miles (12 km) along the river.\n",
            "miles.txt"
        ),
        vec![fix("conversion-mismatch", "12", "8")]
    );
    assert_eq!(
        fixes_in(
            "On March 1, 2024, the launch was set for 1:30 p.m. EST (20:30 UTC).\n",
            "clock.txt"
        ),
        vec![fix("conversion-mismatch", "20:30", "18:30")]
    );
}
