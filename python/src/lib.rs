//! numcheck for Python: the native half of the `numcheck` package.
//!
//! Each function takes one article's text and returns that file's result as
//! the JSON text `numcheck check --format json` / `extract --format json`
//! prints for one file (one element of `"files"`); `numcheck/__init__.py`
//! parses it and hands back the list of findings or quantities. The work runs
//! with the GIL released, so Python threads check articles in parallel.
//!
//! A call reads its text the way the CLI reads a file of the given format
//! (plain text unless told; front matter date, suppression comments), resolves `config` like `--config` and
//! `facts` like `--facts`, and fails with the CLI's messages.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use numcheck::config::{self, Config, ConfigError, Overrides, Settings};
use numcheck::report::{self, Document};
use numcheck::source::{self, Format};
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

/// The path the per-file JSON carries: the text has none (the CLI writes
/// `-` for standard input, which is read the same way).
const SHOWN_PATH: &str = "-";

/// What the configuration passed to `check` is.
enum ConfigSource {
    /// The built-in rules and defaults (no `numcheck.toml` is searched for).
    Defaults,
    /// A `numcheck.toml` on disk: relative paths in it are relative to it.
    File(PathBuf),
    /// The text of a `numcheck.toml`: relative paths are relative to the
    /// current folder.
    Toml(String),
    /// The same as a JSON object (a Python dict, serialised by the wrapper).
    Json(String),
}

/// Where the reference facts come from.
enum FactsSource {
    None,
    File(PathBuf),
    Text(String),
}

/// Why a call failed: the message, and whether it is an I/O error (a file
/// that cannot be read) rather than bad input.
enum Failure {
    Value(String),
    Os(String),
}

impl From<Failure> for PyErr {
    fn from(f: Failure) -> PyErr {
        match f {
            Failure::Value(m) => PyValueError::new_err(m),
            Failure::Os(m) => PyOSError::new_err(m),
        }
    }
}

impl From<ConfigError> for Failure {
    fn from(e: ConfigError) -> Failure {
        match e {
            ConfigError::Io { .. } => Failure::Os(e.to_string()),
            other => Failure::Value(other.to_string()),
        }
    }
}

/// The name a configuration given as text shows in its messages.
const CONFIG_TEXT_NAME: &str = "<config>";

/// `bytes` as text, with the CLI's message when they are not UTF-8.
fn utf8(label: &str, bytes: Vec<u8>) -> Result<String, Failure> {
    String::from_utf8(bytes).map_err(|e| {
        Failure::Value(format!(
            "{label}: not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// A Python `str` or `bytes` as Rust text; `label` names the argument in
/// messages.
fn text_arg(label: &str, obj: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(utf8(label, b.as_bytes().to_vec())?);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(s.to_cow()?.into_owned());
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "{label}: expected str or bytes, got {}",
        obj.get_type().name()?
    )))
}

/// The `date` argument (an ISO string; the wrapper turns `datetime.date`
/// into one), with the CLI's message when it is not a date.
fn date_arg(date: Option<&str>) -> Result<Option<jiff::civil::Date>, Failure> {
    date.map(|d| {
        numcheck::error::parse_iso_date(d).map_err(|e| Failure::Value(format!("date: {e}")))
    })
    .transpose()
}

/// The `format` argument: how to read the text (`--input-format`).
fn format_arg(format: Option<&str>) -> Result<Format, Failure> {
    match format.unwrap_or("plain") {
        "plain" => Ok(Format::Plain),
        "markdown" => Ok(Format::Markdown),
        "html" => Ok(Format::Html),
        other => Err(Failure::Value(format!(
            "format: unknown input format {other:?} (plain, markdown, html)"
        ))),
    }
}

/// A file's text, with the CLI's `PATH: reason` messages.
fn read_file(path: &Path) -> Result<String, Failure> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::Os(format!("{shown}: {}", config::io_message(&e))))?;
    utf8(&shown, bytes)
}

/// The configuration `source` names, as written.
fn load_config(source: &ConfigSource) -> Result<Option<Config>, Failure> {
    Ok(match source {
        ConfigSource::Defaults => None,
        ConfigSource::File(path) => Some(Config::load(path)?),
        ConfigSource::Toml(text) => Some(Config::parse(Path::new(CONFIG_TEXT_NAME), text)?),
        ConfigSource::Json(json) => {
            let value: toml::Value = serde_json::from_str(json).map_err(|e| {
                Failure::Value(format!("{CONFIG_TEXT_NAME}: not a configuration: {e}"))
            })?;
            let text = toml::to_string(&value).map_err(|e| {
                Failure::Value(format!("{CONFIG_TEXT_NAME}: not a configuration: {e}"))
            })?;
            Some(Config::parse(Path::new(CONFIG_TEXT_NAME), &text)?)
        }
    })
}

