//! Text → findings, and findings → the protocol's diagnostics.
//!
//! A document is checked as `numcheck check` checks the same file: with the
//! configuration of the nearest `numcheck.toml` (severities, selection, rule
//! folders, facts, parameters, excluded files), its prose read by format
//! (Markdown and HTML markup masked, the date its metadata declares), and its
//! suppression comments applied afterwards.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use lsp_types::{DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Uri};

use super::position::PositionMap;
use crate::checks::{CheckOptions, check};
use crate::config::{Config, Overrides, Resolved, Resolver, Settings};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::Error;
use crate::rulebook::Rulebook;
use crate::source::{self, Format};

/// A configuration file's state when it was last read: modification time
/// and length (two saves within one tick of a coarse clock still differ in
/// length more often than not).
type Stamp = Option<(SystemTime, u64)>;

fn stamp(file: &Path) -> Stamp {
    let meta = std::fs::metadata(file).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// A document's prose as the checks read it.
#[derive(Debug)]
pub struct Reading {
    /// The masked copy (same length as the document; non-prose bytes are
    /// spaces), so spans into it are spans into the document.
    pub prose: String,
    /// The date the document is checked at, when one is known before its
    /// text is read: the configuration's, else its metadata's.
    pub date: Option<jiff::civil::Date>,
    /// The document's real comments, where its format has them.
    pub comments: Option<Vec<crate::span::Span>>,
}

/// What the server checks documents with: each document's configuration,
/// found and resolved as the command line does, cached per configuration
/// file and read again when that file changes.
pub struct Linter {
    resolver: Resolver,
    /// The built-in rules and default options: for a document whose
    /// configuration cannot be used.
    defaults: Resolved,
    /// Each configuration file in use, as it was when resolved.
    stamps: Vec<(PathBuf, Stamp)>,
    /// The configuration problems already shown, with the file's state then:
    /// each is shown once until the file changes.
    shown: HashSet<(String, Stamp)>,
    /// Problems to show the user (`window/showMessage`).
    messages: Vec<String>,
}

impl std::fmt::Debug for Linter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Linter")
            .field("stamps", &self.stamps)
            .field("messages", &self.messages)
            .finish_non_exhaustive()
    }
}

impl Linter {
    /// The built-in rules, adjusted per document by the nearest
    /// `numcheck.toml`.
    pub fn new() -> Result<Linter, Error> {
        let defaults = Settings {
            rulebook: Rulebook::builtin()?,
            options: CheckOptions::default(),
        };
        Ok(Linter {
            resolver: Resolver::new(None, Overrides::default()),
            defaults: Arc::new((Config::default(), defaults)),
            stamps: Vec::new(),
            shown: HashSet::new(),
            messages: Vec::new(),
        })
    }

    /// Forgets every configuration read so far: the next check reads them
    /// again (a `numcheck.toml` was saved, created or deleted).
    pub fn forget(&mut self) {
        self.resolver = Resolver::new(None, Overrides::default());
        self.stamps.clear();
    }

    /// The configuration problems met since the last call, each once.
    pub fn take_messages(&mut self) -> Vec<String> {
        std::mem::take(&mut self.messages)
    }

    /// The configuration for a document at `path` (`None`: not a file, read
    /// as the command line reads standard input, from the server's folder).
    /// A configuration file that changed since it was read is read again; one
    /// that cannot be used is reported once and the defaults are used.
    fn resolved(&mut self, path: Option<&Path>) -> Resolved {
        let target = path.unwrap_or(Path::new("-"));
        let mut file = self.resolver.file_for(target);
        if let Some(f) = &file {
            let now = stamp(f);
            match self.stamps.iter().find(|(p, _)| p == f) {
                Some((_, seen)) if *seen == now => {}
                Some(_) => {
                    self.forget();
                    file = self.resolver.file_for(target);
                    if let Some(f) = &file {
                        self.stamps.push((f.clone(), stamp(f)));
                    }
                }
                None => self.stamps.push((f.clone(), now)),
            }
        }
        match self.resolver.for_path(target) {
            Ok(resolved) => resolved,
            Err(e) => {
                let message = format!("numcheck: {e}; checking with the default rules");
                let when = file.as_deref().and_then(stamp);
                if self.shown.insert((message.clone(), when)) {
                    self.messages.push(message);
                }
                Arc::clone(&self.defaults)
            }
        }
    }

    /// A document's configuration, its prose as its format says to read it,
    /// and whether the configuration excludes the file.
    fn prepare(
        &mut self,
        path: Option<&Path>,
        text: &str,
        format: Format,
    ) -> (Resolved, Reading, bool) {
        let resolved = self.resolved(path);
        let excluded = path.is_some_and(|p| resolved.0.excludes(p));
        let read = source::prose(text, format);
        let reading = Reading {
            prose: read.text.into_owned(),
            date: resolved.1.options.document_date.or(read.date),
            comments: read.comments,
        };
        (resolved, reading, excluded)
    }

    /// How the checks read a document: its masked prose and its date. Hover
    /// reads the same.
    pub fn read(&mut self, path: Option<&Path>, text: &str, format: Format) -> Reading {
        self.prepare(path, text, format).1
    }

    /// Everything the server reports for a document, as `numcheck check`
    /// reports it for the same file: nothing for an excluded file; else the
    /// findings in its prose, less those its suppression comments cover,
    /// plus the comments that cover nothing.
    pub fn diagnose(&mut self, path: Option<&Path>, text: &str, format: Format) -> Vec<Diagnostic> {
        let (resolved, reading, excluded) = self.prepare(path, text, format);
        if excluded {
            return Vec::new();
        }
        let settings = &resolved.1;
        // The date the document declares, unless the configuration gives one.
        let dated;
        let options = if reading.date == settings.options.document_date {
            &settings.options
        } else {
            dated = CheckOptions {
                document_date: reading.date,
                ..settings.options.clone()
            };
            &dated
        };
        let book = &settings.rulebook;
        let found = check(&reading.prose, options, book);
        // Suppression comments are read in the document as written (they
        // are masked out of the prose).
        crate::suppress::apply_in(text, reading.comments.as_deref(), found, options, book)
    }
}

