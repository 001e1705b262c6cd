//! numcheck: reads draft news articles and checks their numbers against each
//! other.
//!
//! The library does no I/O: [`extract`] turns text into [`Quantity`] values
//! with byte spans; the binary reads files and renders reports.

pub mod baseline;
pub mod checks;
pub mod claims;
pub mod config;
pub mod dateline;
pub mod decimal;
pub mod diagnostic;
pub mod error;
pub mod extract;
pub mod lexicon;
pub mod lsp;
pub mod nouns;
pub mod places;
pub mod quantity;
pub mod report;
pub mod rulebook;
pub mod sentence_words;
pub mod source;
pub mod span;
pub mod suppress;
pub mod units;
pub mod verbs;

pub use checks::{CheckOptions, check};
pub use diagnostic::{Diagnostic, Severity};
pub use error::Error;
pub use extract::{Options, extract};
pub use quantity::{Approx, Kind, Quantity, Value};
pub use rulebook::{Rule, Rulebook};
pub use span::{LineIndex, Span};
