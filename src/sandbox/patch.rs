//! Applying a PATCH request (RFC 7644 §3.5.2) to a resource held as JSON. All operations apply
//! or none does: the caller stores the result only if every operation succeeded.

use scim_v2::filter::{AttrPath, PatchPath};
use serde_json::{Map, Value};

use super::discovery::ENTERPRISE_SCHEMA;
use super::matching::val_matches;
use crate::scim::model::{PatchKind, PatchOp, PatchOperation, USER_SCHEMA};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatchError {
    pub scim_type: &'static str,
    pub detail: String,
}

fn error(scim_type: &'static str, detail: impl Into<String>) -> PatchError {
    PatchError {
        scim_type,
        detail: detail.into(),
    }
}

const READ_ONLY: [&str; 3] = ["id", "meta", "schemas"];

pub fn apply(resource: &Value, patch: &PatchOp) -> Result<Value, PatchError> {
    let mut result = resource.clone();
    for operation in &patch.operations {
        apply_one(&mut result, operation)?;
    }
    Ok(result)
}

fn apply_one(resource: &mut Value, operation: &PatchOperation) -> Result<(), PatchError> {
    let object = resource
        .as_object_mut()
        .ok_or_else(|| error("invalidSyntax", "the resource is not an object"))?;
    let Some(path) = operation.path.as_deref().filter(|p| !p.trim().is_empty()) else {
        return apply_without_path(object, operation);
    };
    if path.trim().eq_ignore_ascii_case(ENTERPRISE_SCHEMA) {
        // The path names a whole extension, which a resource holds as one complex attribute
        // keyed by the schema's URN (RFC 7643 §3.3). Parsed as an attribute path, the URN's
        // last segment would be read as an attribute "User" of a schema "…:2.0".
        return apply_to_attribute(object, &AttrPath::with_name(ENTERPRISE_SCHEMA), operation);
    }
    let path: PatchPath = path.parse().map_err(|e| {
        error(
            "invalidPath",
            format!("the path '{path}' cannot be parsed: {e}"),
        )
    })?;
    match path {
        PatchPath::Attr(attr) => apply_to_attribute(object, &attr, operation),
        PatchPath::Value(vp) => {
            check_writable(&vp.attr.name)?;
            let container = container_mut(object, &vp.attr, false)?.ok_or_else(|| {
                error(
                    "noTarget",
                    format!("'{}' has no values to match", vp.attr.name),
                )
            })?;
            let Some(Value::Array(items)) = find_key_mut(container, &vp.attr.name) else {
                return Err(error(
                    "noTarget",
                    format!("'{}' has no values to match", vp.attr.name),
                ));
            };
            let selected: Vec<usize> = (0..items.len())
                .filter(|&i| val_matches(&vp.filter, &items[i]))
                .collect();
            if selected.is_empty() {
                return Err(error(
                    "noTarget",
                    format!("no value of '{}' matches the path filter", vp.attr.name),
                ));
            }
            match (operation.op, vp.sub_attr.as_deref()) {
                (PatchKind::Remove, None) => {
                    for index in selected.into_iter().rev() {
                        items.remove(index);
                    }
                }
                (PatchKind::Remove, Some(sub)) => {
                    for index in selected {
                        if let Some(element) = items[index].as_object_mut() {
                            remove_key(element, sub);
                        }
                    }
                }
                (PatchKind::Add | PatchKind::Replace, sub) => {
                    let value = operation
                        .value
                        .clone()
                        .ok_or_else(|| error("invalidValue", "the operation has no value"))?;
                    for index in selected {
                        let element = items[index].as_object_mut().ok_or_else(|| {
                            error("invalidPath", "the matched value is not complex")
                        })?;
                        match (sub, &value) {
                            (Some(sub), value) => set_key(element, sub, value.clone()),
                            (None, Value::Object(fields)) => {
                                for (k, v) in fields {
                                    set_key(element, k, v.clone());
                                }
                            }
                            (None, _) => {
                                return Err(error(
                                    "invalidValue",
                                    "replacing a matched value needs an object",
                                ));
                            }
                        }
                    }
                }
            }
            Ok(())
        }
    }
}

