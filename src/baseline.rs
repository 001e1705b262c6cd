//! Baselines: the findings a newsroom accepts when it adopts numcheck on an
//! existing archive. `--write-baseline FILE` records them; `--baseline FILE`
//! reports only findings that are not in it.
//!
//! A finding is keyed by its file, its rule and the text of its mentions (the
//! main one and the related ones, whitespace runs read as one space), never by
//! offsets, so edits elsewhere in a file leave its baseline intact. Identical
//! keys in one file are told apart by an occurrence index, in text order.

use std::collections::HashMap;
use std::path::{Component, Path};

use serde::{Deserialize, Serialize};

use crate::config::absolute;
use crate::diagnostic::Diagnostic;

/// Why a baseline file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("{file}: {message}")]
    Invalid { file: String, message: String },
}

/// One recorded finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The file, relative to the baseline file's folder, `/`-separated.
    pub path: String,
    pub rule: String,
    /// The main mention's text.
    pub text: String,
    /// The related mentions' texts, in the finding's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    /// Which of the file's findings with this same key it is (0 for the first).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub occurrence: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// A baseline file: the recorded findings, sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

/// A finding's key without its path and occurrence: rule, text, related texts.
type Key = (String, String, Vec<String>);

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn key(text: &str, d: &Diagnostic) -> Key {
    (
        d.rule.clone(),
        squash(d.span.text(text)),
        d.related
            .iter()
            .map(|r| squash(r.span.text(text)))
            .collect(),
    )
}

/// The path a baseline records for `path` (as given on the command line):
/// relative to the folder of the baseline file, with `..` where the file is
/// not inside it, `/`-separated, so the same file has the same key however
/// it was named and wherever the repository is checked out. `-` stays `-`;
/// a file with no path relative to the folder (another drive) stays absolute.
pub fn key_path(path: &str, baseline_file: &Path) -> String {
    if path == "-" {
        return path.to_string();
    }
    let file = absolute(Path::new(path));
    let dir = absolute(baseline_file.parent().unwrap_or(Path::new("")));
    let file_parts: Vec<Component<'_>> = file.components().collect();
    let dir_parts: Vec<Component<'_>> = dir.components().collect();
    let common = file_parts
        .iter()
        .zip(&dir_parts)
        .take_while(|(a, b)| a == b)
        .count();
    // Nothing in common, not even the root: no relative path exists.
    let (ups, rest) = if common == 0 {
        (0, &file_parts[..])
    } else {
        (dir_parts.len() - common, &file_parts[common..])
    };
    let parts: Vec<String> = std::iter::repeat_n("..".to_string(), ups)
        .chain(
            rest.iter()
                .map(|c| c.as_os_str().to_string_lossy().into_owned()),
        )
        .collect();
    parts.join("/").replace("//", "/")
}

impl Baseline {
    pub const VERSION: u32 = 1;

    pub fn new() -> Baseline {
        Baseline {
            version: Self::VERSION,
            findings: Vec::new(),
        }
    }

    /// Records the findings of one file (`path` from [`key_path`]).
    pub fn record(&mut self, path: &str, text: &str, diagnostics: &[Diagnostic]) {
        let mut seen: HashMap<Key, usize> = HashMap::new();
        for d in diagnostics {
            let (rule, main, related) = key(text, d);
            let n = seen
                .entry((rule.clone(), main.clone(), related.clone()))
                .or_default();
            self.findings.push(Entry {
                path: path.to_string(),
                rule,
                text: main,
                related,
                occurrence: *n,
            });
            *n += 1;
        }
    }

