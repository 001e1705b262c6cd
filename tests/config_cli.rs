//! Configuration, suppression comments and baselines as a user meets them:
//! the built binary run in scratch folders with their own `numcheck.toml`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value as Json;

const BIN: &str = env!("CARGO_BIN_EXE_numcheck");

/// A weekday that does not match its date: one `weekday-mismatch` (an error
/// by default) and nothing else.
const WRONG_WEEKDAY: &str = "The talks opened on Sunday, Oct. 21, 2024.\n";
const OTHER_WRONG_WEEKDAY: &str = "The summit opens on Thursday, October 18, 2024.\n";

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

/// A fresh scratch folder for one test.
fn scratch(test: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("numcheck-config-cli-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn write(dir: &Path, rel: &str, contents: &str) -> PathBuf {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("folders");
    std::fs::write(&path, contents).expect("write");
    path
}

/// Runs numcheck in `dir`.
fn numcheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the numcheck binary runs")
}

fn stdout_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// (rule, severity, span text) of each finding of each file, from JSON output.
fn findings(out: &Output) -> Vec<(String, String, String)> {
    let doc: Json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}\nstderr: {}",
            stdout_of(out),
            stderr_of(out)
        )
    });
    let mut found = Vec::new();
    for file in doc["files"].as_array().expect("files") {
        for d in file["diagnostics"].as_array().expect("diagnostics") {
            found.push((
                d["rule"].as_str().expect("rule").to_string(),
                d["severity"].as_str().expect("severity").to_string(),
                d["span"]["text"].as_str().expect("text").to_string(),
            ));
        }
    }
    found
}

fn rules_of(out: &Output) -> Vec<String> {
    findings(out).into_iter().map(|f| f.0).collect()
}

