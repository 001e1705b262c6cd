//! The numcheck command line.

use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::{Mutex, PoisonError};

use anyhow::{Context, Result, anyhow};
use clap::{Parser, Subcommand, ValueEnum};

mod inputs;

use inputs::{InputFormat, for_each_input};
use numcheck::baseline::{self, Baseline};
use numcheck::config::{self, Config, Overrides, Resolver};
use numcheck::report::{self, Document};
use numcheck::{CheckOptions, Diagnostic, Rulebook, Severity};

#[derive(Parser)]
#[command(
    name = "numcheck",
    version,
    about = "Checks the numbers in news articles against each other"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check the numbers in the given files against each other.
    Check(CheckArgs),
    /// List every quantity found in the given files.
    Extract(ExtractArgs),
    /// List the rules: name, check kind, default severity, summary.
    Rules(RulesArgs),
    /// Print a rule's documentation.
    Explain {
        /// The rule's name, e.g. weekday-mismatch.
        rule: String,
        /// Also load rule files from this folder.
        #[arg(long)]
        rules: Option<String>,
    },
    /// Print the effective configuration for a file or folder.
    Config(ConfigArgs),
    /// Run the language server on stdin/stdout (for editors).
    Lsp,
}

#[derive(clap::Args)]
struct ConfigArgs {
    /// Use this configuration file instead of the nearest numcheck.toml.
    #[arg(long)]
    config: Option<String>,
    /// The file or folder whose configuration to show (default: the current folder).
    path: Option<String>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum CheckFormat {
    Pretty,
    Json,
    /// One JSON object per file per line (the objects of `json`'s `files`).
    Jsonl,
    /// `path:line:col: severity [rule] message`, one line per finding.
    Short,
    /// GitHub Actions workflow commands (pull-request annotations).
    Github,
    /// A SARIF 2.1.0 log (GitHub code scanning and other viewers).
    Sarif,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Output format [default: pretty; jsonl with --stdin-jsonl].
    #[arg(long, value_enum)]
    format: Option<CheckFormat>,
    /// The article's date (YYYY-MM-DD): resolves relative dates.
    #[arg(long)]
    date: Option<String>,
    /// Reference facts, as prose, trusted as true.
    #[arg(long)]
    facts: Option<String>,
    /// A folder of extra rule files (*.toml).
    #[arg(long)]
    rules: Option<String>,
    /// Run only these rules (comma-separated).
    #[arg(long, value_delimiter = ',')]
    select: Option<Vec<String>>,
    /// Do not run these rules (comma-separated).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Exit with status 1 when a finding is at least this severe.
    #[arg(long, value_enum, default_value = "error")]
    fail_on: FailOn,
    /// Use this configuration file for every file, instead of the nearest numcheck.toml.
    #[arg(long)]
    config: Option<String>,
    /// Report only findings not recorded in this baseline file.
    #[arg(long, conflicts_with = "write_baseline")]
    baseline: Option<String>,
    /// Record the current findings in this baseline file, and report none.
    #[arg(long)]
    write_baseline: Option<String>,
    /// How to read the files (auto: by extension; standard input is plain).
    #[arg(long, value_enum, default_value = "auto")]
    input_format: InputFormat,
    /// Read documents from standard input, one JSON object per line:
    /// {"path": ..., "text": ..., "date"?: "YYYY-MM-DD"}; one result per line
    /// out, each written as its line is done.
    #[arg(long, conflicts_with = "paths")]
    stdin_jsonl: bool,
    /// Files or folders to check; `-` reads standard input.
    #[arg(required_unless_present = "stdin_jsonl")]
    paths: Vec<String>,
}

#[derive(clap::Args)]
struct RulesArgs {
    /// Also load rule files from this folder.
    #[arg(long)]
    rules: Option<String>,
    /// Print the rules as the README's Markdown table.
    #[arg(long)]
    markdown: bool,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ExtractFormat {
    Pretty,
    Json,
    /// One JSON object per file per line (the objects of `json`'s `files`).
    Jsonl,
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Output format [default: pretty; jsonl with --stdin-jsonl].
    #[arg(long, value_enum)]
    format: Option<ExtractFormat>,
    /// The article's date (YYYY-MM-DD), for resolving relative dates.
    #[arg(long)]
    date: Option<String>,
    /// How to read the files (auto: by extension; standard input is plain).
    #[arg(long, value_enum, default_value = "auto")]
    input_format: InputFormat,
    /// Read documents from standard input, one JSON object per line:
    /// {"path": ..., "text": ..., "date"?: "YYYY-MM-DD"}; one result per line
    /// out, each written as its line is done.
    #[arg(long, conflicts_with = "paths")]
    stdin_jsonl: bool,
    /// Files or folders to read; `-` reads standard input.
    #[arg(required_unless_present = "stdin_jsonl")]
    paths: Vec<String>,
}

/// A file's text, or the one-line reason it could not be read.
fn read_input(path: &Path) -> Result<String> {
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .context("cannot read standard input")?;
        buf
    } else {
        if path.is_dir() {
            return Err(anyhow!("is a directory, expected a file"));
        }
        std::fs::read(path).map_err(|e| anyhow!("{}", io_reason(&e)))?
    };
    String::from_utf8(bytes).map_err(|e| {
        anyhow!(
            "not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_lowercase(),
                None => s,
            }
        }
    }
}

fn parse_date_arg(date: Option<&str>) -> Result<Option<jiff::civil::Date>> {
    date.map(|d| numcheck::error::parse_iso_date(d).map_err(|e| anyhow!("--date: {e}")))
        .transpose()
}

/// The built-in rules plus those in `dir`; a bad rule file is an error naming it.
fn load_rulebook(dir: Option<&str>) -> Result<Rulebook> {
    let mut book = Rulebook::builtin()?;
    if let Some(dir) = dir {
        config::load_rule_folder(&mut book, Path::new(dir))?;
    }
    Ok(book)
}

/// What the command line says that wins over numcheck.toml.
fn overrides(args: &CheckArgs) -> Result<Overrides> {
    let mut rules = Rulebook { rules: Vec::new() };
    if let Some(dir) = &args.rules {
        config::load_rule_folder(&mut rules, Path::new(dir))?;
    }
    let facts = match &args.facts {
        Some(path) => Some(read_input(Path::new(path)).map_err(|e| anyhow!("{path}: {e}"))?),
        None => None,
    };
    Ok(Overrides {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        rules: rules.rules,
        facts,
        document_date: parse_date_arg(args.date.as_deref())?,
    })
}

/// What checking one file came to.
enum Outcome {
    /// Excluded by its configuration.
    Skipped,
    /// Its configuration could not be used: the message, and whether it is a
    /// usage error (an unknown rule on the command line).
    Unconfigured(String, bool),
    /// Checked: the file as shown and read, and its findings.
    Checked {
        path: String,
        text: String,
        diagnostics: Vec<Diagnostic>,
    },
}

fn check(args: &CheckArgs) -> Result<u8> {
    let format = output_format(
        args.format,
        args.stdin_jsonl,
        [CheckFormat::Pretty, CheckFormat::Jsonl],
    )?;
    let mut resolver = Resolver::new(args.config.as_ref().map(Into::into), overrides(args)?);
    if let Some(file) = &args.config {
        // A bad --config is a usage error: say so before reading any file.
        resolver
            .for_path(Path::new(file))
            .map_err(|e| anyhow!("{e}"))?;
    }
    let old_baseline = match &args.baseline {
        Some(file) => {
            let text =
                std::fs::read_to_string(file).map_err(|e| anyhow!("{file}: {}", io_reason(&e)))?;
            Some(Baseline::parse(file, &text)?)
        }
        None => None,
    };
    let color = format == CheckFormat::Pretty && io::stdout().is_terminal();
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    // The rules' metadata as built in (and from --rules), for SARIF; each
    // result carries the severity its file's configuration gave it.
    let sarif_book = match format {
        CheckFormat::Sarif => Some(load_rulebook(args.rules.as_deref())?),
        _ => None,
    };
    // Files are checked on several threads; each asks the shared resolver for
    // its configuration, resolved once per numcheck.toml.
    let resolver = Mutex::new(resolver);
    let work = |input: &inputs::Input| {
        let doc = input.document();
        let found = resolver
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .for_path(Path::new(doc.path))
            .map_err(|e| {
                let usage = matches!(e, config::ConfigError::UnknownRule(_));
                (e.to_string(), usage)
            });
        let resolved = match found {
            Ok(resolved) => resolved,
            Err((message, usage)) => return Outcome::Unconfigured(message, usage),
        };
        let (config, settings) = &*resolved;
        if doc.path != "-" && config.excludes(Path::new(doc.path)) {
            return Outcome::Skipped;
        }
        // A date the file declares (front matter, <meta>) unless --date is given.
        let dated;
        let options = match input.date {
            Some(date) if settings.options.document_date.is_none() => {
                dated = CheckOptions {
                    document_date: Some(date),
                    ..settings.options.clone()
                };
                &dated
            }
            _ => &settings.options,
        };
        let book = &settings.rulebook;
        let diagnostics = numcheck::check(input.prose(), options, book);
        // Suppression comments are read in the file as written (they are
        // masked out of the prose the checks read).
        let diagnostics = numcheck::suppress::apply_in(
            doc.text,
            input.comments.as_deref(),
            diagnostics,
            options,
            book,
        );
        Outcome::Checked {
            path: doc.path.to_string(),
            text: doc.text.to_string(),
            diagnostics,
        }
    };
    let mut report = CheckReport::new(format, color, sarif_book.as_ref());
    let mut config_errors: Vec<String> = Vec::new();
    let mut new_baseline = Baseline::new();
    let mut checked = 0usize;
    let mut failed = false;
    let mut counts = [0usize; 3];
    let mut status = 0;
    let mut take = |outcome: Outcome| -> Result<()> {
        match outcome {
            Outcome::Skipped => {}
            // A usage error (--select or --ignore): reported alone.
            Outcome::Unconfigured(message, true) => return Err(Usage(message).into()),
            Outcome::Unconfigured(message, false) => {
                if !config_errors.contains(&message) {
                    eprintln!("numcheck: {message}");
                    config_errors.push(message);
                }
                status = 2;
            }
            Outcome::Checked {
                path,
                text,
                diagnostics,
            } => {
                checked += 1;
                let diagnostics = match (&args.write_baseline, &old_baseline) {
                    (Some(file), _) => {
                        let key = baseline::key_path(&path, Path::new(file));
                        new_baseline.record(&key, &text, &diagnostics);
                        return Ok(());
                    }
                    (None, Some(old)) => {
                        let file = args.baseline.as_deref().unwrap_or("");
                        let key = baseline::key_path(&path, Path::new(file));
                        old.filter(&key, &text, diagnostics)
                    }
                    (None, None) => diagnostics,
                };
                for d in &diagnostics {
                    counts[d.severity as usize] += 1;
                    if threshold.is_some_and(|t| d.severity >= t) {
                        failed = true;
                    }
                }
                report.file(
                    Document {
                        path: &path,
                        text: &text,
                    },
                    &diagnostics,
                )?;
            }
        }
        Ok(())
    };
    let by_path = matches!(
        format,
        CheckFormat::Short | CheckFormat::Github | CheckFormat::Sarif
    );
    let ran = if args.stdin_jsonl {
        for_each_stdin_line(args.input_format, |input| take(work(&input)))
    } else {
        for_each_input(&args.paths, args.input_format, by_path, work, &mut take)
    };
    match ran {
        Ok(s) => status = status.max(s),
        Err(e) => match e.downcast::<Usage>() {
            Ok(usage) => {
                report.discard();
                return Err(anyhow!(usage.0));
            }
            Err(e) if e.is::<Closed>() => return Ok(status),
            Err(e) => return Err(e),
        },
    }
    if let Some(file) = &args.write_baseline {
        std::fs::write(file, new_baseline.to_json())
            .map_err(|e| anyhow!("{file}: {}", io_reason(&e)))?;
        let n = new_baseline.findings.len();
        eprintln!(
            "numcheck: {file}: recorded {n} finding{} in {checked} file{}",
            if n == 1 { "" } else { "s" },
            if checked == 1 { "" } else { "s" },
        );
        return Ok(status);
    }
    match report.finish(counts, checked) {
        Err(e) if e.is::<Closed>() => {}
        other => other?,
    }
    Ok(if status != 0 {
        status
    } else {
        u8::from(failed)
    })
}

/// The output format: as given, else pretty, or one line per document with
/// `--stdin-jsonl` (which writes nothing else).
fn output_format<F: Copy + PartialEq>(
    given: Option<F>,
    stdin_jsonl: bool,
    [pretty, jsonl]: [F; 2],
) -> Result<F> {
    match (given, stdin_jsonl) {
        (Some(f), true) if f != jsonl => Err(anyhow!(
            "--stdin-jsonl writes one JSON result per line: use it with --format jsonl (its default)"
        )),
        (Some(f), _) => Ok(f),
        (None, true) => Ok(jsonl),
        (None, false) => Ok(pretty),
    }
}

/// A usage error met while the files run (an unknown rule in --select or
/// --ignore): stops the run, and what was written is dropped.
#[derive(Debug)]
struct Usage(String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

/// Standard output was closed (`| head`): not an error, the run just stops.
#[derive(Debug)]
struct Closed;

impl std::fmt::Display for Closed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("standard output closed")
    }
}

