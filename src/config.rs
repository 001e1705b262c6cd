//! Configuration: `numcheck.toml`, found by walking up from each checked
//! file's folder (the nearest wins), or named with `--config`.
//!
//! ```toml
//! select = ["weekday-mismatch", "sum-mismatch"]   # only these rules (optional)
//! ignore = ["vague-quantity"]                      # leave these out
//! rule-folders = ["house-rules"]                   # more rule files, relative to this file
//! facts = "facts.txt"                              # reference facts, relative to this file
//! exclude = ["archive/", "*.draft.md"]             # .gitignore syntax, relative to this file
//!
//! [rules]                                          # rule name → on, off, info, warning, error
//! number-style = "warning"
//! ambiguous-unit = "off"
//!
//! [parameters.rate-mismatch]                       # a rule's declared parameters
//! tolerance = 0.05
//! ```
//!
//! A [`Config`] is the file as written; [`Config::settings`] resolves it
//! against the rules and the command line's overrides into the [`Settings`] a
//! check runs with. [`Resolver`] finds and caches them per folder.

use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::checks::CheckOptions;
use crate::diagnostic::Severity;
use crate::rulebook::{Rule, Rulebook};

/// The configuration file's name.
pub const FILE_NAME: &str = "numcheck.toml";

/// Why a configuration could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file is not valid TOML of the configuration's shape, or names a
    /// rule or parameter that does not exist.
    #[error("{file}: {message}")]
    Invalid { file: String, message: String },
    /// A file or folder the configuration names cannot be read.
    #[error("{path}: {message}")]
    Io { path: String, message: String },
    /// A rule named on the command line that does not exist.
    #[error("unknown rule {0:?} (see `numcheck rules`)")]
    UnknownRule(String),
    /// A bad rule file in a rule folder.
    #[error(transparent)]
    Rule(#[from] crate::Error),
}

/// A rule's setting in `[rules]`: on at its default severity, off, or on at
/// the given severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleSetting {
    On,
    Off,
    Info,
    Warning,
    Error,
}

impl RuleSetting {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleSetting::On => "on",
            RuleSetting::Off => "off",
            RuleSetting::Info => "info",
            RuleSetting::Warning => "warning",
            RuleSetting::Error => "error",
        }
    }

    fn severity(self) -> Option<Severity> {
        match self {
            RuleSetting::Info => Some(Severity::Info),
            RuleSetting::Warning => Some(Severity::Warning),
            RuleSetting::Error => Some(Severity::Error),
            RuleSetting::On | RuleSetting::Off => None,
        }
    }

    fn of(severity: Severity) -> RuleSetting {
        match severity {
            Severity::Info => RuleSetting::Info,
            Severity::Warning => RuleSetting::Warning,
            Severity::Error => RuleSetting::Error,
        }
    }
}

/// The file as TOML: every key optional, unknown keys rejected.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    #[serde(default)]
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    rule_folders: Vec<String>,
    #[serde(default)]
    facts: Option<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, RuleSetting>,
    #[serde(default)]
    parameters: BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, toml::Value>>,
}

/// A name as written in the file, with its line for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    pub line: usize,
}

/// Parameter name → (value, line).
pub type ParameterValues = BTreeMap<String, (toml::Value, usize)>;

/// A configuration as written: one `numcheck.toml`, or the defaults when
/// there is none.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it was read from; `None` for the defaults.
    pub file: Option<PathBuf>,
    /// The file's path as messages show it.
    pub shown: String,
    pub select: Option<Vec<Named>>,
    pub ignore: Vec<Named>,
    /// Folders of extra rule files, as written (relative to the file).
    pub rule_folders: Vec<String>,
    /// The facts file, as written (relative to the file).
    pub facts: Option<String>,
    /// File patterns to skip, `.gitignore` syntax, relative to the file.
    pub exclude: Vec<String>,
    /// Rule name → setting.
    pub rules: BTreeMap<String, (RuleSetting, usize)>,
    /// Rule name → (the table's line, its parameters).
    pub parameters: BTreeMap<String, (usize, ParameterValues)>,
    excluder: Option<ignore::gitignore::Gitignore>,
}