/// `add`/`replace` with no path: the value is an object of attributes to set.
fn apply_without_path(
    object: &mut Map<String, Value>,
    operation: &PatchOperation,
) -> Result<(), PatchError> {
    if operation.op == PatchKind::Remove {
        return Err(error("noTarget", "remove needs a path"));
    }
    let Some(Value::Object(fields)) = &operation.value else {
        return Err(error(
            "invalidValue",
            "an operation without a path needs an object value",
        ));
    };
    for (key, value) in fields {
        if key.starts_with("urn:") && value.is_object() && !key.eq_ignore_ascii_case(USER_SCHEMA) {
            // An extension schema's attributes, e.g. the enterprise manager.
            let extension = object
                .entry(key.clone())
                .or_insert_with(|| Value::Object(Map::new()));
            if let (Some(target), Value::Object(values)) = (extension.as_object_mut(), value) {
                for (k, v) in values {
                    set_key(target, k, v.clone());
                }
            }
            continue;
        }
        let attr: AttrPath = AttrPath::with_name(key.clone());
        apply_to_attribute(
            object,
            &attr,
            &PatchOperation {
                path: None,
                ..operation.clone()
            }
            .with_value(value.clone()),
        )?;
    }
    Ok(())
}

fn apply_to_attribute(
    object: &mut Map<String, Value>,
    attr: &AttrPath,
    operation: &PatchOperation,
) -> Result<(), PatchError> {
    check_writable(&attr.name)?;
    let target_name = attr.sub_attr.as_deref().unwrap_or(&attr.name).to_string();
    let create = operation.op != PatchKind::Remove;
    let Some(container) = container_mut(object, attr, create)? else {
        return Ok(()); // removing from something absent changes nothing
    };
    match operation.op {
        PatchKind::Remove => {
            remove_key(container, &target_name);
        }
        PatchKind::Replace => {
            let value = operation
                .value
                .clone()
                .ok_or_else(|| error("invalidValue", "replace needs a value"))?;
            set_key(container, &target_name, value);
        }
        PatchKind::Add => {
            let value = operation
                .value
                .clone()
                .ok_or_else(|| error("invalidValue", "add needs a value"))?;
            match (find_key_mut(container, &target_name), value) {
                (Some(Value::Array(existing)), Value::Array(more)) => {
                    for item in more {
                        if !existing.contains(&item) {
                            existing.push(item);
                        }
                    }
                }
                (Some(Value::Object(existing)), Value::Object(more)) => {
                    for (k, v) in more {
                        set_key(existing, &k, v);
                    }
                }
                (_, value) => set_key(container, &target_name, value),
            }
        }
    }
    Ok(())
}

/// The object that holds the attribute: the resource, an extension object, or (for
/// `name.givenName`) the complex attribute.
fn container_mut<'a>(
    object: &'a mut Map<String, Value>,
    attr: &AttrPath,
    create: bool,
) -> Result<Option<&'a mut Map<String, Value>>, PatchError> {
    let mut container = object;
    if let Some(uri) = attr
        .uri
        .as_deref()
        .filter(|u| !u.eq_ignore_ascii_case(USER_SCHEMA))
    {
        if find_key_mut(container, uri).is_none() {
            if !create {
                return Ok(None);
            }
            container.insert(uri.to_string(), Value::Object(Map::new()));
        }
        container = find_key_mut(container, uri)
            .and_then(Value::as_object_mut)
            .ok_or_else(|| error("invalidPath", format!("'{uri}' is not an extension object")))?;
    }
    if attr.sub_attr.is_none() {
        return Ok(Some(container));
    }
    if find_key_mut(container, &attr.name).is_none() {
        if !create {
            return Ok(None);
        }
        container.insert(attr.name.clone(), Value::Object(Map::new()));
    }
    find_key_mut(container, &attr.name)
        .and_then(Value::as_object_mut)
        .map(Some)
        .ok_or_else(|| {
            error(
                "invalidPath",
                format!("'{}' is not a complex attribute", attr.name),
            )
        })
}

fn check_writable(name: &str) -> Result<(), PatchError> {
    if READ_ONLY.iter().any(|r| r.eq_ignore_ascii_case(name)) {
        return Err(error("mutability", format!("'{name}' is read-only")));
    }
    Ok(())
}

/// Attribute names ignore case: write over the existing spelling rather than adding a twin.
fn set_key(object: &mut Map<String, Value>, key: &str, value: Value) {
    let existing = object.keys().find(|k| k.eq_ignore_ascii_case(key)).cloned();
    object.insert(existing.unwrap_or_else(|| key.to_string()), value);
}

