//! Evaluating a SCIM filter (parsed by the same `scim_v2` parser the client builds with)
//! against a resource, with SCIM's comparison rules: attribute names ignore case, string
//! values ignore case unless the attribute is `caseExact` (`id`, `externalId`), and a
//! multi-valued attribute matches when any of its values does.

use scim_v2::filter::{AttrExp, AttrPath, CompValue, CompareOp, Filter, ValFilter};
use serde_json::Value;

use crate::provider::{Filterable, Provider};
use crate::scim::compare::fold;

pub fn matches(filter: &Filter, resource: &Value) -> bool {
    match filter {
        Filter::Attr(exp) => attr_matches(exp, resource),
        Filter::ValuePath(vp) => values_at(resource, &vp.attr)
            .into_iter()
            .any(|element| val_matches(&vp.filter, element)),
        Filter::Not(inner) => !matches(inner, resource),
        Filter::And(items) => items.as_slice().iter().all(|f| matches(f, resource)),
        Filter::Or(items) => items.as_slice().iter().any(|f| matches(f, resource)),
    }
}

/// The filter inside `emails[…]`, evaluated on one element of the multi-valued attribute.
pub fn val_matches(filter: &ValFilter, element: &Value) -> bool {
    match filter {
        ValFilter::Attr(exp) => attr_matches(exp, element),
        ValFilter::Not(inner) => !val_matches(inner, element),
        ValFilter::And(items) => items.as_slice().iter().all(|f| val_matches(f, element)),
        ValFilter::Or(items) => items.as_slice().iter().any(|f| val_matches(f, element)),
    }
}

fn attr_matches(exp: &AttrExp, resource: &Value) -> bool {
    match exp {
        AttrExp::Present(path) => values_at(resource, path).into_iter().any(is_present),
        AttrExp::Comparison(path, op, expected) => {
            let case_exact = is_case_exact(path);
            let values = values_at(resource, path);
            match op {
                // `ne` holds when no value equals: an absent attribute is "not equal".
                CompareOp::Ne => !values
                    .iter()
                    .any(|v| compare(&CompareOp::Eq, v, expected, case_exact)),
                _ if values.is_empty() => {
                    matches!((op, expected), (CompareOp::Eq, CompValue::Null))
                }
                _ => values.iter().any(|v| compare(op, v, expected, case_exact)),
            }
        }
    }
}

/// RFC 7643: `id` and `externalId` are caseExact; the core User's other strings are not.
fn is_case_exact(path: &AttrPath) -> bool {
    path.sub_attr.is_none()
        && (path.name.eq_ignore_ascii_case("id") || path.name.eq_ignore_ascii_case("externalId"))
        || path.name.eq_ignore_ascii_case("meta")
            && path
                .sub_attr
                .as_deref()
                .is_some_and(|s| s.eq_ignore_ascii_case("version"))
}

fn is_present(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
        _ => true,
    }
}

/// Every value at `path`, flattening multi-valued attributes: `emails.value` gives each address.
pub fn values_at<'a>(resource: &'a Value, path: &AttrPath) -> Vec<&'a Value> {
    let container = match path.uri.as_deref() {
        Some(uri) if !uri.eq_ignore_ascii_case(crate::scim::model::USER_SCHEMA) => {
            match get_ignoring_case(resource, uri) {
                Some(extension) => extension,
                None => return Vec::new(),
            }
        }
        _ => resource,
    };
    let Some(value) = get_ignoring_case(container, &path.name) else {
        return Vec::new();
    };
    let elements: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    match &path.sub_attr {
        None => elements,
        Some(sub) => elements
            .into_iter()
            .filter_map(|e| get_ignoring_case(e, sub))
            .flat_map(|v| match v {
                Value::Array(items) => items.iter().collect(),
                other => vec![other],
            })
            .collect(),
    }
}

pub fn get_ignoring_case<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    let object = value.as_object()?;
    object.get(key).or_else(|| {
        object
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })
}

