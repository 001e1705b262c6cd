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

use std::collections::BTreeMap;
use std::io::Write;

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::{CheckedFile, Document, in_stable_order, write_indent, write_pretty_at};
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

/// The SARIF version written.
const VERSION: &str = "2.1.0";

/// How columns count (see the module's documentation).
const COLUMN_KIND: &str = "unicodeCodePoints";

// The log's objects. Fields are in sorted key order, the order the log has
// always been written in.

/// The whole log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Log<'a> {
    #[serde(rename = "$schema")]
    pub schema: &'static str,
    pub runs: [Run<'a>; 1],
    pub version: &'static str,
}

/// The log's one run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Run<'a> {
    pub column_kind: &'static str,
    pub results: Vec<SarifResult<'a>>,
    pub tool: Tool<'a>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tool<'a> {
    pub driver: Driver<'a>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Driver<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub information_uri: Option<&'static str>,
    pub name: &'static str,
    pub rules: Vec<Descriptor<'a>>,
    pub version: &'static str,
}

/// A rule as a SARIF `reportingDescriptor`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Descriptor<'a> {
    pub default_configuration: DefaultConfiguration,
    pub full_description: Text<&'a str>,
    pub help: Help,
    pub id: &'a str,
    pub properties: Properties<'a>,
    pub short_description: Text<&'a str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DefaultConfiguration {
    pub enabled: bool,
    pub level: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Help {
    pub markdown: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Properties<'a> {
    pub kind: &'a str,
}

/// `{"text": ...}`: a message, description or snippet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text<T> {
    pub text: T,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifResult<'a> {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<FixJson<'a>>,
    pub level: &'static str,
    pub locations: [Location<'a>; 1],
    pub message: Text<String>,
    pub partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related_locations: Vec<RelatedLocation<'a>>,
    pub rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_index: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location<'a> {
    pub physical_location: PhysicalLocation<'a>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhysicalLocation<'a> {
    pub artifact_location: ArtifactLocation,
    pub region: Region<'a>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RelatedLocation<'a> {
    pub id: usize,
    pub message: Text<&'a str>,
    pub physical_location: PhysicalLocation<'a>,
}

/// A file's `artifactLocation`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactLocation {
    pub uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri_base_id: Option<&'static str>,
}

/// A region: lines and code-point columns (end exclusive), byte offset and
/// length, and the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Region<'a> {
    pub byte_length: usize,
    pub byte_offset: usize,
    pub end_column: usize,
    pub end_line: usize,
    pub snippet: Text<&'a str>,
    pub start_column: usize,
    pub start_line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FixJson<'a> {
    pub artifact_changes: [ArtifactChange<'a>; 1],
    pub description: Text<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactChange<'a> {
    pub artifact_location: ArtifactLocation,
    pub replacements: [Replacement<'a>; 1],
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Replacement<'a> {
    pub deleted_region: Region<'a>,
    pub inserted_content: Text<&'a str>,
}

/// The SARIF log for all `files`, checked with the rules of `book`.
pub fn log<'a>(files: &[CheckedFile<'a>], book: &'a Rulebook) -> Log<'a> {
    let mut results = Vec::new();
    for (doc, found) in in_stable_order(files) {
        results.extend(file_results(doc, &found, book));
    }
    Log {
        schema: SCHEMA,
        runs: [Run {
            column_kind: COLUMN_KIND,
            results,
            tool: tool(book),
        }],
        version: VERSION,
    }
}

/// One file's results, its findings given in the order to write them
/// (see [`super::in_position_order`]).
pub fn file_results<'a>(
    doc: Document<'a>,
    found: &[&'a Diagnostic],
    book: &Rulebook,
) -> Vec<SarifResult<'a>> {
    if found.is_empty() {
        return Vec::new();
    }
    let index = LineIndex::new(doc.text);
    let artifact = artifact_location(doc.path);
    let mut seen: FxHashMap<u64, usize> = FxHashMap::default();
    found
        .iter()
        .map(|d| {
            let hash = mention_hash(doc.text, d);
            let n = seen.entry(hash).or_insert(0);
            *n += 1;
            let fingerprint = format!("{hash:016x}:{n}");
            let rule_index = book.rules.iter().position(|r| r.name == d.rule);
            result(doc, &index, &artifact, d, rule_index, fingerprint)
        })
        .collect()
}

/// Writes the log file by file, byte for byte as
/// `serde_json::to_string_pretty` of [`log`] over all the files, followed by
/// a newline: give [`SarifStream::file`] the files in path order (as
/// [`in_stable_order`] sorts them), each with its findings in position order.
pub struct SarifStream<'b, W: Write> {
    out: W,
    book: &'b Rulebook,
    results: usize,
}

impl<'b, W: Write> SarifStream<'b, W> {
    /// A log to write to `out`; nothing is written before the first result
    /// (or [`SarifStream::finish`]).
    pub fn new(out: W, book: &'b Rulebook) -> Self {
        SarifStream {
            out,
            book,
            results: 0,
        }
    }

    /// The log up to its first result.
    fn head() -> serde_json::Result<String> {
        Ok(format!(
            "{{\n  \"$schema\": {},\n  \"runs\": [\n    {{\n      \"columnKind\": {},\n      \"results\": [",
            serde_json::to_string(SCHEMA)?,
            serde_json::to_string(COLUMN_KIND)?,
        ))
    }

    /// Writes one file's results (its findings in position order).
    pub fn file(&mut self, doc: Document<'_>, found: &[&Diagnostic]) -> serde_json::Result<()> {
        for r in file_results(doc, found, self.book) {
            if self.results == 0 {
                self.out
                    .write_all(Self::head()?.as_bytes())
                    .map_err(serde_json::Error::io)?;
            }
            let sep: &[u8] = if self.results == 0 { b"\n" } else { b",\n" };
            self.out.write_all(sep).map_err(serde_json::Error::io)?;
            write_indent(&mut self.out, 4).map_err(serde_json::Error::io)?;
            write_pretty_at(&mut self.out, 4, &r)?;
            self.results += 1;
        }
        Ok(())
    }