/// The settings of a call with no configuration and no facts, resolved once.
fn default_settings() -> Result<&'static Settings, Failure> {
    static DEFAULTS: OnceLock<Result<Settings, String>> = OnceLock::new();
    DEFAULTS
        .get_or_init(|| {
            Config::default()
                .settings(&Overrides::default())
                .map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|e| Failure::Value(e.clone()))
}

/// One file's findings, as the CLI's `check --format json` writes the file.
/// The one place the package calls the report builders.
fn check_file_json(text: &str, diagnostics: &[numcheck::Diagnostic]) -> Result<String, Failure> {
    let doc = Document {
        path: SHOWN_PATH,
        text,
    };
    serde_json::to_string(&report::check_json::file(doc, diagnostics))
        .map_err(|e| Failure::Value(e.to_string()))
}

/// One file's quantities, as the CLI's `extract --format json` writes the file.
fn extract_file_json(text: &str, quantities: &[numcheck::Quantity]) -> Result<String, Failure> {
    let doc = Document {
        path: SHOWN_PATH,
        text,
    };
    serde_json::to_string(&report::extract_json::file(doc, quantities))
        .map_err(|e| Failure::Value(e.to_string()))
}

/// `numcheck check` on one file read as `format`, without the GIL.
fn run_check(
    text: &str,
    format: Option<&str>,
    date: Option<&str>,
    facts: &FactsSource,
    config: &ConfigSource,
) -> Result<String, Failure> {
    let format = format_arg(format)?;
    let document_date = date_arg(date)?;
    let facts = match facts {
        FactsSource::None => None,
        FactsSource::File(path) => Some(read_file(path)?),
        FactsSource::Text(text) => Some(text.clone()),
    };
    let owned;
    let settings = match (load_config(config)?, &facts) {
        (None, None) => default_settings()?,
        (found, _) => {
            let overrides = Overrides {
                facts,
                ..Overrides::default()
            };
            owned = found.unwrap_or_default().settings(&overrides)?;
            &owned
        }
    };
    let prose = source::prose(text, format);
    // `date`, else the date the text's front matter gives, as the CLI does.
    let options = numcheck::CheckOptions {
        document_date: document_date.or(prose.date),
        ..settings.options.clone()
    };
    let book = &settings.rulebook;
    let diagnostics = numcheck::check(&prose.text, &options, book);
    let diagnostics =
        numcheck::suppress::apply_in(text, prose.comments.as_deref(), diagnostics, &options, book);
    check_file_json(text, &diagnostics)
}

/// `numcheck extract` on one file read as `format`, without the GIL.
fn run_extract(text: &str, format: Option<&str>, date: Option<&str>) -> Result<String, Failure> {
    let format = format_arg(format)?;
    let document_date = date_arg(date)?;
    let prose = source::prose(text, format);
    let options = numcheck::Options {
        document_date: document_date.or(prose.date),
    };
    let quantities = numcheck::extract(&prose.text, &options);
    extract_file_json(text, &quantities)
}

/// The quantities of `text` as the JSON of one file of `numcheck extract
/// --format json`.
#[pyfunction]
#[pyo3(signature = (text, date=None, format=None))]
fn extract_json(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    date: Option<String>,
    format: Option<String>,
) -> PyResult<String> {
    let text = text_arg("text", text)?;
    Ok(py.detach(|| run_extract(&text, format.as_deref(), date.as_deref()))?)
}

/// The findings of `text` as the JSON of one file of `numcheck check
/// --format json`. At most one of `facts_path`/`facts_text` and one of
/// `config_path`/`config_toml`/`config_json` is given.
#[pyfunction]
#[pyo3(signature = (text, date=None, format=None, facts_path=None, facts_text=None, config_path=None, config_toml=None, config_json=None))]
#[allow(clippy::too_many_arguments)]
fn check_json(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    date: Option<String>,
    format: Option<String>,
    facts_path: Option<PathBuf>,
    facts_text: Option<&Bound<'_, PyAny>>,
    config_path: Option<PathBuf>,
    config_toml: Option<String>,
    config_json: Option<String>,
) -> PyResult<String> {
    let text = text_arg("text", text)?;
    let facts = match (facts_path, facts_text) {
        (Some(path), None) => FactsSource::File(path),
        (None, Some(t)) => FactsSource::Text(text_arg("facts", t)?),
        (None, None) => FactsSource::None,
        (Some(_), Some(_)) => {
            return Err(PyValueError::new_err(
                "facts: give a path or a text, not both",
            ));
        }
    };
    let config = match (config_path, config_toml, config_json) {
        (None, None, None) => ConfigSource::Defaults,
        (Some(path), None, None) => ConfigSource::File(path),
        (None, Some(t), None) => ConfigSource::Toml(t),
        (None, None, Some(j)) => ConfigSource::Json(j),
        _ => {
            return Err(PyValueError::new_err(
                "config: give one of a path, a TOML text or a dict",
            ));
        }
    };
    Ok(py.detach(|| run_check(&text, format.as_deref(), date.as_deref(), &facts, &config))?)
}

#[pymodule]
fn _numcheck(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(check_json, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