#[test]
fn the_nearest_config_above_each_file_applies() {
    let dir = scratch("discovery");
    write(
        &dir,
        "numcheck.toml",
        "[rules]\nweekday-mismatch = \"warning\"\n",
    );
    write(
        &dir,
        "desk/numcheck.toml",
        "[rules]\nweekday-mismatch = \"off\"\n",
    );
    write(&dir, "desk/drafts/a.md", WRONG_WEEKDAY);
    write(&dir, "wire/b.md", WRONG_WEEKDAY);

    // desk/numcheck.toml is nearer to desk/drafts/a.md than the root's.
    let out = numcheck(&dir, &["check", "--format", "json", "desk/drafts/a.md"]);
    assert_eq!(findings(&out), []);
    assert_eq!(out.status.code(), Some(0));

    // wire/b.md has only the root's, found two folders up from a sub-folder
    // run; the warning no longer fails the run.
    let out = numcheck(
        &dir.join("desk"),
        &["check", "--format", "json", "../wire/b.md"],
    );
    assert_eq!(
        findings(&out),
        [("weekday-mismatch".into(), "warning".into(), "Sunday".into())]
    );
    assert_eq!(out.status.code(), Some(0));

    // Each file its own: both in one run.
    let out = numcheck(
        &dir,
        &["check", "--format", "json", "desk/drafts/a.md", "wire/b.md"],
    );
    assert_eq!(findings(&out).len(), 1);

    // --config names one file for all, wherever they are.
    write(
        &dir,
        "strict.toml",
        "[rules]\nweekday-mismatch = \"error\"\n",
    );
    let out = numcheck(
        &dir,
        &[
            "check",
            "--format",
            "json",
            "--config",
            "strict.toml",
            "desk/drafts/a.md",
            "wire/b.md",
        ],
    );
    let found = findings(&out);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|f| f.1 == "error"), "{found:?}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn bad_configs_are_one_line_errors_naming_file_and_key() {
    let dir = scratch("bad");
    write(&dir, "draft.md", WRONG_WEEKDAY);
    for (config, expected) in [
        (
            "select = []\n\nselekt = [\"x\"]\n",
            "line 3: unknown field `selekt`",
        ),
        (
            "[rules]\nweekday-mismatch = \"loud\"\n",
            "line 2: unknown variant `loud`",
        ),
        (
            "[rules]\nweekday-mismatches = \"off\"\n",
            "line 2: unknown rule `weekday-mismatches` in [rules]",
        ),
        (
            "[parameters.rate-mismatch]\ntolerence = 0.1\n",
            "line 2: unknown parameter `tolerence` for rule `rate-mismatch` (it has: tolerance)",
        ),
        (
            "rule-folders = [\"no-such-folder\"]\n",
            "numcheck.toml: rule-folders: no-such-folder: no such file",
        ),
        (
            "facts = \"no-such-facts.txt\"\n",
            "numcheck.toml: facts: no-such-facts.txt: no such file",
        ),
    ] {
        write(&dir, "numcheck.toml", config);
        let out = numcheck(&dir, &["check", "draft.md", "draft.md"]);
        assert_eq!(out.status.code(), Some(2), "{config}");
        let err = stderr_of(&out);
        assert_eq!(err.lines().count(), 1, "one line, once: {err}");
        assert!(err.starts_with("numcheck: "), "{err}");
        assert!(err.contains(expected), "{config}: {err}");
        if !expected.contains("no such file") {
            assert!(err.contains("numcheck.toml: line"), "{err}");
        }
    }
    // Files the configuration names are errors naming the configuration and
    // the key, with paths as the user sees them.
    for (config, expected) in [
        (
            "facts = \"nofile.txt\"\n",
            "numcheck: drafts/numcheck.toml: facts: drafts/nofile.txt: no such file\n",
        ),
        (
            "rule-folders = [\"house\"]\n",
            "numcheck: drafts/numcheck.toml: rule-folders: drafts/house: no such file\n",
        ),
    ] {
        write(&dir, "drafts/numcheck.toml", config);
        write(&dir, "drafts/a.md", WRONG_WEEKDAY);
        let out = numcheck(&dir, &["check", "drafts/a.md"]);
        assert_eq!(out.status.code(), Some(2), "{config}");
        assert_eq!(stderr_of(&out), expected);
    }
    // An unknown rule on the command line is a usage error: no report.
    write(&dir, "numcheck.toml", "");
    let out = numcheck(&dir, &["check", "--select", "nope", "draft.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr_of(&out).trim(),
        "numcheck: unknown rule \"nope\" (see `numcheck rules`)"
    );
    assert!(out.stdout.is_empty());
    // A bad --config is reported before any file is read.
    let out = numcheck(&dir, &["check", "--config", "missing.toml", "draft.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr_of(&out).trim(),
        "numcheck: missing.toml: no such file"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn severity_overrides_change_output_and_exit_status() {
    let dir = scratch("severity");
    write(&dir, "draft.md", WRONG_WEEKDAY);
    let out = numcheck(&dir, &["check", "draft.md"]);
    assert_eq!(out.status.code(), Some(1), "an error by default");

    write(
        &dir,
        "numcheck.toml",
        "[rules]\nweekday-mismatch = \"warning\"\n",
    );
    let out = numcheck(&dir, &["check", "draft.md"]);
    assert_eq!(out.status.code(), Some(0));
    let pretty = stdout_of(&out);
    assert!(pretty.starts_with("warning[weekday-mismatch]"), "{pretty}");
    assert!(
        pretty.ends_with("0 errors, 1 warning, 0 notes in 1 file\n"),
        "{pretty}"
    );
    let out = numcheck(&dir, &["check", "--fail-on", "warning", "draft.md"]);
    assert_eq!(out.status.code(), Some(1));
    let out = numcheck(&dir, &["check", "--format", "json", "draft.md"]);
    assert_eq!(findings(&out)[0].1, "warning");

    // A style rule that is off by default, turned on at a severity.
    write(
        &dir,
        "style.md",
        "Police arrested 3,000 people on Monday and 1500 people on Tuesday.\n",
    );
    write(
        &dir,
        "numcheck.toml",
        "[rules]\nnumber-style = \"error\"\nrelative-date = \"off\"\n",
    );
    let out = numcheck(&dir, &["check", "--format", "json", "style.md"]);
    assert_eq!(
        findings(&out),
        [("number-style".into(), "error".into(), "1500".into())]
    );
    assert_eq!(out.status.code(), Some(1));

    // The command line wins: --select runs a rule the file turns off.
    let out = numcheck(
        &dir,
        &[
            "check",
            "--format",
            "json",
            "--select",
            "relative-date",
            "style.md",
        ],
    );
    assert_eq!(rules_of(&out), ["relative-date"]);
}

#[test]
fn selection_and_parameters_from_the_file() {
    let dir = scratch("select");
    write(
        &dir,
        "draft.md",
        &format!("{WRONG_WEEKDAY}{OTHER_WRONG_WEEKDAY}"),
    );
    write(&dir, "numcheck.toml", "ignore = [\"weekday-mismatch\"]\n");
    let out = numcheck(&dir, &["check", "--format", "json", "draft.md"]);
    assert_eq!(findings(&out), []);
    write(&dir, "numcheck.toml", "select = [\"relative-date\"]\n");
    let out = numcheck(&dir, &["check", "--format", "json", "draft.md"]);
    assert_eq!(findings(&out), []);

    // 26 miles is 41.8 km: "39 km" is outside the default 2% tolerance,
    // inside 10%.
    let conversion = "An oil spill has fouled a 26-mile (39-km) stretch of coastline.\n";
    write(&dir, "conversion.md", conversion);
    write(&dir, "numcheck.toml", "");
    let out = numcheck(&dir, &["check", "--format", "json", "conversion.md"]);
    assert_eq!(rules_of(&out), ["conversion-mismatch"]);
    write(
        &dir,
        "numcheck.toml",
        "[parameters.conversion-mismatch]\ntolerance = 0.1\n",
    );
    let out = numcheck(&dir, &["check", "--format", "json", "conversion.md"]);
    assert_eq!(findings(&out), []);
}

#[test]
fn rule_folders_and_facts_are_relative_to_the_config() {
    let dir = scratch("folders");
    write(
        &dir,
        "numcheck.toml",
        "rule-folders = [\"house-rules\"]\nfacts = \"reference/facts.txt\"\n[rules]\nhouse-weekday = \"warning\"\n",
    );
    write(
        &dir,
        "house-rules/house-weekday.toml",
        r#"name = "house-weekday"
kind = "weekday"
severity = "error"
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
"#,
    );
    write(
        &dir,
        "reference/facts.txt",
        "The European Union has had 27 member states since the United Kingdom left on 2020-01-31.\n",
    );
    write(
        &dir,
        "desk/draft.md",
        &format!(
            "{OTHER_WRONG_WEEKDAY}Diplomats said the leaders of all 28 member states were expected to back her.\n"
        ),
    );
    // Run from elsewhere: the paths in the file are relative to the file.
    let out = numcheck(
        &dir.join("desk"),
        &["check", "--format", "json", "draft.md"],
    );
    let found = findings(&out);
    assert!(
        found.contains(&("house-weekday".into(), "warning".into(), "Thursday".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&(
            "fact-mismatch".into(),
            "error".into(),
            "28 member states".into()
        )),
        "{found:?}"
    );
    // --facts on the command line replaces the file's facts.
    let none = write(&dir, "no-facts.txt", "Nothing to see.\n");
    let out = numcheck(
        &dir.join("desk"),
        &[
            "check",
            "--format",
            "json",
            "--facts",
            none.to_str().expect("path"),
            "draft.md",
        ],
    );
    assert!(!rules_of(&out).contains(&"fact-mismatch".to_string()));
}

#[test]
fn excluded_files_are_skipped() {
    let dir = scratch("exclude");
    write(
        &dir,
        "numcheck.toml",
        "exclude = [\"archive/\", \"*.draft.md\"]\n",
    );
    write(&dir, "archive/2019/old.md", WRONG_WEEKDAY);
    write(&dir, "notes.draft.md", WRONG_WEEKDAY);
    write(&dir, "story.md", WRONG_WEEKDAY);
    let out = numcheck(
        &dir,
        &["check", "archive/2019/old.md", "notes.draft.md", "story.md"],
    );
    let pretty = stdout_of(&out);
    assert!(pretty.contains("--> story.md"), "{pretty}");
    assert!(
        !pretty.contains("old.md") && !pretty.contains("notes.draft.md"),
        "{pretty}"
    );
    assert!(pretty.ends_with("in 1 file\n"), "{pretty}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn config_prints_the_effective_configuration() {
    let dir = scratch("dump");
    write(
        &dir,
        "numcheck.toml",
        r#"# Every key.
select = ["weekday-mismatch", "number-style", "sum-mismatch", "unused-suppression"]
ignore = ["sum-mismatch"]
rule-folders = ["house-rules"]
facts = "facts.txt"
exclude = ["archive/"]

[rules]
number-style = "warning"
weekday-mismatch = "warning"
unused-suppression = "off"

[parameters.conversion-mismatch]
tolerance = 0.05
"#,
    );
    write(&dir, "facts.txt", "Nothing.\n");
    std::fs::create_dir_all(dir.join("house-rules")).expect("folder");
    write(&dir, "desk/draft.md", WRONG_WEEKDAY);
    let out = numcheck(&dir.join("desk"), &["config", "draft.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let shown = stdout_of(&out).replace(&dir.display().to_string(), "[DIR]");
    settings().bind(|| insta::assert_snapshot!("config-effective", shown));

    // Without a file: the defaults.
    let empty = scratch("dump-empty");
    let out = numcheck(&empty, &["config"]);
    let shown = stdout_of(&out);
    if empty.ancestors().any(|d| d.join("numcheck.toml").is_file()) {
        eprintln!("skipping the defaults check: a numcheck.toml above the temp folder");
    } else {
        assert!(
            shown.starts_with("# numcheck configuration: defaults"),
            "{shown}"
        );
        assert!(shown.contains("number-style = \"off\""), "{shown}");
    }
}

#[test]
fn suppression_comments_silence_findings() {
    let dir = scratch("suppress");
    let text = format!(
        "<!-- numcheck-disable-next-line weekday-mismatch -->\n\n{WRONG_WEEKDAY}\
         {OTHER_WRONG_WEEKDAY}\
         <!-- numcheck-disable -->\n{WRONG_WEEKDAY}<!-- numcheck-enable -->\n\
         <!-- numcheck-disable weekday-mismatch -->\n{OTHER_WRONG_WEEKDAY}"
    );
    write(&dir, "draft.md", &text);
    let out = numcheck(&dir, &["check", "--format", "json", "draft.md"]);
    // Only the line no comment covers; the range without enable runs to the end.
    assert_eq!(
        findings(&out),
        [("weekday-mismatch".into(), "error".into(), "Thursday".into())]
    );
    let doc: Json = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(doc["files"][0]["diagnostics"][0]["span"]["line"], 4);

    // A comment that suppresses nothing is a note; an unknown rule too.
    write(
        &dir,
        "stale.md",
        "<!-- numcheck-disable-next-line weekday-mismatch, no-such-rule -->\nThe talks opened on Monday, Oct. 21, 2024.\n",
    );
    let out = numcheck(&dir, &["check", "stale.md"]);
    assert_eq!(out.status.code(), Some(0));
    let pretty = stdout_of(&out);
    assert!(
        pretty.contains("info[unused-suppression]: unused suppression comment: no `weekday-mismatch` finding on the next line; `no-such-rule` is not a rule"),
        "{pretty}"
    );
    // … and can be turned off like any rule.
    write(
        &dir,
        "numcheck.toml",
        "[rules]\nunused-suppression = \"off\"\n",
    );
    let out = numcheck(&dir, &["check", "--format", "json", "stale.md"]);
    assert_eq!(findings(&out), []);
}

#[test]
fn directives_written_in_code_or_scripts_suppress_nothing() {
    let dir = scratch("suppress-code");
    let wrong = "The fair opens on Thursday, October 18, 2024, the mayor said.";
    write(
        &dir,
        "docs.md",
        &format!(
            "# Docs\n\n```markdown\n<!-- numcheck-disable -->\n```\n\n\
             Write `<!-- numcheck-disable -->` to silence a page.\n\n{wrong}\n"
        ),
    );
    write(
        &dir,
        "page.html",
        &format!("<script>var s = \"<!-- numcheck-disable -->\";</script>\n<p>{wrong}</p>\n"),
    );
    // A real comment, inline in a paragraph, still works.
    write(
        &dir,
        "real.md",
        &format!("Text <!-- numcheck-disable weekday-mismatch --> here.\n\n{wrong}\n"),
    );
    for file in ["docs.md", "page.html"] {
        let out = numcheck(&dir, &["check", "--format", "json", file]);
        assert_eq!(
            rules_of(&out),
            ["weekday-mismatch"],
            "{file}: {}",
            stdout_of(&out)
        );
        assert_eq!(out.status.code(), Some(1), "{file}");
    }
    let out = numcheck(&dir, &["check", "--format", "json", "real.md"]);
    assert!(rules_of(&out).is_empty(), "{}", stdout_of(&out));
}

#[test]
fn baselines_report_only_new_findings_and_survive_edits_elsewhere() {
    let dir = scratch("baseline");
    write(
        &dir,
        "archive/a.md",
        &format!("{WRONG_WEEKDAY}{WRONG_WEEKDAY}"),
    );
    write(&dir, "archive/b.md", OTHER_WRONG_WEEKDAY);
    let out = numcheck(
        &dir,
        &[
            "check",
            "--write-baseline",
            "baseline.json",
            "archive/a.md",
            "archive/b.md",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(out.stdout.is_empty());
    assert_eq!(
        stderr_of(&out).trim(),
        "numcheck: baseline.json: recorded 3 findings in 2 files"
    );
    let written = std::fs::read_to_string(dir.join("baseline.json")).expect("baseline");
    settings().bind(|| insta::assert_snapshot!("baseline-written", written));

    // Nothing new: clean, whichever way the files are named.
    let out = numcheck(
        &dir.join("archive"),
        &["check", "--baseline", "../baseline.json", "a.md", "./b.md"],
    );
    assert_eq!(
        stdout_of(&out),
        "0 errors, 0 warnings, 0 notes in 2 files\n"
    );
    assert_eq!(out.status.code(), Some(0));

    // Edits elsewhere — a new first paragraph, other words in the same
    // sentence — keep the baseline; a third copy of the same mistake is new.
    write(
        &dir,
        "archive/a.md",
        &format!(
            "A new opening paragraph, added after the baseline.\n\n{WRONG_WEEKDAY}Peace talks finally opened on Sunday, Oct. 21, 2024, in Geneva.\n{WRONG_WEEKDAY}"
        ),
    );
    let out = numcheck(
        &dir,
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "baseline.json",
            "archive/a.md",
            "archive/b.md",
        ],
    );
    let doc: Json = serde_json::from_slice(&out.stdout).expect("json");
    let diags = doc["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics");
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["span"]["line"], 5, "the third is the new one");
    assert_eq!(out.status.code(), Some(1), "status on what is reported");

    // A bad baseline file is an input error.
    write(&dir, "broken.json", "{\"version\": 1}\n");
    let out = numcheck(
        &dir,
        &["check", "--baseline", "broken.json", "archive/b.md"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(
        err.starts_with("numcheck: broken.json: missing field `findings`"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}

/// Copies the tree at `from` to `to` (files and folders only).
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

#[test]
fn a_baseline_outside_the_articles_folder_works_in_another_checkout() {
    let dir = scratch("baseline-moved");
    let first = dir.join("first");
    write(&first, "articles/art.md", WRONG_WEEKDAY);
    std::fs::create_dir_all(first.join("ci")).expect("ci folder");
    let out = numcheck(
        &first,
        &[
            "check",
            "--write-baseline",
            "ci/baseline.json",
            "articles/art.md",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let written: Json = serde_json::from_str(
        &std::fs::read_to_string(first.join("ci/baseline.json")).expect("baseline"),
    )
    .expect("baseline is JSON");
    assert_eq!(written["findings"][0]["path"], "../articles/art.md");

    // The same repository checked out somewhere else.
    let second = dir.join("elsewhere/second");
    copy_tree(&first, &second);
    std::fs::remove_dir_all(&first).expect("remove the first checkout");
    let out = numcheck(
        &second,
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "ci/baseline.json",
            "articles/art.md",
        ],
    );
    assert_eq!(findings(&out), [], "{}", stderr_of(&out));
    assert_eq!(out.status.code(), Some(0));
    // Named from inside the articles folder, it is the same file.
    let out = numcheck(
        &second.join("articles"),
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "../ci/baseline.json",
            "art.md",
        ],
    );
    assert_eq!(findings(&out), []);

    // A baseline written by an older numcheck, with the absolute path.
    let absolute = second.join("articles/art.md");
    let old = format!(
        "{{\"version\": 1, \"findings\": [{{\"path\": {}, \"rule\": \"weekday-mismatch\", \"text\": \"Sunday\", \"related\": [\"Sunday, Oct. 21, 2024\"]}}]}}\n",
        Json::from(absolute.display().to_string())
    );
    write(&second, "ci/old.json", &old);
    let out = numcheck(
        &second,
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "ci/old.json",
            "articles/art.md",
        ],
    );
    assert_eq!(findings(&out), [], "{}", stderr_of(&out));
}