    /// Closes the log and hands back the writer (not flushed).
    pub fn finish(mut self) -> serde_json::Result<W> {
        if self.results == 0 {
            let head = Self::head()?;
            self.out
                .write_all(head.as_bytes())
                .and_then(|()| self.out.write_all(b"],\n      \"tool\": "))
                .map_err(serde_json::Error::io)?;
        } else {
            self.out
                .write_all(b"\n      ],\n      \"tool\": ")
                .map_err(serde_json::Error::io)?;
        }
        write_pretty_at(&mut self.out, 3, &tool(self.book))?;
        write!(
            self.out,
            "\n    }}\n  ],\n  \"version\": {}\n}}\n",
            serde_json::to_string(VERSION)?
        )
        .map_err(serde_json::Error::io)?;
        Ok(self.out)
    }

    /// The writer, to flush between files.
    pub fn writer(&mut self) -> &mut W {
        &mut self.out
    }

    /// The writer, the log left unfinished.
    pub fn into_inner(self) -> W {
        self.out
    }
}

fn tool(book: &Rulebook) -> Tool<'_> {
    // The project's address, once Cargo.toml names one.
    let home = option_env!("CARGO_PKG_HOMEPAGE").unwrap_or("");
    let repository = option_env!("CARGO_PKG_REPOSITORY").unwrap_or("");
    let address = if home.is_empty() { repository } else { home };
    Tool {
        driver: Driver {
            information_uri: (!address.is_empty()).then_some(address),
            name: "numcheck",
            rules: book.rules.iter().map(rule).collect(),
            version: env!("CARGO_PKG_VERSION"),
        },
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A rule as a SARIF `reportingDescriptor`.
fn rule(r: &Rule) -> Descriptor<'_> {
    let explain = r.explain();
    Descriptor {
        default_configuration: DefaultConfiguration {
            enabled: r.enabled,
            level: level(r.severity),
        },
        full_description: Text {
            text: r.doc.what.trim(),
        },
        help: Help {
            markdown: explain.clone(),
            text: explain,
        },
        id: &r.name,
        properties: Properties {
            kind: r.kind.name(),
        },
        short_description: Text { text: &r.summary },
    }
}

fn result<'a>(
    doc: Document<'a>,
    index: &LineIndex,
    artifact: &ArtifactLocation,
    d: &'a Diagnostic,
    rule_index: Option<usize>,
    fingerprint: String,
) -> SarifResult<'a> {
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let location = |span: Span| PhysicalLocation {
        artifact_location: artifact.clone(),
        region: region(doc.text, index, span),
    };
    let related_locations = d
        .related
        .iter()
        .enumerate()
        .map(|(k, r)| RelatedLocation {
            id: k + 1,
            message: Text { text: &r.message },
            physical_location: location(r.span),
        })
        .collect();
    let fixes = d
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
            FixJson {
                artifact_changes: [ArtifactChange {
                    artifact_location: artifact.clone(),
                    replacements: [Replacement {
                        deleted_region: region(doc.text, index, f.span),
                        inserted_content: Text {
                            text: &f.replacement,
                        },
                    }],
                }],
                description: Text { text: description },
            }
        })
        .collect();
    SarifResult {
        fixes,
        level: level(d.severity),
        locations: [Location {
            physical_location: location(d.span),
        }],
        message: Text { text: message },
        partial_fingerprints: BTreeMap::from([(FINGERPRINT, fingerprint)]),
        related_locations,
        rule_id: &d.rule,
        rule_index,
    }
}

/// A SARIF region: lines and code-point columns (end exclusive), byte offset
/// and length, and the text.
fn region<'a>(text: &'a str, index: &LineIndex, span: Span) -> Region<'a> {
    let start = index.line_column(text, span.start);
    let end = index.line_column(text, span.end);
    Region {
        byte_length: span.len(),
        byte_offset: span.start,
        end_column: end.column,
        end_line: end.line,
        snippet: Text {
            text: span.text(text),
        },
        start_column: start.column,
        start_line: start.line,
    }
}

/// A file's SARIF `artifactLocation`: a relative path against `%SRCROOT%`,
/// an absolute path as a `file://` URI, standard input as `-`.
fn artifact_location(path: &str) -> ArtifactLocation {
    if path == "-" {
        ArtifactLocation {
            uri: "-".to_string(),
            uri_base_id: None,
        }
    } else if std::path::Path::new(path).is_absolute() {
        ArtifactLocation {
            uri: file_uri(path),
            uri_base_id: None,
        }
    } else {
        ArtifactLocation {
            uri: uri(path),
            uri_base_id: Some(SOURCE_ROOT),
        }
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
    use serde_json::json;

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
                serde_json::to_value(artifact_location("/a/b.md")).ok(),
                Some(json!({"uri": "file:///a/b.md"}))
            );
        }
        if cfg!(windows) {
            assert_eq!(file_uri(r"C:\news\a b.md"), "file:///C:/news/a%20b.md");
            assert_eq!(file_uri(r"\\server\share\a.md"), "file://server/share/a.md");
        }
        assert_eq!(
            serde_json::to_value(artifact_location("./drafts/a.md")).ok(),
            Some(json!({"uri": "drafts/a.md", "uriBaseId": "%SRCROOT%"}))
        );
        assert_eq!(
            serde_json::to_value(artifact_location("-")).ok(),
            Some(json!({"uri": "-"}))
        );
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