impl std::error::Error for Closed {}

/// Standard output, buffered; flushed after each document.
type Out = io::BufWriter<io::StdoutLock<'static>>;

fn stdout() -> Out {
    io::BufWriter::with_capacity(64 * 1024, io::stdout().lock())
}

/// A write error: [`Closed`] for a closed pipe.
fn write_error(e: io::Error) -> anyhow::Error {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Closed.into()
    } else {
        anyhow::Error::new(e).context("cannot write to standard output")
    }
}

/// A serialisation error: all are write errors here (the values are typed).
fn json_error(e: serde_json::Error) -> anyhow::Error {
    match e.io_error_kind() {
        Some(kind) => write_error(io::Error::from(kind)),
        None => anyhow!("cannot write JSON: {e}"),
    }
}

/// `check`'s output, written document by document as each is done.
enum CheckReport<'b> {
    Json(report::JsonStream<Out>),
    Jsonl(Out),
    Sarif(report::check_sarif::SarifStream<'b, Out>),
    Pretty(Out, bool),
    Short(Out),
    Github(Out),
}

impl<'b> CheckReport<'b> {
    fn new(format: CheckFormat, color: bool, book: Option<&'b Rulebook>) -> Self {
        let out = stdout();
        match (format, book) {
            (CheckFormat::Json, _) => CheckReport::Json(report::JsonStream::new(out)),
            (CheckFormat::Jsonl, _) => CheckReport::Jsonl(out),
            (CheckFormat::Sarif, Some(book)) => {
                CheckReport::Sarif(report::check_sarif::SarifStream::new(out, book))
            }
            (CheckFormat::Pretty, _) => CheckReport::Pretty(out, color),
            (CheckFormat::Short, _) => CheckReport::Short(out),
            // SARIF is always given its rule book (see `check`).
            (CheckFormat::Github | CheckFormat::Sarif, _) => CheckReport::Github(out),
        }
    }

