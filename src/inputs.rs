//! The files a command reads: paths and folders expanded, each file read in
//! its format (plain, Markdown, HTML) and handed to the command's work in
//! parallel, results in a stable order.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::ValueEnum;
use rayon::prelude::*;

use numcheck::config::absolute;
use numcheck::report::Document;
use numcheck::source::{self, Format};

use crate::{io_reason, read_input};

/// How to read input files (`--input-format`).
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum InputFormat {
    /// By extension: .md and .markdown Markdown, .html and .htm HTML, else plain.
    Auto,
    Plain,
    Markdown,
    Html,
}

/// A file to read: the path as shown, and where it is (`-`: standard input).
struct Target {
    shown: String,
    path: PathBuf,
}

/// Extensions of the files read in a folder; a file named on the command
/// line is read whatever its extension.
const WALKED_EXTENSIONS: &[&str] = &["md", "markdown", "txt", "html", "htm"];

/// The files `paths` name, in order: a file as given, a folder's files
/// (walked with .gitignore and hidden files respected, those with a
/// [`WALKED_EXTENSIONS`] extension) sorted by path. A file named more than
/// once (twice, or also inside a named folder) is read once, where and as it
/// was first named. A folder that cannot be walked, or holds nothing to
/// check, gives the line to print instead.
fn expand_paths(paths: &[String]) -> Vec<Result<Target, String>> {
    let mut seen = HashSet::new();
    expand_all(paths)
        .into_iter()
        .filter(|target| match target {
            Ok(t) if t.shown == "-" => seen.insert(PathBuf::from("-")),
            // A file that does not exist is told apart by its path as written.
            Ok(t) => {
                seen.insert(std::fs::canonicalize(&t.path).unwrap_or_else(|_| absolute(&t.path)))
            }
            Err(_) => true,
        })
        .collect()
}

/// [`expand_paths`] before files named twice are dropped.
fn expand_all(paths: &[String]) -> Vec<Result<Target, String>> {
    let mut out = Vec::new();
    for given in paths {
        if given == "-" || !Path::new(given).is_dir() {
            out.push(Ok(Target {
                shown: given.clone(),
                path: PathBuf::from(given),
            }));
            continue;
        }
        let mut found = Vec::new();
        let mut failed = false;
        for entry in ignore::WalkBuilder::new(given).require_git(false).build() {
            match entry {
                Ok(e) => {
                    let walked = e.file_type().is_some_and(|t| t.is_file())
                        && e.path().extension().is_some_and(|x| {
                            WALKED_EXTENSIONS.iter().any(|w| x.eq_ignore_ascii_case(w))
                        });
                    if walked {
                        found.push(e.into_path());
                    }
                }
                Err(e) => {
                    failed = true;
                    out.push(Err(walk_error(given, &e)));
                }
            }
        }
        if found.is_empty() && !failed {
            out.push(Err(format!(
                "{given}: is a directory with no files to check (.{})",
                WALKED_EXTENSIONS.join(", .")
            )));
        }
        found.sort();
        out.extend(found.into_iter().map(|path| {
            Ok(Target {
                shown: path.display().to_string(),
                path,
            })
        }));
    }
    out
}

/// "path: problem" for an error met while walking `dir`.
fn walk_error(dir: &str, e: &ignore::Error) -> String {
    let mut path = None;
    let mut inner = e;
    loop {
        match inner {
            ignore::Error::WithPath { path: p, err } => {
                path.get_or_insert(p.display().to_string());
                inner = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                inner = err;
            }
            _ => break,
        }
    }
    let reason = match inner.io_error() {
        Some(io) => io_reason(io),
        None => inner.to_string(),
    };
    format!("{}: {reason}", path.as_deref().unwrap_or(dir))
}

/// A file as read: the path as shown, its text, and the prose the checks read.
pub struct Input {
    path: String,
    text: String,
    /// `text` with its markup masked (same length), when the format has markup.
    masked: Option<String>,
    /// The date the file's metadata gives (front matter, `<meta>`).
    pub date: Option<jiff::civil::Date>,
    /// The file's real comments, where its format has them (see
    /// [`numcheck::source::Prose::comments`]).
    pub comments: Option<Vec<numcheck::Span>>,
    /// A problem worth a warning that does not stop the file being read.
    warning: Option<String>,
}

impl Input {
    /// What extraction and the checks read; spans into it are spans into `text`.
    pub fn prose(&self) -> &str {
        self.masked.as_deref().unwrap_or(&self.text)
    }

    /// The original text, which reports show.
    pub fn document(&self) -> Document<'_> {
        Document {
            path: &self.path,
            text: &self.text,
        }
    }
}

/// Reads `target` as `format`: by its extension when `auto` (standard input
/// is plain text).
fn load(target: &Target, format: InputFormat) -> Result<Input> {
    let text = read_input(&target.path)?;
    let format = match format {
        InputFormat::Auto if target.shown == "-" => Format::Plain,
        InputFormat::Auto => Format::from_path(&target.path),
        InputFormat::Plain => Format::Plain,
        InputFormat::Markdown => Format::Markdown,
        InputFormat::Html => Format::Html,
    };
    let source::Prose {
        text: prose,
        date,
        comments,
    } = source::prose(&text, format);
    let warning = match format {
        Format::Html => None,
        Format::Plain | Format::Markdown => source::unreadable_front_matter_date(&text)
            .map(|value| format!("front matter date {value:?} is not a full date; ignored")),
    };
    let masked = match prose {
        std::borrow::Cow::Owned(m) => Some(m),
        std::borrow::Cow::Borrowed(_) => None,
    };
    Ok(Input {
        path: target.shown.clone(),
        text,
        masked,
        date,
        comments,
        warning,
    })
}

/// Reads every file `paths` name (folders walked) and runs `f` on each, in
/// parallel; the results come back in the order of [`expand_paths`]. A file
/// that cannot be read gets one line on stderr and status 2; the others
/// still run. A file's warning is one line on stderr, in the same order.
pub fn for_each_input<T: Send>(
    paths: &[String],
    format: InputFormat,
    f: impl Fn(&Input) -> T + Sync,
) -> (Vec<T>, u8) {
    let targets = expand_paths(paths);
    let run = |target: &Result<Target, String>| -> Result<(Option<String>, T), String> {
        let target = target.as_ref().map_err(Clone::clone)?;
        let input = load(target, format).map_err(|e| format!("{}: {e:#}", target.shown))?;
        let warning = input
            .warning
            .as_ref()
            .map(|w| format!("{}: warning: {w}", target.shown));
        Ok((warning, f(&input)))
    };
    let results: Vec<Result<(Option<String>, T), String>> = if targets.len() == 1 {
        targets.iter().map(run).collect()
    } else {
        targets.par_iter().map(run).collect()
    };
    let mut status = 0;
    let mut out = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok((warning, t)) => {
                if let Some(w) = warning {
                    eprintln!("numcheck: {w}");
                }
                out.push(t);
            }
            Err(e) => {
                eprintln!("numcheck: {e}");
                status = 2;
            }
        }
    }
    (out, status)
}
