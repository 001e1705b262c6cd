//! `numcheck check --format sarif` against the official SARIF 2.1.0 schema
//! (OASIS, errata 01), which the repository ships in `tests/schemas/` (see
//! `tests/schemas/SOURCE.md`). The schema is draft-04 JSON Schema; `boon`
//! validates it, with format assertions on (`uri`, `uri-reference`). A
//! deliberately broken log must be rejected, so the check can fail.

use numcheck::report::{CheckedFile, Document, check_sarif};
use numcheck::rulebook::RuleExample;
use numcheck::{CheckOptions, Rulebook, check};
use serde_json::{Value as Json, json};

const SCHEMA: &str = include_str!("schemas/sarif-schema-2.1.0.json");
const KIRBY: &str = include_str!("../examples/kirby-briefing.txt");
const FACTS: &str = include_str!("../examples/kirby-facts.txt");

/// The schema's own identifier: the document is registered under it, so no
/// reference ever leaves the repository.
const SCHEMA_ID: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

struct Validator {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

impl Validator {
    fn new() -> Self {
        let schema: Json = serde_json::from_str(SCHEMA).expect("the shipped schema is JSON");
        assert_eq!(
            schema["id"], SCHEMA_ID,
            "the shipped schema is the OASIS one"
        );
        let mut compiler = boon::Compiler::new();
        compiler.enable_format_assertions();
        compiler
            .add_resource(SCHEMA_ID, schema)
            .expect("schema registers");
        let mut schemas = boon::Schemas::new();
        let index = compiler
            .compile(SCHEMA_ID, &mut schemas)
            .expect("the SARIF schema compiles");
        Validator { schemas, index }
    }

    fn check(&self, log: &Json) -> Result<(), String> {
        self.schemas
            .validate(log, self.index)
            .map_err(|e| format!("{e:#}"))
    }
}

fn sarif(files: &[(&str, &str, CheckOptions)]) -> Json {
    let book = Rulebook::builtin().expect("built-in rules load");
    let found: Vec<_> = files
        .iter()
        .map(|(_, text, options)| check(text, options, &book))
        .collect();
    let checked: Vec<CheckedFile<'_>> = files
        .iter()
        .zip(&found)
        .map(|((path, text, _), diagnostics)| CheckedFile {
            doc: Document { path, text },
            diagnostics,
        })
        .collect();
    serde_json::to_value(check_sarif::log(&checked, &book)).expect("the log is JSON")
}

fn dated() -> CheckOptions {
    CheckOptions {
        document_date: Some(jiff::civil::date(2024, 10, 23)),
        facts: Some(FACTS.to_string()),
        ..CheckOptions::default()
    }
}

#[test]
fn kirby_sarif_is_valid() {
    let v = Validator::new();
    let log = sarif(&[
        (
            "examples/kirby-briefing.txt",
            KIRBY,
            CheckOptions::default(),
        ),
        ("./dated/kirby briefing.txt", KIRBY, dated()),
    ]);
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert!(!results.is_empty());
    v.check(&log).expect("valid SARIF");
}

#[test]
fn no_findings_is_a_valid_log_with_empty_results() {
    let v = Validator::new();
    let log = sarif(&[(
        "quiet.txt",
        "Nothing to count here.",
        CheckOptions::default(),
    )]);
    assert_eq!(log["runs"][0]["results"], json!([]));
    v.check(&log).expect("valid SARIF");
}

fn example_options(ex: &RuleExample, rule: &str) -> CheckOptions {
    CheckOptions {
        document_date: ex
            .date
            .as_deref()
            .map(|d| numcheck::error::parse_iso_date(d).expect("example date")),
        facts: ex.facts.clone(),
        select: Some(vec![rule.to_string()]),
        ..CheckOptions::default()
    }
}

/// Every rule's firing examples in one log: every kind of finding, with its
/// related mentions and suggested fixes, must be valid SARIF.
#[test]
fn every_rule_example_is_valid_sarif() {
    let v = Validator::new();
    let book = Rulebook::builtin().expect("built-in rules load");
    let mut inputs = Vec::new();
    for rule in &book.rules {
        for (n, ex) in rule.fires.iter().enumerate() {
            inputs.push((
                format!("{}/fires-{}.txt", rule.name, n + 1),
                ex.text.clone(),
                example_options(ex, &rule.name),
            ));
        }
    }
    let files: Vec<(&str, &str, CheckOptions)> = inputs
        .iter()
        .map(|(p, t, o)| (p.as_str(), t.as_str(), o.clone()))
        .collect();
    let log = sarif(&files);
    let results = log["runs"][0]["results"].as_array().expect("results");
    let with = |key: &str| results.iter().filter(|r| r.get(key).is_some()).count();
    assert!(with("fixes") > 0, "some example carries a fix");
    assert!(
        with("relatedLocations") > 0,
        "some example has related mentions"
    );
    v.check(&log).expect("valid SARIF");
}

/// The validator is real: logs that break the schema are rejected.
#[test]
fn broken_logs_are_rejected() {
    let v = Validator::new();
    let good = sarif(&[(
        "examples/kirby-briefing.txt",
        KIRBY,
        CheckOptions::default(),
    )]);
    v.check(&good).expect("the unbroken log is valid");
    let mut breakages: Vec<(&str, Json)> = Vec::new();
    let mut bad = good.clone();
    bad["version"] = json!("2.0.0");
    breakages.push(("wrong version", bad));
    let mut bad = good.clone();
    bad["runs"][0]["results"][0]["level"] = json!("info");
    breakages.push(("level info (SARIF says note)", bad));
    let mut bad = good.clone();
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        json!(0);
    breakages.push(("line 0", bad));
    let mut bad = good.clone();
    bad["runs"][0]["columnKind"] = json!("characters");
    breakages.push(("unknown column kind", bad));
    let mut bad = good.clone();
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
        json!("a b:c%zz");
    breakages.push(("not a URI reference", bad));
    let mut bad = good.clone();
    if let Some(result) = bad["runs"][0]["results"][0].as_object_mut() {
        result.insert("severity".into(), json!("warning"));
    }
    breakages.push(("unknown property", bad));
    for (what, log) in breakages {
        assert!(
            v.check(&log).is_err(),
            "{what}: accepted, but must be rejected"
        );
    }
}
