//! Rules as data: each rule is a TOML file naming its check kind, default
//! severity, parameters, message template, documentation and the examples
//! that must and must not fire. The built-in rules under `rules/checks/` are
//! embedded in the binary; users add their own with `--rules DIR`.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::checks::CheckKind;
use crate::diagnostic::Severity;
use crate::error::Error;

/// The built-in rule files, by path.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "rules/checks/number-style.toml",
        include_str!("../rules/checks/number-style.toml"),
    ),
    (
        "rules/checks/ambiguous-unit.toml",
        include_str!("../rules/checks/ambiguous-unit.toml"),
    ),
    (
        "rules/checks/combined-category.toml",
        include_str!("../rules/checks/combined-category.toml"),
    ),
    (
        "rules/checks/source-disagreement.toml",
        include_str!("../rules/checks/source-disagreement.toml"),
    ),
    (
        "rules/checks/quantity-conflict.toml",
        include_str!("../rules/checks/quantity-conflict.toml"),
    ),
    (
        "rules/checks/fact-mismatch.toml",
        include_str!("../rules/checks/fact-mismatch.toml"),
    ),
    (
        "rules/checks/date-mismatch.toml",
        include_str!("../rules/checks/date-mismatch.toml"),
    ),
    (
        "rules/checks/conversion-mismatch.toml",
        include_str!("../rules/checks/conversion-mismatch.toml"),
    ),
    (
        "rules/checks/comparison-mismatch.toml",
        include_str!("../rules/checks/comparison-mismatch.toml"),
    ),
    (
        "rules/checks/mixed-time-base.toml",
        include_str!("../rules/checks/mixed-time-base.toml"),
    ),
    (
        "rules/checks/rate-mismatch.toml",
        include_str!("../rules/checks/rate-mismatch.toml"),
    ),
    (
        "rules/checks/percent-overflow.toml",
        include_str!("../rules/checks/percent-overflow.toml"),
    ),
    (
        "rules/checks/sum-mismatch.toml",
        include_str!("../rules/checks/sum-mismatch.toml"),
    ),
    (
        "rules/checks/ambiguous-increment.toml",
        include_str!("../rules/checks/ambiguous-increment.toml"),
    ),
    (
        "rules/checks/share-mismatch.toml",
        include_str!("../rules/checks/share-mismatch.toml"),
    ),
    (
        "rules/checks/vague-quantity.toml",
        include_str!("../rules/checks/vague-quantity.toml"),
    ),
    (
        "rules/checks/weekday-mismatch.toml",
        include_str!("../rules/checks/weekday-mismatch.toml"),
    ),
    (
        "rules/checks/change-mismatch.toml",
        include_str!("../rules/checks/change-mismatch.toml"),
    ),
    (
        "rules/checks/relative-date.toml",
        include_str!("../rules/checks/relative-date.toml"),
    ),
    (
        "rules/checks/unused-suppression.toml",
        include_str!("../rules/checks/unused-suppression.toml"),
    ),
];

/// A rule's documentation, printed by `numcheck explain RULE`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDoc {
    /// What it flags.
    pub what: String,
    /// Why it matters.
    pub why: String,
    /// An example that fires.
    pub example: String,
    /// What to write instead.
    pub instead: String,
}

/// An example a rule must fire on, or must stay quiet on.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleExample {
    pub text: String,
    /// The article's date, as `--date` would give it.
    #[serde(default)]
    pub date: Option<String>,
    /// Reference facts, as `--facts` would give them.
    #[serde(default)]
    pub facts: Option<String>,
    /// For firing examples: the text the finding must point at.
    #[serde(default)]
    pub span: Option<String>,
    /// For firing examples: the text of a related mention it must name.
    #[serde(default)]
    pub related: Option<String>,
    /// Other rules to run with this one (for a rule about other rules'
    /// findings, such as `unused-suppression`).
    #[serde(default)]
    pub select: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    name: String,
    kind: String,
    severity: String,
    summary: String,
    message: String,
    #[serde(default)]
    help: Option<String>,
    #[serde(default = "yes")]
    enabled: bool,
    #[serde(default)]
    parameters: BTreeMap<String, toml::Value>,
    doc: RuleDoc,
    #[serde(default)]
    fires: Vec<RuleExample>,
    #[serde(default)]
    quiet: Vec<RuleExample>,
}

fn yes() -> bool {
    true
}

