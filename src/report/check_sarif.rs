//! `numcheck check --format sarif`: a SARIF 2.1.0 log, the format GitHub code
//! scanning and other result viewers read.
//!
//! One run. `tool.driver` names numcheck, its version and every rule in force
//! (`rules`, in rule-book order, so `ruleIndex` points into it), each with
//! its summary, its documentation (`numcheck explain`) and its default level.
//! Each finding is a result with its rule, level (`error`, `warning`, `note`),
//! message (and `help:` line), the mention's location, the other mentions as
//! `relatedLocations`, the suggested edits as `fixes`, and a
//! `partialFingerprints` entry that depends only on the rule and the text of
//! the mentions, so an edit elsewhere in the file does not make a known
//! finding look new.
//!
//! Locations: a relative path (relative to the folder numcheck ran in, which
//! in CI is the repository's root) is a relative `artifactLocation.uri` with
//! `uriBaseId` `%SRCROOT%`, as GitHub code scanning reads it: forward
//! slashes, a leading `./` dropped and anything outside the URI's unreserved
//! characters percent-encoded. The log does not say where `%SRCROOT%` is
//! (`originalUriBaseIds`), so it holds no absolute path of the machine that
//! wrote it; a viewer resolves it against the checkout. An absolute path is
//! a `file://` URI with no base. Standard input (`-`) is the URI `-`, with
//! no base. Regions give 1-based lines and columns
//! counted in Unicode code points (`run.columnKind` is `unicodeCodePoints`,
//! the characters the JSON output counts), the end column exclusive, and the
//! UTF-8 byte offset and length. Files come in path order and findings in
//! position order.

use rustc_hash::FxHashMap;
use serde_json::{Value as Json, json};

use super::{CheckedFile, Document, in_stable_order};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rulebook::{Rule, Rulebook};
use crate::span::{LineIndex, Span};

/// The schema this log follows: the OASIS SARIF 2.1.0 (errata 01) schema,
/// which `tests/schemas/` ships and a test validates against.
pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The `partialFingerprints` key: a hash of the rule and the mentions' text,
/// then `:n` for the n-th finding with that hash in the file.
pub const FINGERPRINT: &str = "numcheckMentions/v1";

/// The SARIF log for all `files`, checked with the rules of `book`.
pub fn log(files: &[CheckedFile<'_>], book: &Rulebook) -> Json {
    let rules: Vec<Json> = book.rules.iter().map(rule).collect();
    let mut results = Vec::new();
    for (doc, found) in in_stable_order(files) {
        let index = LineIndex::new(doc.text);
        let artifact = artifact_location(doc.path);
        let mut seen: FxHashMap<u64, usize> = FxHashMap::default();
        for d in found {
            let hash = mention_hash(doc.text, d);
            let n = seen.entry(hash).or_insert(0);
            *n += 1;
            let fingerprint = format!("{hash:016x}:{n}");
            let rule_index = book.rules.iter().position(|r| r.name == d.rule);
            results.push(result(doc, &index, &artifact, d, rule_index, &fingerprint));
        }
    }
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver(rules)},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

fn driver(rules: Vec<Json>) -> Json {
    let mut driver = json!({
        "name": "numcheck",
        "version": env!("CARGO_PKG_VERSION"),
    });
    // The project's address, once Cargo.toml names one.
    let home = option_env!("CARGO_PKG_HOMEPAGE").unwrap_or("");
    let repository = option_env!("CARGO_PKG_REPOSITORY").unwrap_or("");
    let address = if home.is_empty() { repository } else { home };
    if let Some(map) = driver.as_object_mut() {
        if !address.is_empty() {
            map.insert("informationUri".into(), json!(address));
        }
        map.insert("rules".into(), json!(rules));
    }
    driver
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A rule as a SARIF `reportingDescriptor`.
fn rule(r: &Rule) -> Json {
    let explain = r.explain();
    json!({
        "id": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": r.doc.what.trim()},
        "help": {"text": explain, "markdown": explain},
        "defaultConfiguration": {"level": level(r.severity), "enabled": r.enabled},
        "properties": {"kind": r.kind.name()},
    })
}

fn result(
    doc: Document<'_>,
    index: &LineIndex,
    artifact: &Json,
    d: &Diagnostic,
    rule_index: Option<usize>,
    fingerprint: &str,
) -> Json {
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let location =
        |span: Span| json!({"artifactLocation": artifact, "region": region(doc.text, index, span)});
    let related: Vec<Json> = d
        .related
        .iter()
        .enumerate()
        .map(|(k, r)| {
            json!({
                "id": k + 1,
                "physicalLocation": location(r.span),
                "message": {"text": r.message},
            })
        })
        .collect();
    let fixes: Vec<Json> = d
        .fixes
        .iter()
        .map(|f| {
            let description = match &d.help {
                Some(help) => help.clone(),
                None => format!(
                    "replace {:?} with {:?}",
                    f.span.text(doc.text),
                    f.replacement
                ),
            };
            json!({
                "description": {"text": description},
                "artifactChanges": [{
                    "artifactLocation": artifact,
                    "replacements": [{
                        "deletedRegion": region(doc.text, index, f.span),
                        "insertedContent": {"text": f.replacement},
                    }],
                }],
            })
        })
        .collect();
    let mut o = json!({
        "ruleId": d.rule,
        "level": level(d.severity),
        "message": {"text": message},
        "locations": [{"physicalLocation": location(d.span)}],
        "partialFingerprints": {FINGERPRINT: fingerprint},
    });
    if let Some(map) = o.as_object_mut() {
        if let Some(i) = rule_index {
            map.insert("ruleIndex".into(), json!(i));
        }
        if !related.is_empty() {
            map.insert("relatedLocations".into(), json!(related));
        }
        if !fixes.is_empty() {
            map.insert("fixes".into(), json!(fixes));
        }
    }
    o
}

/// A SARIF region: lines and code-point columns (end exclusive), byte offset
/// and length, and the text.
fn region(text: &str, index: &LineIndex, span: Span) -> Json {
    let start = index.line_column(text, span.start);
    let end = index.line_column(text, span.end);
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
        "byteOffset": span.start,
        "byteLength": span.len(),
        "snippet": {"text": span.text(text)},
    })
}

