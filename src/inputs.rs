//! The files a command reads: paths and folders expanded, each file read in
//! its format (plain, Markdown, HTML) and handed to the command's work in
//! parallel, results in a stable order.

use std::collections::{BTreeMap, HashSet};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use anyhow::Result;
use clap::ValueEnum;

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
    Ok(Input::new(target.shown.clone(), text, format))
}

impl Input {
    /// A document given as text: read as `format`, by the extension of `path`
    /// when `auto` (`-`, standard input, is plain text).
    pub fn new(path: String, text: String, format: InputFormat) -> Input {
        let format = match format {
            InputFormat::Auto if path == "-" => Format::Plain,
            InputFormat::Auto => Format::from_path(Path::new(&path)),
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
        Input {
            path,
            text,
            masked,
            date,
            comments,
            warning,
        }
    }

    /// The warning line for stderr, if reading the document gave one.
    pub fn warning(&self) -> Option<String> {
        self.warning
            .as_ref()
            .map(|w| format!("{}: warning: {w}", self.path))
    }
}

/// What reading one file came to: its warning and the work's result, or the
/// line saying why it could not be read.
type Done<T> = Result<(Option<String>, T), String>;

/// Reads every file `paths` name (folders walked) and runs `f` on each, in
/// parallel, handing the results to `sink` one by one in the order of
/// [`expand_paths`] (or sorted by path, stably, when `by_path`), each as soon
/// as it and every file before it are done. At most a few files per thread
/// are held at once, so memory is bounded by the largest files, not the run.
/// A file that cannot be read gets one line on stderr and status 2; the
/// others still run. A file's warning is one line on stderr, in the same
/// order. An error from `sink` stops the run and is returned.
pub fn for_each_input<T: Send>(
    paths: &[String],
    format: InputFormat,
    by_path: bool,
    f: impl Fn(&Input) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<()>,
) -> Result<u8> {
    let mut targets = expand_paths(paths);
    if by_path {
        // Walk errors first (they have no path to sort by), then files.
        targets.sort_by(|a, b| match (a, b) {
            (Ok(a), Ok(b)) => Path::new(&a.shown).cmp(Path::new(&b.shown)),
            (Err(_), Ok(_)) => std::cmp::Ordering::Less,
            (Ok(_), Err(_)) => std::cmp::Ordering::Greater,
            (Err(_), Err(_)) => std::cmp::Ordering::Equal,
        });
    }
    let run = |target: &Result<Target, String>| -> Done<T> {
        let target = target.as_ref().map_err(Clone::clone)?;
        let input = load(target, format).map_err(|e| format!("{}: {e:#}", target.shown))?;
        Ok((input.warning(), f(&input)))
    };
    let mut status = 0;
    let mut take = |done: Done<T>| -> Result<()> {
        match done {
            Ok((warning, t)) => {
                if let Some(w) = warning {
                    eprintln!("numcheck: {w}");
                }
                sink(t)
            }
            Err(e) => {
                eprintln!("numcheck: {e}");
                status = 2;
                Ok(())
            }
        }
    };
    let threads = rayon::current_num_threads().max(1);
    if targets.len() <= 1 || threads == 1 {
        for target in &targets {
            take(run(target))?;
        }
    } else {
        in_order(&targets, threads, &run, &mut take)?;
    }
    Ok(status)
}

/// Runs `run` over `items` on `threads` threads and hands each result to
/// `take` in the items' order. A worker takes a token before it claims the
/// next item and the token comes back when that item's result is taken, so
/// at most `WINDOW_PER_THREAD * threads` results wait at once (a slow item
/// holds the others back, it does not let them pile up). An error from
/// `take` stops the workers and is returned.
fn in_order<I: Sync, R: Send>(
    items: &[I],
    threads: usize,
    run: &(impl Fn(&I) -> R + Sync),
    take: &mut impl FnMut(R) -> Result<()>,
) -> Result<()> {
    const WINDOW_PER_THREAD: usize = 4;
    let window = threads * WINDOW_PER_THREAD;
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let (token_tx, token_rx) = crossbeam_channel::bounded::<()>(window);
        // A panic in `run` comes back as a result too, so the item it was
        // on is not waited for forever; it is raised again on this thread.
        let (done_tx, done_rx) = crossbeam_channel::unbounded::<(usize, std::thread::Result<R>)>();
        for _ in 0..window {
            // The channel holds `window` tokens: these sends do not block.
            let _ = token_tx.send(());
        }
        for _ in 0..threads {
            let (token_rx, done_tx) = (token_rx.clone(), done_tx.clone());
            let (next, stop) = (&next, &stop);
            scope.spawn(move || {
                while token_rx.recv().is_ok() && !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let r = std::panic::catch_unwind(AssertUnwindSafe(|| run(item)));
                    if done_tx.send((i, r)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let mut waiting: BTreeMap<usize, std::thread::Result<R>> = BTreeMap::new();
        let mut want = 0;
        let result = loop {
            if want == items.len() {
                break Ok(());
            }
            if let Some(r) = waiting.remove(&want) {
                want += 1;
                let r = match r {
                    Ok(r) => r,
                    Err(panic) => break Err(Stopped::Panic(panic)),
                };
                if let Err(e) = take(r) {
                    break Err(Stopped::Error(e));
                }
                let _ = token_tx.send(());
                continue;
            }
            match done_rx.recv() {
                Ok((i, r)) => {
                    waiting.insert(i, r);
                }
                // Every worker has ended: nothing more will come.
                Err(_) => break Ok(()),
            }
        };
        // Let the workers end: no more tokens, nothing more taken.
        stop.store(true, Ordering::Relaxed);
        drop(token_tx);
        drop(done_rx);
        result
    })
    .or_else(|stopped| match stopped {
        Stopped::Error(e) => Err(e),
        Stopped::Panic(panic) => std::panic::resume_unwind(panic),
    })
}

/// Why [`in_order`] stopped early.
enum Stopped {
    Error(anyhow::Error),
    Panic(Box<dyn std::any::Any + Send>),
}
