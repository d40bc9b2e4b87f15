//! Reading a JSON object field by field with exact types and clear `DECODE` errors. Fields not
//! taken stay behind as extras, so unknown fields reach JS instead of being dropped.
//! (`#[serde(flatten)]` cannot do this with `arbitrary_precision` numbers.)

use serde_json::{Map, Value};

use crate::error::{Result, StreamError};

pub struct Fields {
    map: Map<String, Value>,
    what: &'static str,
}

impl Fields {
    pub fn new(value: Value, what: &'static str) -> Result<Self> {
        match value {
            Value::Object(map) => Ok(Self { map, what }),
            other => Err(StreamError::decode(format!(
                "{what} is {}, expected an object",
                kind(&other)
            ))),
        }
    }

    fn wrong(&self, key: &str, value: &Value, expected: &str) -> StreamError {
        StreamError::decode(format!(
            "{}: field \"{key}\" is {}, expected {expected}",
            self.what,
            kind(value)
        ))
    }

    pub fn required_str(&mut self, key: &str) -> Result<String> {
        self.opt_str(key)?.ok_or_else(|| {
            StreamError::decode(format!("{}: field \"{key}\" is missing", self.what))
        })
    }

    /// A string; `null` or absent is `None`.
    pub fn opt_str(&mut self, key: &str) -> Result<Option<String>> {
        match self.map.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(self.wrong(key, &other, "a string")),
        }
    }

    /// A number given as a JSON string or number, as its exact text (never through a float).
    pub fn opt_number_text(&mut self, key: &str) -> Result<Option<String>> {
        match self.map.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(other) => Err(self.wrong(key, &other, "a number or numeric string")),
        }
    }

    /// An integer in smallest units, as a JSON string or number: ASCII digits, optional `-`.
    pub fn opt_integer_text(&mut self, key: &str) -> Result<Option<String>> {
        let text = self.opt_number_text(key)?;
        if let Some(t) = &text {
            let digits = t.strip_prefix('-').unwrap_or(t);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(StreamError::decode(format!(
                    "{}: field \"{key}\" is \"{}\", expected an integer amount in smallest units",
                    self.what,
                    crate::amount::escape(&t.chars().take(40).collect::<String>())
                )));
            }
        }
        Ok(text)
    }

    pub fn opt_bool(&mut self, key: &str) -> Result<Option<bool>> {
        match self.map.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(b)),
            Some(other) => Err(self.wrong(key, &other, "a boolean")),
        }
    }

    /// A non-negative integer that fits a JS number exactly.
    pub fn opt_count(&mut self, key: &str) -> Result<Option<u64>> {
        match self.map.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) if n.as_u64().is_some_and(|v| v < (1 << 53)) => Ok(n.as_u64()),
            Some(other) => Err(self.wrong(key, &other, "a non-negative integer")),
        }
    }

    pub fn opt_array(&mut self, key: &str) -> Result<Vec<Value>> {
        match self.map.remove(key) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) => Ok(items),
            Some(other) => Err(self.wrong(key, &other, "an array")),
        }
    }

    pub fn required_object(&mut self, key: &str) -> Result<Value> {
        match self.map.remove(key) {
            Some(v @ Value::Object(_)) => Ok(v),
            None => Err(StreamError::decode(format!(
                "{}: field \"{key}\" is missing",
                self.what
            ))),
            Some(other) => Err(self.wrong(key, &other, "an object")),
        }
    }

    /// Whatever was not taken, with snake_case keys turned camelCase like the known fields.
    pub fn into_extras(self) -> Map<String, Value> {
        self.map
            .into_iter()
            .map(|(k, v)| (camel_case(&k), v))
            .collect()
    }
}

pub fn camel_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut upper = false;
    for c in key.chars() {
        if c == '_' && !out.is_empty() {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// "a string", "an object"...: the JSON type of `value`, for messages.
pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn camel_cases_snake_keys() {
        assert_eq!(camel_case("display_amount_usd"), "displayAmountUsd");
        assert_eq!(camel_case("displayAmount"), "displayAmount");
        assert_eq!(camel_case("_private"), "_private");
    }

    #[test]
    fn numbers_keep_their_exact_text() {
        let v: Value =
            serde_json::from_str(r#"{"a": 166389351081530800779973, "b": "12", "c": 1.50}"#)
                .unwrap();
        let mut f = Fields::new(v, "x").unwrap();
        assert_eq!(
            f.opt_integer_text("a").unwrap().unwrap(),
            "166389351081530800779973"
        );
        assert_eq!(f.opt_integer_text("b").unwrap().unwrap(), "12");
        assert_eq!(f.opt_number_text("c").unwrap().unwrap(), "1.50");
    }

    #[test]
    fn wrong_types_are_decode_errors_naming_the_field() {
        let mut f =
            Fields::new(json!({"amount": {"v": 1}, "n": "1.5", "ok": 1}), "payment").unwrap();
        let err = f.opt_number_text("amount").unwrap_err();
        assert_eq!(
            err.message,
            "payment: field \"amount\" is an object, expected a number or numeric string"
        );
        assert!(f.opt_integer_text("n").is_err());
        assert!(f.opt_str("ok").is_err());
        assert!(Fields::new(json!([1]), "payment").is_err());
    }
}