/// A file's SARIF `artifactLocation`: a relative path against `%SRCROOT%`,
/// an absolute path as a `file://` URI, standard input as `-`.
fn artifact_location(path: &str) -> Json {
    if path == "-" {
        json!({"uri": "-"})
    } else if std::path::Path::new(path).is_absolute() {
        json!({"uri": file_uri(path)})
    } else {
        json!({"uri": uri(path), "uriBaseId": SOURCE_ROOT})
    }
}

/// The `uriBaseId` of relative paths: the conventional name of the root of
/// the sources, which GitHub code scanning resolves to the checkout.
pub const SOURCE_ROOT: &str = "%SRCROOT%";

/// A path as a relative URI reference: forward slashes, no leading `./`,
/// every byte outside the unreserved characters and `/` percent-encoded (so
/// a `:` cannot read as a scheme, and spaces and non-ASCII names are valid).
pub fn uri(path: &str) -> String {
    let slashed = path.replace('\\', "/");
    let mut rest = slashed.as_str();
    while let Some(r) = rest.strip_prefix("./") {
        rest = r;
    }
    percent_encode(rest, b"/")
}

/// An absolute path as a `file://` URI (RFC 8089): `.` and `..` resolved,
/// forward slashes, a Windows drive (`C:`) after a `/`, a UNC share's server
/// as the authority, and every byte outside the unreserved characters, `/`
/// and `:` percent-encoded.
pub fn file_uri(path: &str) -> String {
    let normal = crate::config::absolute(std::path::Path::new(path));
    let slashed = normal.to_string_lossy().replace('\\', "/");
    let encoded = percent_encode(&slashed, b"/:");
    if encoded.starts_with("//") {
        // \\server\share\x → file://server/share/x
        format!("file:{encoded}")
    } else if encoded.starts_with('/') {
        format!("file://{encoded}")
    } else {
        format!("file:///{encoded}")
    }
}

/// `s` with every byte outside the URI's unreserved characters and `keep`
/// percent-encoded.
fn percent_encode(s: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') || keep.contains(&b)
        {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// FNV-1a (64-bit) over the rule and the text of each mention: stable across
/// platforms, Rust versions and edits elsewhere in the file.
fn mention_hash(text: &str, d: &Diagnostic) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes.iter().chain([0u8].iter()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    feed(d.rule.as_bytes());
    feed(d.span.text(text).as_bytes());
    for r in &d.related {
        feed(r.span.text(text).as_bytes());
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_references_with_forward_slashes() {
        assert_eq!(uri("./drafts/a.md"), "drafts/a.md");
        assert_eq!(uri(r"drafts\b c.md"), "drafts/b%20c.md");
        assert_eq!(uri("C:/x.md"), "C%3A/x.md");
        assert_eq!(uri("é.txt"), "%C3%A9.txt");
        assert_eq!(uri("-"), "-");
    }

    #[test]
    fn absolute_paths_are_file_uris() {
        if cfg!(unix) {
            assert_eq!(
                file_uri("/news room/./drafts/../é#1.md"),
                "file:///news%20room/%C3%A9%231.md"
            );
            assert_eq!(
                artifact_location("/a/b.md"),
                json!({"uri": "file:///a/b.md"})
            );
        }
        if cfg!(windows) {
            assert_eq!(file_uri(r"C:\news\a b.md"), "file:///C:/news/a%20b.md");
            assert_eq!(file_uri(r"\\server\share\a.md"), "file://server/share/a.md");
        }
        assert_eq!(
            artifact_location("./drafts/a.md"),
            json!({"uri": "drafts/a.md", "uriBaseId": "%SRCROOT%"})
        );
        assert_eq!(artifact_location("-"), json!({"uri": "-"}));
    }

    #[test]
    fn fingerprints_ignore_offsets_but_not_text() {
        let a = "Intro. 3,000 soldiers";
        let b = "A longer intro here. 3,000 soldiers";
        let at = |t: &str| {
            let s = t.find("3,000").expect("figure");
            Diagnostic::new("r", Severity::Info, Span::new(s, s + 5), "m".into())
        };
        assert_eq!(mention_hash(a, &at(a)), mention_hash(b, &at(b)));
        let c = "Intro. 4,000 soldiers";
        let s = c.find("4,000").expect("figure");
        let other = Diagnostic::new("r", Severity::Info, Span::new(s, s + 5), "m".into());
        assert_ne!(mention_hash(a, &at(a)), mention_hash(c, &other));
    }
}