/// The protocol's form of a finding: rule name as code, `help` after the
/// message, the other mentions as related information in the same document.
pub fn to_lsp(uri: &Uri, map: &PositionMap<'_>, d: &Diagnostic) -> lsp_types::Diagnostic {
    let message = match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    };
    let related = d
        .related
        .iter()
        .map(|r| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), map.range(r.span)),
            message: r.message.clone(),
        })
        .collect::<Vec<_>>();
    lsp_types::Diagnostic {
        range: map.range(d.span),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.clone())),
        code_description: None,
        source: Some("numcheck".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::position::Encoding;
    use lsp_types::Position;

    #[test]
    fn a_weekday_finding_after_emoji_and_quotes() {
        let text = "😀 “Talks” ended on Friday, October 17, 2024.";
        let mut linter = Linter::new().expect("built-in rules load");
        let found = linter.diagnose(None, text, Format::Plain);
        let d = found
            .iter()
            .find(|d| d.rule == "weekday-mismatch")
            .expect("weekday finding");
        let uri: Uri = "file:///tmp/talks.txt".parse().expect("URI");
        let map = PositionMap::new(text, Encoding::Utf16);
        let l = to_lsp(&uri, &map, d);
        // "😀 “Talks” ended on " is 2 + 1 + 7 + 10 = 20 UTF-16 units.
        assert_eq!(l.range.start, Position::new(0, 20));
        assert_eq!(l.range.end, Position::new(0, 26));
        assert_eq!(
            l.code,
            Some(NumberOrString::String("weekday-mismatch".into()))
        );
        assert_eq!(l.severity, Some(DiagnosticSeverity::ERROR));
        assert_eq!(l.source.as_deref(), Some("numcheck"));
        assert!(
            l.message.contains("\nhelp: write Thursday"),
            "{}",
            l.message
        );
        let related = l.related_information.expect("related mention");
        assert_eq!(related[0].location.uri, uri);
        assert_eq!(related[0].message, "the date");
        assert_eq!(related[0].location.range.start, Position::new(0, 20));
    }

    /// A fresh folder under the system's temporary directory.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("numcheck-lsp-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("drafts")).expect("create a scratch folder");
        dir
    }

    fn found(linter: &mut Linter, path: &Path, text: &str) -> Vec<(String, Severity)> {
        linter
            .diagnose(Some(path), text, Format::from_path(path))
            .into_iter()
            .map(|d| (d.rule, d.severity))
            .collect()
    }

    #[test]
    fn configuration_is_found_followed_and_falls_back() {
        let dir = scratch("config");
        let config = dir.join(crate::config::FILE_NAME);
        let write = |text: &str| std::fs::write(&config, text).expect("write numcheck.toml");
        write("exclude = [\"drafts/\"]\n[rules]\nweekday-mismatch = \"warning\"\n");
        let story = dir.join("story.md");
        // A wrong weekday in prose, another in a code block (not prose).
        let text =
            "Talks ended on Friday, October 17, 2024.\n\n```\nMonday, October 17, 2024\n```\n";
        let mut linter = Linter::new().expect("rules load");
        let weekday = |s: Severity| vec![("weekday-mismatch".to_string(), s)];
        assert_eq!(found(&mut linter, &story, text), weekday(Severity::Warning));
        assert!(found(&mut linter, &dir.join("drafts/a.md"), text).is_empty());
        assert!(linter.take_messages().is_empty());

        // The file changes: read again at the next check.
        write("[rules]\nweekday-mismatch = \"info\"\n");
        assert_eq!(found(&mut linter, &story, text), weekday(Severity::Info));
        assert_eq!(
            found(&mut linter, &dir.join("drafts/a.md"), text),
            weekday(Severity::Info)
        );

        // A bad file: the defaults, and one message however often it is met.
        write("[rules]\nweekday-mismatch = \"loudly\"\n");
        assert_eq!(found(&mut linter, &story, text), weekday(Severity::Error));
        assert_eq!(found(&mut linter, &story, text), weekday(Severity::Error));
        let messages = linter.take_messages();
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(
            messages[0].contains("numcheck.toml") && messages[0].contains("line 2"),
            "{messages:?}"
        );
        // Fixed, then forgotten on request (as on didSave).
        write("ignore = [\"weekday-mismatch\"]\n");
        linter.forget();
        assert!(found(&mut linter, &story, text).is_empty());
        assert!(linter.take_messages().is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn markdown_is_read_as_prose_with_its_declared_date() {
        let text = "---\ndate: 2024-10-23\n---\n\nTalks ended on Friday, says `Friday, October 17, 2024`.\n";
        let mut linter = Linter::new().expect("rules load");
        let reading = linter.read(None, text, Format::Markdown);
        assert_eq!(reading.prose.len(), text.len());
        assert_eq!(
            reading.date.map(|d| d.to_string()).as_deref(),
            Some("2024-10-23")
        );
        assert!(!reading.prose.contains("October"), "{:?}", reading.prose);
        // Friday before 2024-10-23 is the 18th: resolved, no finding; the
        // date in inline code is not read.
        let found = linter.diagnose(None, text, Format::Markdown);
        assert!(found.is_empty(), "{found:?}");
    }
}
