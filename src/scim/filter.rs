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

/// Checks a user's `--filter` before anything is sent, so a typo is a usage error with the
/// parser's reason instead of a round trip and a server's 400.
pub fn parse(filter: &str) -> Result<Filter, String> {
    filter.parse::<Filter>().map_err(|e| e.to_string())
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

    proptest! {
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
