//! Building filters (RFC 7644 §3.4.2.2) with `scim_v2`'s filter AST, so values are always
//! JSON-escaped, and encoding them for a query string, so `+`, `&`, `%` and non-ASCII survive.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use scim_v2::filter::{AttrExp, AttrPath, CompValue, CompareOp, Filter, ValFilter, ValuePath};
use serde::{Deserialize, Serialize};

/// Everything but RFC 3986's unreserved characters is percent-encoded. A literal `+` must be
/// `%2B`: many servers form-decode `+` as a space (research §1.3), and a space goes as `%20`.
const QUERY_COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

pub fn encode_query_component(value: &str) -> String {
    utf8_percent_encode(value, QUERY_COMPONENT).to_string()
}

/// The filter forms a server may or may not accept. Which ones work is learned per endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FilterForm {
    /// `userName eq "…"`
    UserName,
    /// `externalId eq "…"`
    ExternalId,
    /// `emails.value eq "…"` — matches any of a user's addresses.
    EmailsValue,
    /// `emails[value eq "…"]` — the value-path spelling of the same question.
    EmailsValuePath,
}

impl FilterForm {
    /// Email forms in the order they are tried. `emails[type eq "work"].value` is left out on
    /// purpose: it cannot see a user's second, non-work address, so a scan is the honest fallback.
    pub const EMAIL_FORMS: [FilterForm; 2] = [FilterForm::EmailsValue, FilterForm::EmailsValuePath];

    pub fn label(self) -> &'static str {
        match self {
            FilterForm::UserName => "userName eq",
            FilterForm::ExternalId => "externalId eq",
            FilterForm::EmailsValue => "emails.value eq",
            FilterForm::EmailsValuePath => "emails[value eq]",
        }
    }

    /// The filter asking whether `value` is held in this form's attribute.
    pub fn build(self, value: &str) -> Filter {
        let eq = |path: AttrPath| {
            Filter::Attr(AttrExp::Comparison(
                path,
                CompareOp::Eq,
                CompValue::Str(value.to_string()),
            ))
        };
        match self {
            FilterForm::UserName => eq(AttrPath::with_name("userName")),
            FilterForm::ExternalId => eq(AttrPath::with_name("externalId")),
            FilterForm::EmailsValue => eq(AttrPath::with_sub_attr("emails", "value")),
            FilterForm::EmailsValuePath => Filter::ValuePath(ValuePath {
                attr: AttrPath::with_name("emails"),
                filter: Box::new(ValFilter::Attr(AttrExp::Comparison(
                    AttrPath::with_name("value"),
                    CompareOp::Eq,
                    CompValue::Str(value.to_string()),
                ))),
            }),
        }
    }
}

/// Checks a user's `--filter` before anything is sent, so a typo is a usage error that points
/// at the problem instead of a round trip and a server's 400.
pub fn parse(filter: &str) -> Result<Filter, FilterSyntaxError> {
    filter
        .parse::<Filter>()
        .map_err(|e| FilterSyntaxError::new(filter, &e))
}

/// A filter that does not parse: where (a byte offset into `filter`) and what was expected
/// there, in words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the filter '{filter}' is not valid SCIM filter syntax: {problem} (column {})", self.column())]
pub struct FilterSyntaxError {
    pub filter: String,
    pub at: usize,
    pub problem: String,
}

const OPERATORS: [&str; 10] = ["eq", "ne", "co", "sw", "ew", "gt", "lt", "ge", "le", "pr"];

impl FilterSyntaxError {
    fn new(filter: &str, error: &scim_v2::filter::ParseError) -> FilterSyntaxError {
        use scim_v2::filter::ParseError;
        // The parser reads the filter without its surrounding spaces.
        let lead = filter.len() - filter.trim_start().len();
        let (at, problem) = match error {
            ParseError::InvalidToken { location } => {
                let at = lead + location;
                let problem = match filter[at..].chars().next() {
                    Some('"') => "this string is never closed: a '\"' is missing".to_string(),
                    Some(c) => format!("'{c}' cannot appear here"),
                    None => "the filter ends early".to_string(),
                };
                (at, problem)
            }
            ParseError::UnrecognizedEof { location, expected } => (
                lead + location,
                format!(
                    "the filter ends where {} should follow",
                    expected_words(expected)
                ),
            ),
            ParseError::UnrecognizedToken {
                token: (start, text, end),
                expected,
            } => {
                let word = text.trim();
                let at = lead + start + (text.len() - text.trim_start().len());
                let at_end = filter[lead + end..].trim().is_empty();
                let lowered = word.to_ascii_lowercase();
                if at_end && OPERATORS.contains(&lowered.as_str()) && lowered != "pr" {
                    (at + word.len(), format!("expected a value after '{word}'"))
                } else if at_end && (lowered == "and" || lowered == "or") {
                    (at + word.len(), format!("expected a filter after '{word}'"))
                } else {
                    (
                        at,
                        format!("expected {} where '{word}' is", expected_words(expected)),
                    )
                }
            }
            ParseError::ExtraToken {
                token: (start, text, _),
            } => (
                lead + start + (text.len() - text.trim_start().len()),
                format!(
                    "'{}' follows a complete filter; join filters with 'and' or 'or'",
                    text.trim()
                ),
            ),
            ParseError::User { error } => (filter.len(), error.to_string()),
        };
        FilterSyntaxError {
            filter: filter.to_string(),
            at: at.min(filter.len()),
            problem,
        }
    }