/// What the command line says, which wins over the configuration.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--select`: replaces the configuration's selection and ignore list.
    pub select: Option<Vec<String>>,
    /// `--ignore`: added to the configuration's ignore list.
    pub ignore: Vec<String>,
    /// Rules from `--rules DIR`, loaded after the configuration's folders
    /// (so they replace rules of the same name).
    pub rules: Vec<Rule>,
    /// The text of `--facts FILE`, instead of the configuration's facts.
    pub facts: Option<String>,
    /// `--date`.
    pub document_date: Option<jiff::civil::Date>,
}

/// What a check runs with: the rules (severities, parameters and user rules
/// applied) and the options (selection, facts, date).
#[derive(Debug, Clone)]
pub struct Settings {
    pub rulebook: Rulebook,
    pub options: CheckOptions,
}

/// The line (1-based) of byte offset `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    text.get(..at).map_or(0, |t| t.matches('\n').count()) + 1
}

/// A reason for an I/O error in a few words ("no such file").
pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_lowercase(),
                None => s,
            }
        }
    }
}

/// `path` as messages show it: relative to the current folder when inside
/// it, else as it is.
pub fn shown_path(path: &Path) -> String {
    if let Ok(cwd) = std::env::current_dir()
        && let Ok(rel) = path.strip_prefix(&cwd)
    {
        return rel.display().to_string();
    }
    path.display().to_string()
}

/// `path` made absolute against the current folder, with `.` and `..`
/// removed without touching the file system.
pub fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

impl Config {
    /// Parses a configuration file's text; `file` is where it was read from.
    pub fn parse(file: &Path, text: &str) -> Result<Config, ConfigError> {
        let shown = shown_path(file);
        let invalid = |message: String| ConfigError::Invalid {
            file: shown.clone(),
            message,
        };
        let raw: ConfigFile = toml::from_str(text)
            .map_err(|e| invalid(crate::error::toml_message(text, &e).replace('\n', " ")))?;
        let named = |s: Spanned<String>| Named {
            line: line_of(text, s.span().start),
            name: s.into_inner(),
        };
        let base = absolute(file.parent().unwrap_or(Path::new("")));
        let excluder = if raw.exclude.is_empty() {
            None
        } else {
            let mut builder = ignore::gitignore::GitignoreBuilder::new(&base);
            for pattern in &raw.exclude {
                builder
                    .add_line(None, pattern)
                    .map_err(|e| invalid(format!("exclude pattern {pattern:?}: {e}")))?;
            }
            Some(
                builder
                    .build()
                    .map_err(|e| invalid(format!("exclude: {e}")))?,
            )
        };
        Ok(Config {
            file: Some(file.to_path_buf()),
            shown: shown.clone(),
            select: raw.select.map(|v| v.into_iter().map(named).collect()),
            ignore: raw.ignore.into_iter().map(named).collect(),
            rule_folders: raw.rule_folders,
            facts: raw.facts,
            exclude: raw.exclude,
            rules: raw
                .rules
                .into_iter()
                .map(|(k, v)| {
                    let line = line_of(text, k.span().start);
                    (k.into_inner(), (v, line))
                })
                .collect(),
            parameters: raw
                .parameters
                .into_iter()
                .map(|(rule, params)| {
                    let line = line_of(text, rule.span().start);
                    let params = params
                        .into_iter()
                        .map(|(k, v)| {
                            let line = line_of(text, k.span().start);
                            (k.into_inner(), (v, line))
                        })
                        .collect();
                    (rule.into_inner(), (line, params))
                })
                .collect(),
            excluder,
        })
    }

