//! The numcheck command line.

use std::io::{self, IsTerminal, Read, Write};
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
    /// Output format.
    #[arg(long, value_enum, default_value = "pretty")]
    format: CheckFormat,
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
    /// Files or folders to check; `-` reads standard input.
    #[arg(required = true)]
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
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "pretty")]
    format: ExtractFormat,
    /// The article's date (YYYY-MM-DD), for resolving relative dates.
    #[arg(long)]
    date: Option<String>,
    /// How to read the files (auto: by extension; standard input is plain).
    #[arg(long, value_enum, default_value = "auto")]
    input_format: InputFormat,
    /// Files or folders to read; `-` reads standard input.
    #[arg(required = true)]
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
    let color = args.format == CheckFormat::Pretty && io::stdout().is_terminal();
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    // Files are checked on several threads; each asks the shared resolver for
    // its configuration, resolved once per numcheck.toml.
    let resolver = Mutex::new(resolver);
    let (outcomes, status) = for_each_input(&args.paths, args.input_format, |input| {
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
    });
    let mut status = status;
    let mut config_errors: Vec<String> = Vec::new();
    let mut new_baseline = Baseline::new();
    let mut kept: Vec<(String, String, Vec<Diagnostic>)> = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Skipped => {}
            // A usage error (--select or --ignore): reported alone.
            Outcome::Unconfigured(message, true) => return Err(anyhow!(message)),
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
                let diagnostics = match (&args.write_baseline, &old_baseline) {
                    (Some(file), _) => {
                        let key = baseline::key_path(&path, Path::new(file));
                        new_baseline.record(&key, &text, &diagnostics);
                        Vec::new()
                    }
                    (None, Some(old)) => {
                        let file = args.baseline.as_deref().unwrap_or("");
                        let key = baseline::key_path(&path, Path::new(file));
                        old.filter(&key, &text, diagnostics)
                    }
                    (None, None) => diagnostics,
                };
                kept.push((path, text, diagnostics));
            }
        }
    }
    let checked = kept.len();
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
    let mut failed = false;
    let mut counts = [0usize; 3];
    for d in kept.iter().flat_map(|(_, _, ds)| ds) {
        counts[d.severity as usize] += 1;
        if threshold.is_some_and(|t| d.severity >= t) {
            failed = true;
        }
    }
    let files: Vec<report::CheckedFile<'_>> = kept
        .iter()
        .map(|(path, text, diagnostics)| report::CheckedFile {
            doc: Document { path, text },
            diagnostics,
        })
        .collect();
    let out = match args.format {
        CheckFormat::Json => {
            let json: Vec<_> = files
                .iter()
                .map(|f| report::check_json::file(f.doc, f.diagnostics))
                .collect();
            let mut s = serde_json::to_string_pretty(&report::check_json::document(json))?;
            s.push('\n');
            s
        }
        CheckFormat::Pretty => {
            let mut pretty = String::new();
            for f in &files {
                pretty.push_str(&report::check_pretty::render_file(
                    f.doc,
                    f.diagnostics,
                    color,
                ));
            }
            pretty.push_str(&report::check_pretty::summary(
                counts[2], counts[1], counts[0], checked,
            ));
            pretty
        }
        CheckFormat::Short => report::check_short::render(&files),
        CheckFormat::Github => report::check_github::render(&files),
        CheckFormat::Sarif => {
            // The rules' metadata as built in (and from --rules); each result
            // carries the severity its file's configuration gave it.
            let book = load_rulebook(args.rules.as_deref())?;
            let mut s = serde_json::to_string_pretty(&report::check_sarif::log(&files, &book))?;
            s.push('\n');
            s
        }
    };
    write_stdout(&out)?;
    Ok(if status != 0 {
        status
    } else {
        u8::from(failed)
    })
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
    Json(serde_json::Value),
    Pretty(String),
}

fn extract(args: &ExtractArgs) -> Result<u8> {
    let document_date = parse_date_arg(args.date.as_deref())?;
    let options = numcheck::Options { document_date };
    let (reports, status) = for_each_input(&args.paths, args.input_format, |input| {
        let options = numcheck::Options {
            document_date: options.document_date.or(input.date),
        };
        let quantities = numcheck::extract(input.prose(), &options);
        match args.format {
            ExtractFormat::Json => {
                Rendered::Json(report::extract_json::file(input.document(), &quantities))
            }
            ExtractFormat::Pretty => Rendered::Pretty(report::extract_pretty::render_file(
                input.document(),
                &quantities,
            )),
        }
    });
    let mut files = Vec::new();
    let mut pretty = String::new();
    for rendered in reports {
        match rendered {
            Rendered::Json(file) => files.push(file),
            Rendered::Pretty(text) => pretty.push_str(&text),
        }
    }
    let out = match args.format {
        ExtractFormat::Json => {
            let mut s = serde_json::to_string_pretty(&report::extract_json::document(files))?;
            s.push('\n');
            s
        }
        ExtractFormat::Pretty => pretty,
    };
    write_stdout(&out)?;
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