fn compare(op: &CompareOp, actual: &Value, expected: &CompValue, case_exact: bool) -> bool {
    match (actual, expected) {
        (Value::String(a), CompValue::Str(e)) => {
            let (a, e) = if case_exact {
                (a.clone(), e.clone())
            } else {
                (fold(a), fold(e))
            };
            match op {
                CompareOp::Eq => a == e,
                CompareOp::Ne => a != e,
                CompareOp::Co => a.contains(&e),
                CompareOp::Sw => a.starts_with(&e),
                CompareOp::Ew => a.ends_with(&e),
                CompareOp::Gt => a > e,
                CompareOp::Ge => a >= e,
                CompareOp::Lt => a < e,
                CompareOp::Le => a <= e,
            }
        }
        (Value::Bool(a), CompValue::True) => matches!(op, CompareOp::Eq) == *a,
        (Value::Bool(a), CompValue::False) => matches!(op, CompareOp::Eq) != *a,
        (Value::Number(a), CompValue::Number(e)) => {
            let (Some(a), Some(e)) = (a.as_f64(), e.as_f64()) else {
                return false;
            };
            match op {
                CompareOp::Eq => a == e,
                CompareOp::Ne => a != e,
                CompareOp::Gt => a > e,
                CompareOp::Ge => a >= e,
                CompareOp::Lt => a < e,
                CompareOp::Le => a <= e,
                CompareOp::Co | CompareOp::Sw | CompareOp::Ew => false,
            }
        }
        (Value::Null, CompValue::Null) => matches!(op, CompareOp::Eq),
        _ => false,
    }
}

/// Whether a provider that filters only on some attributes evaluates this filter: only `eq`
/// comparisons on those attributes, combined with `and`/`or`.
pub fn within_provider_limits(filter: &Filter, provider: &Provider) -> bool {
    let Filterable::Only(allowed) = provider.filterable else {
        return true;
    };
    let allowed_exp = |exp: &AttrExp| match exp {
        AttrExp::Comparison(path, CompareOp::Eq, _) => {
            path.sub_attr.is_none() && allowed.iter().any(|a| a.eq_ignore_ascii_case(&path.name))
        }
        _ => false,
    };
    fn walk(filter: &Filter, ok: &dyn Fn(&AttrExp) -> bool) -> bool {
        match filter {
            Filter::Attr(exp) => ok(exp),
            Filter::And(items) | Filter::Or(items) => items.as_slice().iter().all(|f| walk(f, ok)),
            Filter::ValuePath(_) | Filter::Not(_) => false,
        }
    }
    walk(filter, &allowed_exp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn user() -> Value {
        json!({
            "id": "abc",
            "userName": "JDoe",
            "externalId": "Okta-1",
            "active": false,
            "emails": [{"value": "j@work.example", "type": "work", "primary": true}, {"value": "J@Home.example", "type": "home"}],
            "name": {"familyName": "Doe"},
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "701984"},
            "meta": {"lastModified": "2026-03-02T10:00:00.000Z"}
        })
    }

    fn check(filter: &str) -> bool {
        matches(&filter.parse().unwrap(), &user())
    }

    #[test]
    fn strings_ignore_case_except_case_exact_attributes() {
        assert!(check(r#"userName eq "jdoe""#));
        assert!(check(r#"USERNAME Eq "JDOE""#));
        assert!(check(r#"externalId eq "Okta-1""#));
        assert!(!check(r#"externalId eq "okta-1""#));
    }

    #[test]
    fn multi_valued_attributes_match_on_any_value() {
        assert!(check(r#"emails.value eq "j@home.example""#));
        assert!(check(r#"emails[value eq "J@HOME.EXAMPLE"]"#));
        assert!(check(r#"emails[type eq "work" and value co "@work"]"#));
        assert!(!check(
            r#"emails[type eq "work" and value eq "j@home.example"]"#
        ));
    }

    #[test]
    fn logic_presence_booleans_dates_and_extensions() {
        assert!(check(r#"active eq false and name.familyName sw "D""#));
        assert!(check(r#"userName eq "x" or not (active eq true)"#));
        assert!(check("title ne \"x\""));
        assert!(check("name pr"));
        assert!(!check("title pr"));
        assert!(check(r#"meta.lastModified gt "2026-01-01T00:00:00Z""#));
        assert!(check(
            r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "701984""#
        ));
    }

    #[test]
    fn providers_that_filter_only_some_attributes() {
        let pulumi = crate::provider::by_id("pulumi").unwrap();
        let allowed = |f: &str| within_provider_limits(&f.parse().unwrap(), pulumi);
        assert!(allowed(r#"userName eq "x""#));
        assert!(!allowed(r#"emails.value eq "x""#));
        assert!(!allowed(r#"userName sw "x""#));
        assert!(within_provider_limits(
            &r#"emails.value eq "x""#.parse().unwrap(),
            &crate::provider::GENERIC
        ));
    }
}