    /// Reads and parses a configuration file.
    pub fn load(file: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(file).map_err(|e| ConfigError::Io {
            path: shown_path(file),
            message: io_message(&e),
        })?;
        Config::parse(file, &text)
    }

    /// The nearest `numcheck.toml` in `dir` or a folder above it.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        absolute(dir)
            .ancestors()
            .map(|d| d.join(FILE_NAME))
            .find(|p| p.is_file())
    }

    /// The folder paths in the file are relative to.
    fn base(&self) -> PathBuf {
        absolute(
            self.file
                .as_deref()
                .and_then(Path::parent)
                .unwrap_or(Path::new("")),
        )
    }

    /// Whether `path` (a file to check) matches an `exclude` pattern. Paths
    /// outside the configuration's folder are never excluded.
    pub fn excludes(&self, path: &Path) -> bool {
        let Some(excluder) = &self.excluder else {
            return false;
        };
        let path = absolute(path);
        path.starts_with(excluder.path())
            && excluder
                .matched_path_or_any_parents(&path, false)
                .is_ignore()
    }

    fn invalid(&self, line: usize, message: String) -> ConfigError {
        ConfigError::Invalid {
            file: self.shown.clone(),
            message: format!("line {line}: {message}"),
        }
    }

    /// `error`, met reading what `key` names, as an error of this file:
    /// `numcheck.toml: key: path: problem`.
    fn in_key(&self, key: &str, error: &ConfigError) -> ConfigError {
        ConfigError::Invalid {
            file: self.shown.clone(),
            message: format!("{key}: {error}"),
        }
    }

    /// Resolves the configuration against the built-in rules, its rule
    /// folders and the command line: what a check runs with. Unknown rule
    /// and parameter names, and parameters of the wrong type, are errors.
    pub fn settings(&self, cli: &Overrides) -> Result<Settings, ConfigError> {
        let mut book = Rulebook::builtin()?;
        let base = self.base();
        for folder in &self.rule_folders {
            load_rule_folder(&mut book, &base.join(folder)).map_err(|e| match e {
                ConfigError::Io { .. } => self.in_key("rule-folders", &e),
                other => other,
            })?;
        }
        for rule in &cli.rules {
            book.add(rule.clone());
        }
        let known = |n: &Named, place: &str| {
            if book.get(&n.name).is_some() {
                Ok(())
            } else {
                Err(self.invalid(
                    n.line,
                    format!(
                        "unknown rule `{}` in {place} (see `numcheck rules`)",
                        n.name
                    ),
                ))
            }
        };
        for n in self.select.iter().flatten() {
            known(n, "select")?;
        }
        for n in &self.ignore {
            known(n, "ignore")?;
        }
        for (name, (_, line)) in &self.rules {
            known(
                &Named {
                    name: name.clone(),
                    line: *line,
                },
                "[rules]",
            )?;
        }
        for name in cli.select.iter().flatten().chain(&cli.ignore) {
            if book.get(name).is_none() {
                return Err(ConfigError::UnknownRule(name.clone()));
            }
        }
        for (name, (line, params)) in &self.parameters {
            let Some(rule) = book.rules.iter_mut().find(|r| &r.name == name) else {
                return Err(self.invalid(
                    *line,
                    format!("unknown rule `{name}` in [parameters] (see `numcheck rules`)"),
                ));
            };
            for (key, (value, line)) in params {
                let Some(param) = rule.kind.parameter(key) else {
                    let known: Vec<&str> = rule.kind.parameters().iter().map(|p| p.0).collect();
                    return Err(self.invalid(
                        *line,
                        format!(
                            "unknown parameter `{key}` for rule `{name}` ({})",
                            if known.is_empty() {
                                "it has none".to_string()
                            } else {
                                format!("it has: {}", known.join(", "))
                            }
                        ),
                    ));
                };
                if !param.accepts(value) {
                    return Err(self.invalid(
                        *line,
                        format!(
                            "parameter `{key}` of rule `{name}` must be {}",
                            param.describe()
                        ),
                    ));
                }
                rule.set_parameter(key, value.clone());
            }
        }
        let mut off = Vec::new();
        for (name, (setting, _)) in &self.rules {
            if let Some(rule) = book.rules.iter_mut().find(|r| &r.name == name) {
                match setting {
                    RuleSetting::Off => {
                        rule.enabled = false;
                        off.push(name.clone());
                    }
                    RuleSetting::On => rule.enabled = true,
                    s => {
                        rule.enabled = true;
                        if let Some(severity) = s.severity() {
                            rule.severity = severity;
                        }
                    }
                }
            }
        }
        let names = |v: &[Named]| v.iter().map(|n| n.name.clone()).collect::<Vec<_>>();
        let (select, ignore) = match &cli.select {
            Some(select) => (Some(select.clone()), cli.ignore.clone()),
            None => {
                let mut ignore = names(&self.ignore);
                ignore.extend(off);
                ignore.extend(cli.ignore.iter().cloned());
                (self.select.as_deref().map(names), ignore)
            }
        };
        let facts = match (&cli.facts, &self.facts) {
            (Some(text), _) => Some(text.clone()),
            (None, Some(file)) => {
                let path = base.join(file);
                Some(std::fs::read_to_string(&path).map_err(|e| {
                    let io = ConfigError::Io {
                        path: shown_path(&path),
                        message: io_message(&e),
                    };
                    self.in_key("facts", &io)
                })?)
            }
            (None, None) => None,
        };
        Ok(Settings {
            rulebook: book,
            options: CheckOptions {
                document_date: cli.document_date,
                facts,
                select,
                ignore,
            },
        })
    }

    /// The effective configuration as TOML, for `numcheck config`: where it
    /// was found, the keys as written, and every rule's resolved setting and
    /// parameters, sorted.
    pub fn dump(&self, settings: &Settings) -> String {
        #[derive(Serialize)]
        #[serde(rename_all = "kebab-case")]
        struct Dump<'a> {
            // Keys in sorted order; the tables last, as TOML requires.
            exclude: &'a [String],
            #[serde(skip_serializing_if = "Option::is_none")]
            facts: Option<&'a str>,
            ignore: Vec<&'a str>,
            rule_folders: &'a [String],
            #[serde(skip_serializing_if = "Option::is_none")]
            select: Option<Vec<&'a str>>,
            rules: BTreeMap<&'a str, &'static str>,
            parameters: BTreeMap<&'a str, BTreeMap<&'a str, toml::Value>>,
        }
        let book = &settings.rulebook;
        let mut rules = BTreeMap::new();
        let mut parameters = BTreeMap::new();
        for rule in &book.rules {
            let setting = if settings.options.runs(rule) {
                RuleSetting::of(rule.severity)
            } else {
                RuleSetting::Off
            };
            rules.insert(rule.name.as_str(), setting.as_str());
            let mut params = BTreeMap::new();
            for (key, param) in rule.kind.parameters() {
                let value = match rule.parameter(key) {
                    Some(v) => v.clone(),
                    None => match param {
                        crate::checks::Param::Number(d) => d
                            .parse::<i64>()
                            .map(toml::Value::Integer)
                            .or_else(|_| d.parse::<f64>().map(toml::Value::Float))
                            .unwrap_or_else(|_| toml::Value::String((*d).to_string())),
                        crate::checks::Param::Words => toml::Value::Array(Vec::new()),
                    },
                };
                params.insert(*key, value);
            }
            if !params.is_empty() {
                parameters.insert(rule.name.as_str(), params);
            }
        }
        let dump = Dump {
            select: self
                .select
                .as_ref()
                .map(|v| v.iter().map(|n| n.name.as_str()).collect()),
            ignore: self.ignore.iter().map(|n| n.name.as_str()).collect(),
            rule_folders: &self.rule_folders,
            facts: self.facts.as_deref(),
            exclude: &self.exclude,
            rules,
            parameters,
        };
        let header = match &self.file {
            Some(_) => format!("# numcheck configuration: {}\n", self.shown),
            None => format!("# numcheck configuration: defaults (no {FILE_NAME} found)\n"),
        };
        let body = toml::to_string(&dump)
            .unwrap_or_else(|e| format!("# cannot render the configuration: {e}\n"));
        format!("{header}# [rules] and [parameters] show every rule as it will run\n\n{body}")
    }
}

