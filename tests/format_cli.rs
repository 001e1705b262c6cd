//! The CI formats through the binary: `--format short`, `github` and `sarif`
//! print the same whatever order the files are given in, keep the exit
//! statuses of the other formats, and report unreadable files on stderr.

use std::path::PathBuf;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_numcheck");

fn numcheck(dir: &PathBuf, args: &[&str]) -> Output {
    Command::new(BIN)
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the numcheck binary runs")
}

/// A scratch folder with two drafts that both have findings.
fn drafts(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("numcheck-format-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(dir.join("drafts")).expect("scratch dir");
    std::fs::write(
        dir.join("drafts/wildfire.txt"),
        "A wildfire destroyed more than 1,100 homes, fire officials said.\n\
         Rebuilding the 950 homes lost to the fire could cost $1 billion.\n",
    )
    .expect("scratch file");
    std::fs::write(
        dir.join("drafts/summit.txt"),
        "The summit opens on Thursday, October 18, 2024, in Brussels.\n",
    )
    .expect("scratch file");
    dir
}

#[test]
fn output_does_not_depend_on_the_order_of_the_paths() {
    let dir = drafts("order");
    for format in ["short", "github", "sarif"] {
        let ab = numcheck(
            &dir,
            &[
                "check",
                "--format",
                format,
                "drafts/wildfire.txt",
                "drafts/summit.txt",
            ],
        );
        let ba = numcheck(
            &dir,
            &[
                "check",
                "--format",
                format,
                "drafts/summit.txt",
                "drafts/wildfire.txt",
            ],
        );
        assert_eq!(ab.status.code(), Some(1), "{format}: errors fail the run");
        assert_eq!(ba.status.code(), Some(1), "{format}: errors fail the run");
        assert!(!ab.stdout.is_empty(), "{format}: findings are printed");
        assert_eq!(
            String::from_utf8_lossy(&ab.stdout),
            String::from_utf8_lossy(&ba.stdout),
            "{format}: output depends on the order of the paths"
        );
    }
    let short = numcheck(
        &dir,
        &[
            "check",
            "--format",
            "short",
            "drafts/wildfire.txt",
            "drafts/summit.txt",
        ],
    );
    assert_eq!(
        String::from_utf8_lossy(&short.stdout),
        "drafts/summit.txt:1:21: error [weekday-mismatch] Thursday does not match October 18, 2024, which is a Friday\n\
         drafts/wildfire.txt:2:16: error [quantity-conflict] 950 homes conflicts with more than 1,100 homes stated earlier for the same thing\n"
    );
}

#[test]
fn an_unreadable_file_is_reported_and_the_others_still_print() {
    let dir = drafts("missing");
    for format in ["short", "github", "sarif"] {
        let out = numcheck(
            &dir,
            &[
                "check",
                "--format",
                format,
                "drafts/missing.txt",
                "drafts/summit.txt",
            ],
        );
        assert_eq!(out.status.code(), Some(2), "{format}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "numcheck: drafts/missing.txt: no such file\n",
            "{format}"
        );
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("weekday-mismatch"),
            "{format}: the readable file is still reported"
        );
    }
}

#[test]
fn a_clean_file_prints_nothing_in_short_and_github() {
    let dir = drafts("clean");
    std::fs::write(dir.join("clean.txt"), "Nothing to count here.\n").expect("scratch file");
    for format in ["short", "github"] {
        let out = numcheck(&dir, &["check", "--format", format, "clean.txt"]);
        assert_eq!(out.status.code(), Some(0), "{format}");
        assert!(out.stdout.is_empty(), "{format}");
    }
    let sarif = numcheck(&dir, &["check", "--format", "sarif", "clean.txt"]);
    let log: serde_json::Value = serde_json::from_slice(&sarif.stdout).expect("SARIF is JSON");
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
}

#[test]
fn sarif_locations_are_source_root_relative_or_file_uris() {
    let dir = drafts("sarif-uris");
    std::fs::write(
        dir.join("drafts/the summit é.txt"),
        "The summit opens on Thursday, October 18, 2024, in Brussels.\n",
    )
    .expect("scratch file");
    let locations = |path: &str| -> Vec<serde_json::Value> {
        let out = numcheck(&dir, &["check", "--format", "sarif", path]);
        let log: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
        let result = &log["runs"][0]["results"][0];
        let mut all = vec![result["locations"][0]["physicalLocation"]["artifactLocation"].clone()];
        for related in result["relatedLocations"].as_array().into_iter().flatten() {
            all.push(related["physicalLocation"]["artifactLocation"].clone());
        }
        assert!(all.len() > 1, "the weekday finding has related mentions");
        all
    };
    // A relative path: relative to the source root.
    for location in locations("./drafts/the summit é.txt") {
        assert_eq!(
            location,
            serde_json::json!({"uri": "drafts/the%20summit%20%C3%A9.txt", "uriBaseId": "%SRCROOT%"})
        );
    }
    // An absolute path: a file URI, with no base.
    let absolute = dir.join("drafts/the summit é.txt");
    let absolute = absolute.to_str().expect("UTF-8 temp path");
    let slashed = absolute
        .replace(' ', "%20")
        .replace('é', "%C3%A9")
        .replace('\\', "/");
    let expected = if slashed.starts_with('/') {
        format!("file://{slashed}")
    } else {
        format!("file:///{slashed}")
    };
    for location in locations(absolute) {
        assert_eq!(location, serde_json::json!({ "uri": expected }));
    }
}
