//! `--jq EXPR`, as `gh --jq` does it: every JSON document scimctl prints goes through a jq
//! expression, evaluated in-process by the jaq crates (no `jq` needs to be installed). Each
//! result is a line: a string as it is, anything else as compact JSON.

use jaq_core::load::{Arena, File, Loader, lex, parse};
use jaq_core::{Compiler, Ctx, Vars, data, unwrap_valr};
use jaq_json::Val;
use serde::Serialize;

/// A jq expression known to compile; it is compiled again for each document (microseconds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JqExpr(String);

impl JqExpr {
    /// The expression, or jaq's reason it is not one, on one line.
    pub fn parse(code: &str) -> Result<JqExpr, String> {
        let arena = Arena::default();
        compiled(&arena, code)?;
        Ok(JqExpr(code.to_string()))
    }

    /// The results of the expression on `document`, one line each.
    pub fn lines<T: Serialize>(&self, document: &T) -> Result<Vec<String>, String> {
        // Through JSON text, not serde_json::Value: keys keep scimctl's order, numbers their digits.
        let text = serde_json::to_string(document).map_err(|e| e.to_string())?;
        let input = jaq_json::read::parse_single(text.as_bytes()).map_err(|e| e.to_string())?;
        let arena = Arena::default();
        let filter = compiled(&arena, &self.0)?;
        let ctx = Ctx::<data::JustLut<Val>>::new(&filter.lut, Vars::new([]));
        filter
            .id
            .run((ctx, input))
            .map(unwrap_valr)
            .map(|result| match result {
                Ok(value) => Ok(line(&value)),
                Err(e) => Err(format!("the --jq expression failed: {e}")),
            })
            .collect()
    }
}

type Filter = jaq_core::Filter<data::JustLut<Val>>;

fn compiled<'a>(arena: &'a Arena, code: &'a str) -> Result<Filter, String> {
    let defs = jaq_core::defs()
        .chain(jaq_std::defs())
        .chain(jaq_json::defs());
    let funs = jaq_core::funs()
        .chain(jaq_std::funs())
        .chain(jaq_json::funs());
    let modules = Loader::new(defs)
        .load(arena, File { code, path: () })
        .map_err(|errors| {
            let reasons: Vec<String> = errors
                .into_iter()
                .flat_map(|(_, e)| load_reasons(code, e))
                .collect();
            invalid(code, &reasons)
        })?;
    Compiler::default()
        .with_funs(funs)
        .compile(modules)
        .map_err(|errors| {
            let reasons: Vec<String> = errors
                .into_iter()
                .flat_map(|(_, undefined)| undefined)
                .map(|(name, kind)| format!("undefined {} '{name}'", kind.as_str()))
                .collect();
            invalid(code, &reasons)
        })
}

fn invalid(code: &str, reasons: &[String]) -> String {
    format!(
        "the --jq expression '{code}' is not valid: {}",
        reasons.join("; ")
    )
}

fn load_reasons(code: &str, error: jaq_core::load::Error<&str>) -> Vec<String> {
    use jaq_core::load::Error;
    match error {
        Error::Io(errors) => errors.into_iter().map(|(_, e)| e).collect(),
        Error::Lex(errors) => errors
            .into_iter()
            .map(|(expected, at): lex::Error<&str>| expected_at(code, expected.as_str(), at))
            .collect(),
        Error::Parse(errors) => errors
            .into_iter()
            .map(|(expected, at): parse::Error<&str>| expected_at(code, expected.as_str(), at))
            .collect(),
    }
}

/// "expected term at column 4"; `at` is the rest of `code` where jaq stopped.
fn expected_at(code: &str, expected: &str, at: &str) -> String {
    let offset = (at.as_ptr() as usize).saturating_sub(code.as_ptr() as usize);
    let column = code
        .get(..offset.min(code.len()))
        .map_or(0, |s| s.chars().count())
        + 1;
    if at.is_empty() {
        format!("expected {expected} at the end")
    } else {
        format!("expected {expected} at column {column}")
    }
}

/// A string as it is (`-r`), anything else as compact JSON.
fn line(value: &Val) -> String {
    match value {
        Val::TStr(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A document as scimctl writes it, its keys in its own order.
    fn run(code: &str, document: &str) -> Vec<String> {
        let document = serde_json::value::RawValue::from_string(document.into()).unwrap();
        JqExpr::parse(code).unwrap().lines(&document).unwrap()
    }

    #[test]
    fn strings_are_raw_and_everything_else_compact_json() {
        let users = r#"{"users": [{"userName": "jdoe", "active": true}, {"userName": "a\"b"}]}"#;
        assert_eq!(run(".users[].userName", users), ["jdoe", "a\"b"]);
        assert_eq!(run(".users | length", users), ["2"]);
        assert_eq!(
            run(".users[0]", users),
            [r#"{"userName":"jdoe","active":true}"#]
        );
    }

    #[test]
    fn a_bad_expression_says_where() {
        let error = JqExpr::parse(".users[").unwrap_err();
        assert!(
            error.starts_with("the --jq expression '.users[' is not valid: expected"),
            "{error}"
        );
        let error = JqExpr::parse("nosuchfunction").unwrap_err();
        assert!(
            error.contains("undefined filter 'nosuchfunction'"),
            "{error}"
        );
    }

    #[test]
    fn a_failure_while_running_is_an_error() {
        let error = JqExpr::parse(".a[]")
            .unwrap()
            .lines(&json!({"a": 1}))
            .unwrap_err();
        assert!(error.starts_with("the --jq expression failed:"), "{error}");
    }
}