/// Adds the rule files (`*.toml`) of `dir` to `book`, in name order; a rule
/// of an existing name replaces it.
pub fn load_rule_folder(book: &mut Rulebook, dir: &Path) -> Result<(), ConfigError> {
    let io = |path: &Path, e: std::io::Error| ConfigError::Io {
        path: shown_path(path),
        message: io_message(&e),
    };
    let entries = std::fs::read_dir(dir).map_err(|e| io(dir, e))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
        book.add(Rule::parse(&shown_path(&path), &text)?);
    }
    Ok(())
}

/// A configuration and the settings it resolves to, shared by the files under it.
pub type Resolved = Arc<(Config, Settings)>;

/// Finds each file's configuration (the nearest `numcheck.toml`, or the one
/// `--config` names) and resolves it once per configuration file.
pub struct Resolver {
    /// `--config FILE`: used for every file.
    fixed: Option<PathBuf>,
    overrides: Overrides,
    /// Folder → the configuration file found for it.
    found: HashMap<PathBuf, Option<PathBuf>>,
    /// Configuration file (`None`: defaults) → its resolved form.
    resolved: HashMap<Option<PathBuf>, Result<Resolved, ConfigError>>,
}

impl Resolver {
    pub fn new(fixed: Option<PathBuf>, overrides: Overrides) -> Resolver {
        Resolver {
            fixed,
            overrides,
            found: HashMap::new(),
            resolved: HashMap::new(),
        }
    }

