//! The numcheck command line.

use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow};
use clap::{Parser, Subcommand, ValueEnum};

use numcheck::report::{self, Document};

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
    /// List every quantity found in the given files.
    Extract(ExtractArgs),
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

fn extract(args: &ExtractArgs) -> Result<u8> {
    let document_date = match &args.date {
        Some(d) => Some(numcheck::error::parse_iso_date(d).map_err(|e| anyhow!("--date: {e}"))?),
        None => None,
    };
    let options = numcheck::Options { document_date };
    let mut status = 0;
    let mut files = Vec::new();
    let mut pretty = String::new();
    for path in &args.paths {
        let text = match read_input(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("numcheck: {path}: {e}");
                status = 2;
                continue;
            }
        };
        let quantities = numcheck::extract(&text, &options);
        let doc = Document { path, text: &text };
        match args.format {
            ExtractFormat::Json => files.push(report::extract_json::file(doc, &quantities)),
            ExtractFormat::Pretty => {
                pretty.push_str(&report::extract_pretty::render_file(doc, &quantities));
            }
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
        Command::Extract(args) => extract(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("numcheck: {e:#}");
            ExitCode::from(2)
        }
    }
}
