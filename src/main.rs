//! The numcheck command line.

use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow};
use clap::{Parser, Subcommand, ValueEnum};

use numcheck::baseline::{self, Baseline};
use numcheck::config::{self, Config, Overrides, Resolver};
use numcheck::report::{self, Document};
use numcheck::{Rulebook, Severity};

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
    /// Files to check; `-` reads standard input.
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
    /// Files to read; `-` reads standard input.
    #[arg(required = true)]
    paths: Vec<String>,
}

/// A file's text, or the one-line reason it could not be read.
fn read_input(path: &str) -> Result<String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .context("cannot read standard input")?;
        buf
    } else {
        let p = Path::new(path);
        if p.is_dir() {
            return Err(anyhow!("is a directory, expected a file"));
        }
        std::fs::read(p).map_err(|e| anyhow!("{}", io_reason(&e)))?
    };
    String::from_utf8(bytes).map_err(|e| {
        anyhow!(
            "not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Reads each path in turn and hands its text to `f`; a path that cannot be
/// read gets one line on stderr and status 2, and the others still run.
fn for_each_input(paths: &[String], mut f: impl FnMut(&str, &str)) -> u8 {
    let mut status = 0;
    for path in paths {
        match read_input(path) {
            Ok(text) => f(path, &text),
            Err(e) => {
                eprintln!("numcheck: {path}: {e}");
                status = 2;
            }
        }
    }
    status
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
        Some(path) => Some(read_input(path).map_err(|e| anyhow!("{path}: {e}"))?),
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
    let mut new_baseline = Baseline::new();
    let color = args.format == CheckFormat::Pretty && io::stdout().is_terminal();
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let mut failed = false;
    let mut files = Vec::new();
    let mut pretty = String::new();
    let mut counts = [0usize; 3];
    let mut checked = 0;
    let mut config_errors = Vec::new();
    let mut usage_error = None;
    let mut kept: Vec<(String, String, Vec<numcheck::Diagnostic>)> = Vec::new();
    let status = for_each_input(&args.paths, |path, text| {
        let (config, settings) = match resolver.for_path(Path::new(path)) {
            Ok(found) => found,
            Err(e @ config::ConfigError::UnknownRule(_)) => {
                // A usage error (--select or --ignore): reported alone, below.
                usage_error.get_or_insert_with(|| e.to_string());
                return;
            }
            Err(e) => {
                let e = e.to_string();
                if !config_errors.contains(&e) {
                    eprintln!("numcheck: {e}");
                    config_errors.push(e);
                }
                return;
            }
        };
        if path != "-" && config.excludes(Path::new(path)) {
            return;
        }
        checked += 1;
        let (book, options) = (&settings.rulebook, &settings.options);
        let diagnostics = numcheck::check(text, options, book);
        let mut diagnostics = numcheck::suppress::apply(text, diagnostics, options, book);
        if let Some(file) = &args.write_baseline {
            new_baseline.record(
                &baseline::key_path(path, Path::new(file)),
                text,
                &diagnostics,
            );
            return;
        }
        if let Some(old) = &old_baseline {
            let key = baseline::key_path(path, Path::new(args.baseline.as_deref().unwrap_or("")));
            diagnostics = old.filter(&key, text, diagnostics);
        }
        for d in &diagnostics {
            counts[d.severity as usize] += 1;
            if threshold.is_some_and(|t| d.severity >= t) {
                failed = true;
            }
        }
        let doc = Document { path, text };
        match args.format {
            CheckFormat::Json => files.push(report::check_json::file(doc, &diagnostics)),
            CheckFormat::Pretty => {
                pretty.push_str(&report::check_pretty::render_file(doc, &diagnostics, color));
            }
            CheckFormat::Short | CheckFormat::Github | CheckFormat::Sarif => {
                kept.push((path.to_string(), text.to_string(), diagnostics));
            }
        }
    });
    if let Some(e) = usage_error {
        return Err(anyhow!(e));
    }
    let status = if config_errors.is_empty() { status } else { 2 };
    if let Some(file) = &args.write_baseline {
        std::fs::write(file, new_baseline.to_json())
            .map_err(|e| anyhow!("{file}: {}", io_reason(&e)))?;
        eprintln!(
            "numcheck: {file}: recorded {} finding{} in {checked} file{}",
            new_baseline.findings.len(),
            if new_baseline.findings.len() == 1 {
                ""
            } else {
                "s"
            },
            if checked == 1 { "" } else { "s" },
        );
        return Ok(status);
    }
    let kept: Vec<report::CheckedFile<'_>> = kept
        .iter()
        .map(|(path, text, diagnostics)| report::CheckedFile {
            doc: Document { path, text },
            diagnostics,
        })
        .collect();
    let out = match args.format {
        CheckFormat::Json => {
            let mut s = serde_json::to_string_pretty(&report::check_json::document(files))?;
            s.push('\n');
            s
        }
        CheckFormat::Pretty => {
            pretty.push_str(&report::check_pretty::summary(
                counts[2], counts[1], counts[0], checked,
            ));
            pretty
        }
        CheckFormat::Short => report::check_short::render(&kept),
        CheckFormat::Github => report::check_github::render(&kept),
        CheckFormat::Sarif => {
            // The rules' metadata as built in (and from --rules); each result
            // carries the severity its file's configuration gave it.
            let book = load_rulebook(args.rules.as_deref())?;
            let mut s = serde_json::to_string_pretty(&report::check_sarif::log(&kept, &book))?;
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

fn extract(args: &ExtractArgs) -> Result<u8> {
    let document_date = parse_date_arg(args.date.as_deref())?;
    let options = numcheck::Options { document_date };
    let mut files = Vec::new();
    let mut pretty = String::new();
    let status = for_each_input(&args.paths, |path, text| {
        let quantities = numcheck::extract(text, &options);
        let doc = Document { path, text };
        match args.format {
            ExtractFormat::Json => files.push(report::extract_json::file(doc, &quantities)),
            ExtractFormat::Pretty => {
                pretty.push_str(&report::extract_pretty::render_file(doc, &quantities));
            }
        }
    });
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