    /// Writes one file's findings and flushes.
    fn file(&mut self, doc: Document<'_>, diagnostics: &[Diagnostic]) -> Result<()> {
        match self {
            CheckReport::Json(s) => {
                s.file(&report::check_json::file(doc, diagnostics))
                    .map_err(json_error)?;
                s.writer().flush().map_err(write_error)
            }
            CheckReport::Jsonl(out) => {
                report::write_json_line(out, &report::check_json::file(doc, diagnostics))
                    .map_err(json_error)?;
                out.flush().map_err(write_error)
            }
            CheckReport::Sarif(s) => {
                s.file(doc, &report::in_position_order(diagnostics))
                    .map_err(json_error)?;
                s.writer().flush().map_err(write_error)
            }
            CheckReport::Pretty(out, color) => {
                let text = report::check_pretty::render_file(doc, diagnostics, *color);
                write_flushed(out, &text)
            }
            CheckReport::Short(out) => {
                let found = report::in_position_order(diagnostics);
                write_flushed(out, &report::check_short::render_file(doc, &found))
            }
            CheckReport::Github(out) => {
                let found = report::in_position_order(diagnostics);
                write_flushed(out, &report::check_github::render_file(doc, &found))
            }
        }
    }

    /// Ends the report: closes the JSON document, prints the summary.
    fn finish(self, counts: [usize; 3], checked: usize) -> Result<()> {
        let mut out = match self {
            CheckReport::Json(s) => s.finish().map_err(json_error)?,
            CheckReport::Sarif(s) => s.finish().map_err(json_error)?,
            CheckReport::Pretty(mut out, _) => {
                let summary =
                    report::check_pretty::summary(counts[2], counts[1], counts[0], checked);
                out.write_all(summary.as_bytes()).map_err(write_error)?;
                out
            }
            CheckReport::Jsonl(out) | CheckReport::Short(out) | CheckReport::Github(out) => out,
        };
        out.flush().map_err(write_error)
    }