    /// The baseline as JSON, findings sorted, ending in a newline.
    pub fn to_json(&self) -> String {
        let mut sorted = self.clone();
        sorted.findings.sort();
        let mut s = serde_json::to_string_pretty(&sorted).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Reads the text of the baseline file `shown` (its path as given, which
    /// names it in errors). Absolute paths, which older versions recorded for
    /// files outside the baseline's folder, are read as [`key_path`] would
    /// record them now.
    pub fn parse(shown: &str, text: &str) -> Result<Baseline, BaselineError> {
        let invalid = |message: String| BaselineError::Invalid {
            file: shown.to_string(),
            message,
        };
        let b: Baseline = serde_json::from_str(text).map_err(|e| invalid(e.to_string()))?;
        if b.version != Self::VERSION {
            return Err(invalid(format!(
                "baseline version {} (this numcheck reads version {})",
                b.version,
                Self::VERSION
            )));
        }
        let mut b = b;
        for e in &mut b.findings {
            if Path::new(&e.path).is_absolute() {
                e.path = key_path(&e.path, Path::new(shown));
            }
        }
        Ok(b)
    }

    /// The findings of one file that the baseline does not record.
    pub fn filter(&self, path: &str, text: &str, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        let mut recorded: HashMap<Key, usize> = HashMap::new();
        for e in self.findings.iter().filter(|e| e.path == path) {
            *recorded
                .entry((e.rule.clone(), e.text.clone(), e.related.clone()))
                .or_default() += 1;
        }
        if recorded.is_empty() {
            return diagnostics;
        }
        diagnostics
            .into_iter()
            .filter(|d| match recorded.get_mut(&key(text, d)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::span::Span;

    fn finding(text: &str, needle: &str, nth: usize) -> Diagnostic {
        let at = text.match_indices(needle).nth(nth).expect("needle").0;
        Diagnostic::new(
            "weekday-mismatch",
            Severity::Error,
            Span::new(at, at + needle.len()),
            "m".into(),
        )
    }

    #[test]
    fn keys_survive_edits_elsewhere_and_count_repeats() {
        let before = "Monday, Oct. 22.\nMonday, Oct. 22.\n";
        let mut b = Baseline::new();
        b.record(
            "a.md",
            before,
            &[finding(before, "Monday", 0), finding(before, "Monday", 1)],
        );
        let json = b.to_json();
        let b = Baseline::parse("b.json", &json).expect("round trip");
        assert_eq!(b.findings[1].occurrence, 1);
        let after =
            "A new first paragraph.\n\nMonday, Oct. 22.\nMonday,\n  Oct. 22.\nMonday, Oct. 22.\n";
        let found = vec![
            finding(after, "Monday", 0),
            finding(after, "Monday", 1),
            finding(after, "Monday", 2),
        ];
        let new = b.filter("a.md", after, found);
        assert_eq!(new.len(), 1, "only the third is new");
        assert_eq!(new[0].span, finding(after, "Monday", 2).span);
        assert_eq!(
            b.filter("other.md", after, vec![finding(after, "Monday", 0)])
                .len(),
            1
        );
    }

    #[test]
    fn bad_baselines_are_errors() {
        let e = Baseline::parse("b.json", "{\"version\": 1, \"findings\": [{\"path\": 3}]}")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("b.json: "), "{e}");
        let e = Baseline::parse("b.json", "{\"version\": 9, \"findings\": []}")
            .unwrap_err()
            .to_string();
        assert!(e.contains("version 9"), "{e}");
    }

    #[test]
    fn key_paths_are_relative_to_the_baseline() {
        let cwd = std::env::current_dir().expect("cwd");
        let baseline = cwd.join("baseline.json");
        assert_eq!(
            key_path("./drafts/../drafts/a.md", &baseline),
            "drafts/a.md"
        );
        assert_eq!(key_path("-", &baseline), "-");
        let nested = cwd.join("ci/baseline.json");
        assert_eq!(key_path("articles/a.md", &nested), "../articles/a.md");
        assert_eq!(key_path("ci/a.md", &nested), "a.md");
        let deep = cwd.join("ci/x/y/baseline.json");
        assert_eq!(key_path("ci/z/a.md", &deep), "../../z/a.md");
    }
}
