//! Findings: what a rule reports, where, and what would fix it.

use serde::Serialize;

use crate::span::Span;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// Another mention that takes part in a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub span: Span,
    pub message: String,
}

/// A suggested edit: replace `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: String,
    pub severity: Severity,
    /// One sentence: what is wrong.
    pub message: String,
    pub span: Span,
    pub related: Vec<Related>,
    /// What would fix it, when there is something to say.
    pub help: Option<String>,
    /// Edits that would fix it (several when either side could be the typo).
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    pub fn new(rule: &str, severity: Severity, span: Span, message: String) -> Self {
        Diagnostic {
            rule: rule.to_string(),
            severity,
            message,
            span,
            related: Vec::new(),
            help: None,
            fixes: Vec::new(),
        }
    }

    pub fn with_related(mut self, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Related {
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_fix(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.fixes.push(Fix {
            span,
            replacement: replacement.into(),
        });
        self
    }
}