    /// Drops what is buffered and not yet written.
    fn discard(self) {
        let out = match self {
            CheckReport::Json(s) => s.into_inner(),
            CheckReport::Sarif(s) => s.into_inner(),
            CheckReport::Jsonl(out)
            | CheckReport::Pretty(out, _)
            | CheckReport::Short(out)
            | CheckReport::Github(out) => out,
        };
        let _ = out.into_parts();
    }
}

fn write_flushed(out: &mut Out, text: &str) -> Result<()> {
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(write_error)
}

/// One line of `--stdin-jsonl` input. Other fields are ignored.
#[derive(serde::Deserialize)]
struct StdinDocument {
    path: String,
    text: String,
    #[serde(default)]
    date: Option<String>,
}

/// Reads `--stdin-jsonl` input, one document per line, and runs `each` on
/// each as it comes. Blank lines are skipped. A bad line (not UTF-8, not
/// JSON, no `path` or `text`, a bad `date`) gets one line on stderr naming
/// it (`<stdin>:LINE: problem`) and status 2, and the lines after it still
/// run. An error from `each` stops the run.
fn for_each_stdin_line(
    format: inputs::InputFormat,
    mut each: impl FnMut(inputs::Input) -> Result<()>,
) -> Result<u8> {
    let mut stdin = io::stdin().lock();
    let mut status = 0;
    let mut line = Vec::new();
    let mut number = 0usize;
    loop {
        line.clear();
        let n = stdin
            .read_until(b'\n', &mut line)
            .context("cannot read standard input")?;
        if n == 0 {
            break;
        }
        number += 1;
        match stdin_document(&line) {
            Ok(None) => {}
            Ok(Some((doc, date))) => {
                let mut input = inputs::Input::new(doc.path, doc.text, format);
                if let Some(w) = input.warning() {
                    eprintln!("numcheck: {w}");
                }
                if date.is_some() {
                    input.date = date;
                }
                each(input)?;
            }
            Err(problem) => {
                eprintln!("numcheck: <stdin>:{number}: {problem}");
                status = 2;
            }
        }
    }
    Ok(status)
}

