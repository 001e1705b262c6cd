//! The numcheck command line.

use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow};
use clap::{Parser, Subcommand, ValueEnum};

mod inputs;

use inputs::{InputFormat, for_each_input};
use numcheck::report;
use numcheck::{CheckOptions, Rule, Rulebook, Severity};

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
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum CheckFormat {
    Pretty,
    Json,
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
    let Some(dir) = dir else { return Ok(book) };
    let entries = std::fs::read_dir(dir).map_err(|e| anyhow!("{dir}: {}", io_reason(&e)))?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    for path in paths {
        let shown = path.display().to_string();
        let text =
            std::fs::read_to_string(&path).map_err(|e| anyhow!("{shown}: {}", io_reason(&e)))?;
        book.add(Rule::parse(&shown, &text)?);
    }
    Ok(book)
}

fn check(args: &CheckArgs) -> Result<u8> {
    let document_date = parse_date_arg(args.date.as_deref())?;
    let book = load_rulebook(args.rules.as_deref())?;
    for name in args.select.iter().flatten().chain(&args.ignore) {
        if book.get(name).is_none() {
            return Err(anyhow!("unknown rule {name:?} (see `numcheck rules`)"));
        }
    }
    let facts = match &args.facts {
        Some(path) => Some(read_input(Path::new(path)).map_err(|e| anyhow!("{path}: {e}"))?),
        None => None,
    };
    let options = CheckOptions {
        document_date,
        facts,
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    };
    let color = args.format == CheckFormat::Pretty && io::stdout().is_terminal();
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let (reports, status) = for_each_input(&args.paths, args.input_format, |input| {
        // A date the file declares (front matter, <meta>) unless --date is given.
        let dated;
        let options = match input.date {
            Some(date) if options.document_date.is_none() => {
                dated = CheckOptions {
                    document_date: Some(date),
                    ..options.clone()
                };
                &dated
            }
            _ => &options,
        };
        let diagnostics = numcheck::check(input.prose(), options, &book);
        let rendered = match args.format {
            CheckFormat::Json => {
                Rendered::Json(report::check_json::file(input.document(), &diagnostics))
            }
            CheckFormat::Pretty => Rendered::Pretty(report::check_pretty::render_file(
                input.document(),
                &diagnostics,
                color,
            )),
        };
        let severities: Vec<Severity> = diagnostics.iter().map(|d| d.severity).collect();
        (rendered, severities)
    });
    let mut failed = false;
    let mut files = Vec::new();
    let mut pretty = String::new();
    let mut counts = [0usize; 3];
    let checked = reports.len();
    for (rendered, severities) in reports {
        for severity in severities {
            counts[severity as usize] += 1;
            if threshold.is_some_and(|t| severity >= t) {
                failed = true;
            }
        }
        match rendered {
            Rendered::Json(file) => files.push(file),
            Rendered::Pretty(text) => pretty.push_str(&text),
        }
    }
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
    };
    write_stdout(&out)?;
    Ok(if status != 0 {
        status
    } else {
        u8::from(failed)
    })
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

/// One file's report, rendered on a worker thread.
enum Rendered {
    Json(serde_json::Value),
    Pretty(String),
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
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("numcheck: {e:#}");
            ExitCode::from(2)
        }
    }
}
