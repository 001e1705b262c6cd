//! Errors the library reports.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum Error {
    /// A lexicon or rule file that cannot be read as TOML of the expected shape.
    #[error("{file}: {message}")]
    Lexicon { file: String, message: String },
    /// A rule file that is not valid.
    #[error("{file}: {message}")]
    Rule { file: String, message: String },
    /// A date that is not a valid YYYY-MM-DD calendar date.
    #[error("invalid date {0:?}: expected YYYY-MM-DD")]
    BadDate(String),
}

/// Parses a YYYY-MM-DD date as given on the command line or in a dateline.
pub fn parse_iso_date(s: &str) -> Result<jiff::civil::Date, Error> {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return Err(Error::BadDate(s.to_string()));
    }
    s.parse::<jiff::civil::Date>()
        .map_err(|_| Error::BadDate(s.to_string()))
}

/// A TOML error in one line: "line 3: missing field `severity`".
pub fn toml_message(text: &str, e: &toml::de::Error) -> String {
    match e.span() {
        Some(span) => {
            let line = text
                .get(..span.start)
                .map_or(0, |t| t.matches('\n').count())
                + 1;
            format!("line {line}: {}", e.message())
        }
        None => e.message().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        assert!(parse_iso_date("2024-10-23").is_ok());
        assert!(parse_iso_date("2024-02-30").is_err());
        assert!(parse_iso_date("2024-1-3").is_err());
        assert!(parse_iso_date("yesterday").is_err());
    }
}