/// One `--stdin-jsonl` line read: `None` for a blank line, else the document
/// and its date; or the problem with the line.
fn stdin_document(
    line: &[u8],
) -> std::result::Result<Option<(StdinDocument, Option<jiff::civil::Date>)>, String> {
    let line = std::str::from_utf8(line).map_err(|e| {
        format!(
            "not valid UTF-8 (invalid byte at offset {})",
            e.valid_up_to()
        )
    })?;
    if line.trim().is_empty() {
        return Ok(None);
    }
    let doc: StdinDocument = serde_json::from_str(line).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => {
            let message = e.to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(m, _)| m);
            format!("not a document ({{\"path\", \"text\", \"date\"?}}): {message}")
        }
        _ => format!("not valid JSON (column {})", e.column()),
    })?;
    let date = doc
        .date
        .as_deref()
        .map(numcheck::error::parse_iso_date)
        .transpose()
        .map_err(|e| format!("date: {e}"))?;
    Ok(Some((doc, date)))
}

/// `numcheck config [PATH]`: the effective configuration as TOML.
fn show_config(args: &ConfigArgs) -> Result<u8> {
    let config = match &args.config {
        Some(file) => Config::load(Path::new(file))?,
        None => {
            let path = Path::new(args.path.as_deref().unwrap_or("."));
            let dir = if path.is_dir() {
                path
            } else {
                path.parent().unwrap_or(Path::new("."))
            };
            match Config::discover(dir) {
                Some(file) => Config::load(&file)?,
                None => Config::default(),
            }
        }
    };
    let settings = config.settings(&Overrides::default())?;
    write_stdout(&config.dump(&settings))?;
    Ok(0)
}

