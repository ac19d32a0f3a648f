//! Request bodies a seller writes by hand (a `--file`, a job file): typed, with a mismatch named
//! by its JSON path, and the fields the API does not take named instead of dropped in silence.

use serde::de::DeserializeOwned;

/// A body as `T`, and the JSON paths of fields `T` does not have (not sent: a typo such as
/// `"prise"` would otherwise vanish). Err: the path of the mismatch (`accounts[0].login`, or
/// `.` for the whole value) and what is wrong there.
pub fn typed_noting_unknown<T: DeserializeOwned>(
    value: serde_json::Value,
) -> Result<(T, Vec<String>), (String, String)> {
    let mut unknown = Vec::new();
    let mut note = |path: serde_ignored::Path<'_>| unknown.push(path.to_string());
    let de = serde_ignored::Deserializer::new(value, &mut note);
    let typed = serde_path_to_error::deserialize(de).map_err(|e| (e.path().to_string(), e.inner().to_string()))?;
    Ok((typed, unknown))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    struct Body {
        #[allow(dead_code)]
        price: String,
    }

    #[test]
    fn unknown_fields_are_named_and_mismatches_located() {
        let (_, unknown) = typed_noting_unknown::<Body>(serde_json::json!({"price": "1", "prise": 2})).unwrap();
        assert_eq!(unknown, ["prise"]);
        let (path, _) = typed_noting_unknown::<Body>(serde_json::json!({"price": 1})).unwrap_err();
        assert_eq!(path, "price");
    }
}
