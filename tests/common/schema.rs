//! The subset of JSON Schema that `assets/log-schema.json` and
//! `assets/review-schema.json` use, checked field by field.
#![allow(dead_code, clippy::unwrap_used, clippy::panic)]

use jiff::Timestamp;
use serde_json::Value;

/// Checks a value against the subset of JSON Schema that the assets'
/// schemas use: every object's fields are listed and no others are allowed,
/// so this proves the schema documents every field; a field that is not
/// required must say when it is present.
pub fn check(value: &Value, schema: &Value, at: &str) {
    if let Some(constant) = schema.get("const") {
        assert_eq!(value, constant, "{at}");
    }
    if let Some(options) = schema.get("enum") {
        assert!(
            options.as_array().unwrap().contains(value),
            "{at}: {value} is not one of {options}"
        );
    }
    if let Some(types) = schema.get("type") {
        let types: Vec<&str> = match types {
            Value::String(one) => vec![one.as_str()],
            Value::Array(many) => many.iter().map(|kind| kind.as_str().unwrap()).collect(),
            _ => panic!("{at}: bad type in schema"),
        };
        let kind = match value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(number) if number.is_u64() || number.is_i64() => "integer",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        };
        assert!(types.contains(&kind), "{at}: {kind} is not one of {types:?}");
    }
    if let (Some(format), Value::String(text)) = (schema.get("format"), value) {
        match format.as_str().unwrap() {
            "date-time" => {
                assert!(text.parse::<Timestamp>().is_ok() && text.ends_with('Z'), "{at}: {text}");
            }
            "date" => assert!(text.parse::<jiff::civil::Date>().is_ok(), "{at}: {text}"),
            other => panic!("{at}: unknown format {other}"),
        }
    }
    if let Value::Object(fields) = value {
        let properties = schema["properties"].as_object().unwrap();
        let required: Vec<&str> = schema["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|name| name.as_str().unwrap())
            .collect();
        let names: Vec<&str> = properties.keys().map(String::as_str).collect();
        for name in &required {
            assert!(names.contains(name), "{at}: {name} is required but not listed");
        }
        // A field that is not always there says when it is.
        for name in names.iter().filter(|name| !required.contains(name)) {
            let description = properties[*name]["description"].as_str().unwrap_or_default();
            assert!(
                description.starts_with("Present only when"),
                "{at}.{name}: a field that is not required must say when it is present"
            );
        }
        assert_eq!(schema["additionalProperties"], false, "{at}");
        for name in &required {
            assert!(fields.contains_key(*name), "{at}: {name} is missing");
        }
        for name in fields.keys() {
            assert!(names.contains(&name.as_str()), "{at}: {name} is not in the schema");
        }
        for (name, field) in fields {
            check(field, &properties[name], &format!("{at}.{name}"));
        }
    }
    if let Value::Array(items) = value {
        for (index, item) in items.iter().enumerate() {
            check(item, &schema["items"], &format!("{at}[{index}]"));
        }
    }
}