fn remove_key(object: &mut Map<String, Value>, key: &str) {
    if let Some(existing) = object.keys().find(|k| k.eq_ignore_ascii_case(key)).cloned() {
        object.remove(&existing);
    }
}

fn find_key_mut<'a>(object: &'a mut Map<String, Value>, key: &str) -> Option<&'a mut Value> {
    let existing = object
        .keys()
        .find(|k| k.eq_ignore_ascii_case(key))
        .cloned()?;
    object.get_mut(&existing)
}

impl PatchOperation {
    fn with_value(mut self, value: Value) -> PatchOperation {
        self.value = Some(value);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn user() -> Value {
        json!({"id": "1", "userName": "jdoe", "active": true,
               "emails": [{"value": "a@x.com", "type": "work", "primary": true}, {"value": "b@x.com", "type": "home"}],
               "name": {"givenName": "J"}})
    }

    fn patch(ops: Value) -> Result<Value, PatchError> {
        let op: PatchOp = serde_json::from_value(
            json!({"schemas": [crate::scim::model::PATCH_OP_SCHEMA], "Operations": ops}),
        )
        .unwrap();
        apply(&user(), &op)
    }

    #[test]
    fn replaces_one_email_by_value_filter_and_keeps_the_others() {
        let out = patch(json!([{"op": "replace", "path": "emails[value eq \"B@X.COM\"].value", "value": "released@x.com"}])).unwrap();
        assert_eq!(out["emails"][0]["value"], "a@x.com");
        assert_eq!(out["emails"][1]["value"], "released@x.com");
    }

    #[test]
    fn removes_a_matched_value_and_a_simple_attribute() {
        let out = patch(json!([{"op": "remove", "path": "emails[type eq \"work\"]"}, {"op": "Remove", "path": "name.givenName"}])).unwrap();
        assert_eq!(out["emails"].as_array().unwrap().len(), 1);
        assert_eq!(out["name"], json!({}));
    }

    #[test]
    fn replaces_without_a_path_and_in_any_case() {
        let out =
            patch(json!([{"op": "Replace", "value": {"USERNAME": "jdoe2", "active": false}}]))
                .unwrap();
        assert_eq!(out["userName"], "jdoe2");
        assert_eq!(out["active"], false);
    }

    #[test]
    fn adds_to_a_multi_valued_attribute_and_an_extension() {
        let out = patch(json!([
            {"op": "add", "path": "emails", "value": [{"value": "c@x.com"}]},
            {"op": "add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "value": "42"}
        ]))
        .unwrap();
        assert_eq!(out["emails"].as_array().unwrap().len(), 3);
        assert_eq!(
            out["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]["employeeNumber"],
            "42"
        );
    }

    #[test]
    fn a_whole_extension_is_added_to_replaced_and_removed_by_its_urn() {
        let urn = ENTERPRISE_SCHEMA;
        let out = patch(json!([
            {"op": "add", "path": urn, "value": {"employeeNumber": "42"}},
            {"op": "add", "path": urn, "value": {"department": "IT"}}
        ]))
        .unwrap();
        assert_eq!(
            out[urn],
            json!({"employeeNumber": "42", "department": "IT"})
        );
        assert!(
            out.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0")
                .is_none()
        );
        let out = patch(json!([
            {"op": "add", "path": format!("{urn}:employeeNumber"), "value": "42"},
            {"op": "replace", "path": urn.to_lowercase(), "value": {"costCenter": "7"}}
        ]))
        .unwrap();
        assert_eq!(out[urn], json!({"costCenter": "7"}));
        let out = patch(json!([
            {"op": "add", "path": format!("{urn}:employeeNumber"), "value": "42"},
            {"op": "remove", "path": urn}
        ]))
        .unwrap();
        assert!(out.get(urn).is_none(), "{out}");
    }

    #[test]
    fn refusals_name_the_rfc_error_type() {
        let kind = |ops| patch(ops).unwrap_err().scim_type;
        assert_eq!(
            kind(
                json!([{"op": "replace", "path": "emails[value eq \"zz@x.com\"].value", "value": "q"}])
            ),
            "noTarget"
        );
        assert_eq!(
            kind(json!([{"op": "replace", "path": "id", "value": "2"}])),
            "mutability"
        );
        assert_eq!(
            kind(json!([{"op": "replace", "path": "emails[value eq", "value": "q"}])),
            "invalidPath"
        );
        assert_eq!(kind(json!([{"op": "remove"}])), "noTarget");
    }
}