/// A loaded, validated rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub name: String,
    pub kind: CheckKind,
    pub severity: Severity,
    /// One line for `numcheck rules`.
    pub summary: String,
    /// The message template: `{name}` placeholders filled by the check.
    pub message: String,
    /// The help template, same placeholders.
    pub help: Option<String>,
    /// Off unless selected (style rules).
    pub enabled: bool,
    /// The parameters the rule file or configuration sets (see
    /// [`Rule::parameter`] and [`Rule::set_parameter`]).
    parameters: BTreeMap<String, toml::Value>,
    /// The numeric ones, read once: checks ask for them on every article.
    numbers: BTreeMap<String, rust_decimal::Decimal>,
    pub doc: RuleDoc,
    pub fires: Vec<RuleExample>,
    pub quiet: Vec<RuleExample>,
    /// Where the rule came from.
    pub origin: String,
}

impl Rule {
    /// Parses and validates one rule file.
    pub fn parse(origin: &str, text: &str) -> Result<Rule, Error> {
        let bad = |message: String| Error::Rule {
            file: origin.to_string(),
            message,
        };
        let file: RuleFile =
            toml::from_str(text).map_err(|e| bad(crate::error::toml_message(text, &e)))?;
        let kind = CheckKind::parse(&file.kind).ok_or_else(|| {
            bad(format!(
                "unknown check kind {:?} (expected one of: {})",
                file.kind,
                CheckKind::ALL
                    .iter()
                    .map(|k| k.name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })?;
        let severity = Severity::parse(&file.severity).ok_or_else(|| {
            bad(format!(
                "unknown severity {:?} (expected error, warning or info)",
                file.severity
            ))
        })?;
        if file.name.is_empty()
            || !file
                .name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(bad(format!("rule name {:?} must be kebab-case", file.name)));
        }
        let allowed = kind.placeholders();
        for template in std::iter::once(&file.message).chain(file.help.iter()) {
            for p in placeholders(template) {
                if !allowed.contains(&p) {
                    return Err(bad(format!(
                        "unknown placeholder {{{p}}} in template (kind {} offers: {})",
                        kind.name(),
                        allowed.join(", ")
                    )));
                }
            }
        }
        for (key, value) in &file.parameters {
            let Some(expected) = kind.parameter(key) else {
                return Err(bad(format!(
                    "unknown parameter {key:?} for kind {} (known: {})",
                    kind.name(),
                    kind.parameters()
                        .iter()
                        .map(|p| p.0)
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            };
            if !expected.accepts(value) {
                return Err(bad(format!(
                    "parameter {key:?} must be {}",
                    expected.describe()
                )));
            }
        }
        if file.fires.is_empty() || file.quiet.is_empty() {
            return Err(bad(
                "a rule needs at least one [[fires]] and one [[quiet]] example".into(),
            ));
        }
        Ok(Rule {
            name: file.name,
            kind,
            severity,
            summary: file.summary,
            message: file.message,
            help: file.help,
            enabled: file.enabled,
            numbers: file
                .parameters
                .iter()
                .filter_map(|(k, v)| Some((k.clone(), number_of(v)?)))
                .collect(),
            parameters: file.parameters,
            doc: file.doc,
            fires: file.fires,
            quiet: file.quiet,
            origin: origin.to_string(),
        })
    }

    /// A numeric parameter, or the kind's default.
    pub fn number(&self, key: &str) -> rust_decimal::Decimal {
        self.numbers
            .get(key)
            .copied()
            .or_else(|| self.kind.parameter(key).and_then(|p| p.default_number()))
            .unwrap_or_default()
    }

    /// A parameter as the rule file or configuration set it.
    pub fn parameter(&self, key: &str) -> Option<&toml::Value> {
        self.parameters.get(key)
    }

    /// Sets a parameter (a configuration's tolerance, say).
    pub fn set_parameter(&mut self, key: &str, value: toml::Value) {
        match number_of(&value) {
            Some(n) => self.numbers.insert(key.to_string(), n),
            None => self.numbers.remove(key),
        };
        self.parameters.insert(key.to_string(), value);
    }

    /// Fills the message template.
    pub fn render_message(&self, values: &[(&str, String)]) -> String {
        fill(&self.message, values)
    }

    /// Fills the help template, when the rule has one.
    pub fn render_help(&self, values: &[(&str, String)]) -> Option<String> {
        self.help.as_deref().map(|h| fill(h, values))
    }

    /// A finding of this rule at `span`: its message and help filled in.
    pub fn finding(
        &self,
        span: crate::span::Span,
        values: &[(&str, String)],
    ) -> crate::diagnostic::Diagnostic {
        let mut d = crate::diagnostic::Diagnostic::new(
            &self.name,
            self.severity,
            span,
            self.render_message(values),
        );
        if let Some(help) = self.render_help(values) {
            d = d.with_help(help);
        }
        d
    }

    /// The documentation as `numcheck explain` prints it.
    pub fn explain(&self) -> String {
        format!(
            "# {name}\n\nKind: {kind}. Default severity: {sev}{off}.\n\n{summary}\n\n## What it does\n{what}\n\n## Why is this bad?\n{why}\n\n## Example\n{example}\n\n## Use instead\n{instead}\n",
            name = self.name,
            kind = self.kind.name(),
            sev = self.severity.as_str(),
            off = if self.enabled {
                ""
            } else {
                " (off unless selected)"
            },
            summary = self.summary,
            what = self.doc.what.trim(),
            why = self.doc.why.trim(),
            example = self.doc.example.trim(),
            instead = self.doc.instead.trim(),
        )
    }
}

/// The `{name}` placeholders in a template.
fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        let after = &rest[i + 1..];
        match after.find('}') {
            Some(j) => {
                out.push(&after[..j]);
                rest = &after[j + 1..];
            }
            None => break,
        }
    }
    out
}

fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after.find('}') {
            Some(j) => {
                let key = &after[..j];
                match values.iter().find(|(k, _)| *k == key) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&rest[i..i + j + 2]),
                }
                rest = &after[j + 1..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// All rules in force: the built-in ones, then any user rule files.
#[derive(Debug, Clone)]
pub struct Rulebook {
    pub rules: Vec<Rule>,
}

impl Rulebook {
    /// The built-in rules.
    pub fn builtin() -> Result<Rulebook, Error> {
        let mut rules = Vec::new();
        for (origin, text) in BUILTIN {
            rules.push(Rule::parse(origin, text)?);
        }
        Ok(Rulebook { rules })
    }

    /// Adds a user rule; a name that already exists replaces the built-in rule.
    pub fn add(&mut self, rule: Rule) {
        match self.rules.iter_mut().find(|r| r.name == rule.name) {
            Some(existing) => *existing = rule,
            None => self.rules.push(rule),
        }
    }

    pub fn get(&self, name: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.name == name)
    }

    /// The rules as a Markdown table (name, kind, default severity, summary),
    /// sorted by name: the README's rule table is this text.
    pub fn markdown_table(&self) -> String {
        let mut rules: Vec<&Rule> = self.rules.iter().collect();
        rules.sort_by(|a, b| a.name.cmp(&b.name));
        let mut out =
            String::from("| rule | kind | severity | what it flags |\n| --- | --- | --- | --- |\n");
        for r in rules {
            let severity = if r.enabled {
                r.severity.as_str().to_string()
            } else {
                format!("{} (off unless selected)", r.severity.as_str())
            };
            out.push_str(&format!(
                "| `{}` | {} | {} | {} |\n",
                r.name,
                r.kind.name(),
                severity,
                r.summary.replace('|', "\\|")
            ));
        }
        out
    }
}

/// A parameter's value as a decimal: floats as written ("0.05", not the
/// nearest binary fraction), integers, and strings holding a number.
fn number_of(v: &toml::Value) -> Option<rust_decimal::Decimal> {
    use std::str::FromStr;
    match v {
        toml::Value::Float(f) => rust_decimal::Decimal::from_str(&f.to_string()).ok(),
        toml::Value::Integer(i) => Some(rust_decimal::Decimal::from(*i)),
        toml::Value::String(s) => rust_decimal::Decimal::from_str(s).ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_load() {
        let book = Rulebook::builtin().unwrap();
        assert_eq!(book.rules.len(), BUILTIN.len());
    }

    #[test]
    fn templates_fill_and_validate() {
        assert_eq!(
            fill("{a} and {b} {c}", &[("a", "1".into()), ("b", "2".into())]),
            "1 and 2 {c}"
        );
        assert_eq!(placeholders("x {a} y {b}"), vec!["a", "b"]);
        let err = Rule::parse(
            "x.toml",
            r#"name = "x"
kind = "weekday"
severity = "error"
summary = "s"
message = "{nope}"
[doc]
what = "" 
why = ""
example = ""
instead = ""
[[fires]]
text = "a"
[[quiet]]
text = "b"
"#,
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("unknown placeholder {nope}"),
            "{err}"
        );
    }
}