    /// The 1-based column (in characters) of the problem.
    pub fn column(&self) -> usize {
        self.filter
            .get(..self.at)
            .map_or(0, |before| before.chars().count())
            + 1
    }
}

/// The parser's expected tokens in words: "an operator (eq, ne, …) or ')'".
fn expected_words(expected: &[String]) -> String {
    let mut words: Vec<&str> = Vec::new();
    for token in expected {
        let word = match token.trim_matches('"') {
            t if OPERATORS.contains(&t) => "an operator (eq, ne, co, sw, ew, gt, lt, ge, le or pr)",
            "StringLit" | "NumberLit" | "true" | "false" | "null" => {
                "a value (a \"quoted string\", a number, true, false or null)"
            }
            "AttrNameTok" | "AttrPathTok" => "an attribute name",
            "and" | "or" => "'and' or 'or'",
            "not" => "'not'",
            "(" => "'('",
            ")" => "')'",
            "[" => "'['",
            "]" => "']'",
            "." => "'.'",
            _ => "something else",
        };
        if !words.contains(&word) {
            words.push(word);
        }
    }
    match words.split_last() {
        None => "nothing".to_string(),
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use percent_encoding::percent_decode_str;
    use proptest::prelude::*;

    fn value_of(filter: &Filter) -> Option<String> {
        match filter {
            Filter::Attr(AttrExp::Comparison(_, CompareOp::Eq, CompValue::Str(v))) => {
                Some(v.clone())
            }
            Filter::ValuePath(vp) => match vp.filter.as_ref() {
                ValFilter::Attr(AttrExp::Comparison(_, CompareOp::Eq, CompValue::Str(v))) => {
                    Some(v.clone())
                }
                _ => None,
            },
            _ => None,
        }
    }

    #[test]
    fn values_are_json_escaped() {
        assert_eq!(
            FilterForm::UserName.build(r#"a"b\c"#).to_string(),
            r#"userName eq "a\"b\\c""#
        );
        assert_eq!(
            FilterForm::EmailsValuePath.build("x@y.com").to_string(),
            r#"emails[value eq "x@y.com"]"#
        );
        assert_eq!(
            FilterForm::EmailsValue.build("x@y.com").to_string(),
            r#"emails.value eq "x@y.com""#
        );
    }

    #[test]
    fn plus_and_space_are_percent_encoded() {
        assert_eq!(
            encode_query_component(r#"emails.value eq "a+b@x.com""#),
            "emails.value%20eq%20%22a%2Bb%40x.com%22"
        );
        assert_eq!(encode_query_component("é&%#"), "%C3%A9%26%25%23");
    }

    #[test]
    fn a_typo_in_a_filter_is_caught_before_sending() {
        assert!(parse(r#"userName eq "x""#).is_ok());
        assert!(parse("userName equals x").is_err());
    }

    fn problem(filter: &str) -> (usize, String) {
        let e = parse(filter).expect_err(filter);
        (e.column(), e.problem)
    }

    #[test]
    fn a_filter_error_says_what_was_expected_and_where() {
        assert_eq!(
            problem("userName eq"),
            (12, "expected a value after 'eq'".to_string())
        );
        assert_eq!(
            problem("  userName EQ  "),
            (14, "expected a value after 'EQ'".to_string())
        );
        assert_eq!(
            problem(r#"userName eq "x" and"#),
            (20, "expected a filter after 'and'".to_string())
        );
        let (column, text) = problem(r#"userName equals "x""#);
        assert_eq!(column, 10);
        assert!(text.starts_with("expected an operator (eq, ne"), "{text}");
        let (column, text) = problem("userName eq jdoe");
        assert_eq!(column, 13);
        assert!(
            text.starts_with("expected a value (a \"quoted string\""),
            "{text}"
        );
        assert_eq!(
            problem(r#"userName eq "jdoe"#),
            (
                13,
                "this string is never closed: a '\"' is missing".to_string()
            )
        );
        let (column, text) = problem(r#"(userName eq "x""#);
        assert_eq!(column, 17);
        assert!(text.contains("')'"), "{text}");
    }

    #[test]
    fn the_whole_message_names_the_filter_and_the_column() {
        assert_eq!(
            parse("userName eq").unwrap_err().to_string(),
            "the filter 'userName eq' is not valid SCIM filter syntax: expected a value after 'eq' (column 12)"
        );
    }

    proptest! {
        #[test]
        fn any_filter_error_points_inside_the_filter(text in "[ a-zA-Z\"().\\[\\]é\t]{0,40}") {
            if let Err(e) = parse(&text) {
                prop_assert!(e.at <= text.len() && text.is_char_boundary(e.at), "{e:?}");
                prop_assert!(e.column() <= text.chars().count() + 1);
                prop_assert!(!e.problem.is_empty());
            }
        }

        #[test]
        fn any_value_survives_build_parse_and_encoding(value in any::<String>(), form_index in 0usize..4) {
            let form = [FilterForm::UserName, FilterForm::ExternalId, FilterForm::EmailsValue, FilterForm::EmailsValuePath][form_index];
            let text = form.build(&value).to_string();
            let parsed = parse(&text).expect("a built filter always parses");
            prop_assert_eq!(value_of(&parsed), Some(value.clone()));
            let encoded = encode_query_component(&text);
            prop_assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
            prop_assert_eq!(percent_decode_str(&encoded).decode_utf8().unwrap(), text);
        }
    }
}