    /// The configuration file that applies to `path` (`-`: the current
    /// folder), or `None` when there is none.
    pub fn file_for(&mut self, path: &Path) -> Option<PathBuf> {
        if let Some(fixed) = &self.fixed {
            return Some(fixed.clone());
        }
        let dir = if path == Path::new("-") {
            absolute(Path::new("."))
        } else {
            absolute(path)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default()
        };
        self.found
            .entry(dir)
            .or_insert_with_key(|dir| Config::discover(dir))
            .clone()
    }

    /// The configuration and settings for `path`, shared by every file
    /// under the same configuration (files are checked on several threads).
    pub fn for_path(&mut self, path: &Path) -> Result<Resolved, &ConfigError> {
        let file = self.file_for(path);
        let overrides = &self.overrides;
        self.resolved
            .entry(file)
            .or_insert_with_key(|file| {
                let config = match file {
                    Some(f) => Config::load(f)?,
                    None => Config::default(),
                };
                let settings = config.settings(overrides)?;
                Ok(Arc::new((config, settings)))
            })
            .as_ref()
            .map(Arc::clone)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(Path::new("/tmp/cfg/numcheck.toml"), text)
    }

    #[test]
    fn every_key_parses() {
        let c = parse(
            r#"select = ["weekday-mismatch"]
ignore = ["vague-quantity"]
rule-folders = ["house"]
facts = "facts.txt"
exclude = ["archive/"]

[rules]
number-style = "warning"
ambiguous-unit = "off"

[parameters.rate-mismatch]
tolerance = 0.05
"#,
        )
        .expect("parses");
        assert_eq!(c.select.as_ref().map(Vec::len), Some(1));
        assert_eq!(c.ignore[0].name, "vague-quantity");
        assert_eq!(c.rules["number-style"], (RuleSetting::Warning, 8));
        assert_eq!(c.rules["ambiguous-unit"].0, RuleSetting::Off);
        assert_eq!(c.parameters["rate-mismatch"].1["tolerance"].1, 12);
        assert!(c.excludes(Path::new("/tmp/cfg/archive/2019/a.md")));
        assert!(!c.excludes(Path::new("/tmp/cfg/drafts/a.md")));
        assert!(!c.excludes(Path::new("/elsewhere/archive/a.md")));
    }