fn list_rules(args: &RulesArgs) -> Result<u8> {
    let book = load_rulebook(args.rules.as_deref())?;
    if args.markdown {
        write_stdout(&book.markdown_table())?;
        return Ok(0);
    }
    let width = book.rules.iter().map(|r| r.name.len()).max().unwrap_or(0);
    let kind_width = book
        .rules
        .iter()
        .map(|r| r.kind.name().len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for r in &book.rules {
        let sev = if r.enabled {
            r.severity.as_str().to_string()
        } else {
            format!("{} (off)", r.severity.as_str())
        };
        out.push_str(&format!(
            "{:width$}  {:kind_width$}  {:13}  {}\n",
            r.name,
            r.kind.name(),
            sev,
            r.summary
        ));
    }
    write_stdout(&out)?;
    Ok(0)
}

fn explain(rule: &str, dir: Option<&str>) -> Result<u8> {
    let book = load_rulebook(dir)?;
    let rule = book
        .get(rule)
        .ok_or_else(|| anyhow!("unknown rule {rule:?} (see `numcheck rules`)"))?;
    write_stdout(&rule.explain())?;
    Ok(0)
}

/// One file's extraction report, rendered on a worker thread.
enum Rendered {
    /// JSON, written on the main thread: the file and its quantities.
    Json(String, String, Vec<numcheck::Quantity>),
    Pretty(String),
}

fn extract(args: &ExtractArgs) -> Result<u8> {
    let format = output_format(
        args.format,
        args.stdin_jsonl,
        [ExtractFormat::Pretty, ExtractFormat::Jsonl],
    )?;
    let document_date = parse_date_arg(args.date.as_deref())?;
    let options = numcheck::Options { document_date };
    let work = |input: &inputs::Input| {
        let options = numcheck::Options {
            document_date: options.document_date.or(input.date),
        };
        let quantities = numcheck::extract(input.prose(), &options);
        match format {
            ExtractFormat::Json | ExtractFormat::Jsonl => {
                let doc = input.document();
                Rendered::Json(doc.path.to_string(), doc.text.to_string(), quantities)
            }
            ExtractFormat::Pretty => Rendered::Pretty(report::extract_pretty::render_file(
                input.document(),
                &quantities,
            )),
        }
    };
    let mut json = match format {
        ExtractFormat::Json => Some(report::JsonStream::new(stdout())),
        _ => None,
    };
    let mut plain = stdout();
    let mut take = |rendered: Rendered| -> Result<()> {
        match rendered {
            Rendered::Json(path, text, quantities) => {
                let file = report::extract_json::file(
                    Document {
                        path: &path,
                        text: &text,
                    },
                    &quantities,
                );
                match &mut json {
                    Some(stream) => {
                        stream.file(&file).map_err(json_error)?;
                        stream.writer().flush().map_err(write_error)
                    }
                    None => {
                        report::write_json_line(&mut plain, &file).map_err(json_error)?;
                        plain.flush().map_err(write_error)
                    }
                }
            }
            Rendered::Pretty(text) => write_flushed(&mut plain, &text),
        }
    };
    let ran = if args.stdin_jsonl {
        for_each_stdin_line(args.input_format, |input| take(work(&input)))
    } else {
        for_each_input(&args.paths, args.input_format, false, work, &mut take)
    };
    let status = match ran {
        Ok(status) => status,
        Err(e) if e.is::<Closed>() => return Ok(0),
        Err(e) => return Err(e),
    };
    if let Some(stream) = json {
        match stream
            .finish()
            .map_err(json_error)
            .and_then(|mut out| out.flush().map_err(write_error))
        {
            Err(e) if e.is::<Closed>() => {}
            other => other?,
        }
    }
    Ok(status)
}

/// Serves an editor until it exits: status 0 after `shutdown` and `exit`, 1
/// when the editor exits or goes away without `shutdown`.
fn lsp() -> Result<u8> {
    Ok(match numcheck::lsp::run_stdio()? {
        numcheck::lsp::Ending::Clean => 0,
        numcheck::lsp::Ending::Abrupt => 1,
    })
}

/// Writes to stdout; a closed pipe is not an error.
fn write_stdout(s: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match &cli.command {
        Command::Check(args) => check(args),
        Command::Extract(args) => extract(args),
        Command::Rules(args) => list_rules(args),
        Command::Explain { rule, rules } => explain(rule, rules.as_deref()),
        Command::Config(args) => show_config(args),
        Command::Lsp => lsp(),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("numcheck: {e:#}");
            ExitCode::from(2)
        }
    }
}