    #[test]
    fn unknown_keys_name_the_key_and_line() {
        let e = parse("select = []\n\nfoo = 1\n").unwrap_err().to_string();
        assert!(e.contains("line 3") && e.contains("`foo`"), "{e}");
        assert!(!e.contains('\n'), "{e}");
        let e = parse("[rules]\nweekday-mismatch = \"loud\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2") && e.contains("loud"), "{e}");
    }

    #[test]
    fn unknown_rules_and_parameters_are_errors() {
        let cli = Overrides::default();
        let e = parse("[rules]\nno-such-rule = \"off\"\n")
            .and_then(|c| c.settings(&cli))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("line 2") && e.contains("unknown rule `no-such-rule`"),
            "{e}"
        );
        let e = parse("[parameters.rate-mismatch]\ntolerence = 0.1\n")
            .and_then(|c| c.settings(&cli))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("unknown parameter `tolerence`") && e.contains("tolerance"),
            "{e}"
        );
        let e = parse("[parameters.rate-mismatch]\ntolerance = \"wide\"\n")
            .and_then(|c| c.settings(&cli))
            .unwrap_err()
            .to_string();
        assert!(e.contains("must be a number"), "{e}");
        let e = parse("select = [\"nope\"]\n")
            .and_then(|c| c.settings(&cli))
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown rule `nope` in select"), "{e}");
    }

    #[test]
    fn settings_apply_severities_selection_and_parameters() {
        let c = parse(
            "ignore = [\"vague-quantity\"]\n[rules]\nnumber-style = \"warning\"\nweekday-mismatch = \"off\"\nsum-mismatch = \"warning\"\n[parameters.rate-mismatch]\ntolerance = 0.05\n",
        )
        .expect("parses");
        let s = c.settings(&Overrides::default()).expect("resolves");
        let rule = |n: &str| s.rulebook.get(n).expect("rule");
        assert!(s.options.runs(rule("number-style")));
        assert_eq!(rule("number-style").severity, Severity::Warning);
        assert_eq!(rule("sum-mismatch").severity, Severity::Warning);
        assert!(!s.options.runs(rule("weekday-mismatch")));
        assert!(!s.options.runs(rule("vague-quantity")));
        assert_eq!(
            rule("rate-mismatch").number("tolerance").to_string(),
            "0.05"
        );
        // --select wins over the file: a rule the file turns off runs.
        let cli = Overrides {
            select: Some(vec!["weekday-mismatch".into()]),
            ..Overrides::default()
        };
        let s = c.settings(&cli).expect("resolves");
        assert!(
            s.options
                .runs(s.rulebook.get("weekday-mismatch").expect("rule"))
        );
        assert!(
            !s.options
                .runs(s.rulebook.get("sum-mismatch").expect("rule"))
        );
        // --ignore adds to the file's ignore list.
        let cli = Overrides {
            ignore: vec!["sum-mismatch".into()],
            ..Overrides::default()
        };
        let s = c.settings(&cli).expect("resolves");
        assert!(
            !s.options
                .runs(s.rulebook.get("sum-mismatch").expect("rule"))
        );
        assert!(
            !s.options
                .runs(s.rulebook.get("vague-quantity").expect("rule"))
        );
    }

    #[test]
    fn paths_are_made_absolute_lexically() {
        assert_eq!(absolute(Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
        assert!(absolute(Path::new("x")).is_absolute());
    }
}
