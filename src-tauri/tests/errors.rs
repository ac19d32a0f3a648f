//! Every failure crosses IPC as `{code, message, fields}`: the mapping from each crate error.

use markets::{Error, FieldError, Market, Origin};
use profiles::KeychainError;
use seller_desk::error::CommandError;

#[test]
fn every_markets_error_keeps_its_code_message_and_fields() {
    let m = Market::GgChest;
    let fields = vec![FieldError::new("price", "must match ^[0-9]{1,16}(\\.[0-9]{1,2})?$")];
    let cases = [
        (Error::KeyRejected { market: m, status: 401, message: "bad key".into() }, "key_rejected"),
        (Error::Forbidden { market: m, message: "no".into() }, "forbidden"),
        (Error::NotFound { market: m, what: "offer x".into(), message: String::new() }, "not_found"),
        (Error::invalid(fields.clone()), "invalid_input"),
        (
            Error::Validation {
                market: Some(m),
                origin: Origin::Remote,
                message: "bad".into(),
                fields: fields.clone(),
            },
            "validation",
        ),
        (Error::BusinessRule { market: m, message: "duplicate codes: A".into(), fields: vec![] }, "business_rule"),
        (Error::RateLimited { market: m, retry_after: None }, "rate_limited"),
        (Error::Unavailable { market: m, status: 503, message: String::new() }, "unavailable"),
        (
            Error::OutcomeUnknown { market: m, operation: "POST /v1/offers".into(), detail: String::new() },
            "outcome_unknown",
        ),
        (Error::Network { market: m, url: "https://x".into(), detail: "refused".into() }, "network"),
        (
            Error::UnexpectedResponse {
                market: m,
                status: 200,
                json_path: "items[0].id".into(),
                detail: "missing".into(),
                body_excerpt: String::new(),
            },
            "unexpected_response",
        ),
        (Error::Config("bad base URL".into()), "config"),
    ];
    for (err, code) in cases {
        let expected_fields = err.fields().to_vec();
        let message = err.to_string();
        let mapped = CommandError::from(err);
        assert_eq!(mapped.code.as_str(), code);
        assert_eq!(mapped.message, message, "the crate's message, which says what to do");
        assert_eq!(mapped.fields, expected_fields);
        // The template filled with the values is the message, so a translation of the template
        // says the same.
        let text = mapped.text.expect("a marketplace error carries its template");
        let params: Vec<(&str, String)> = text.params.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        assert_eq!(markets::error_text::fill(&text.template, &params), message);
        assert!(markets::MESSAGE_TEMPLATES.contains(&text.template.as_str()), "{}", text.template);
    }
}

#[test]
fn the_wire_shape_is_code_message_fields_and_the_message_as_template_and_values() {
    let mapped = CommandError::from(Error::invalid(vec![FieldError::new("qty_min", "must be at least 1")]));
    let json = serde_json::to_value(&mapped).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "code": "invalid_input",
            "message": "invalid input, nothing was sent; qty_min: must be at least 1",
            "fields": [{"field": "qty_min", "message": "must be at least 1"}],
            "text": {
                "template": "invalid input, nothing was sent{fields}",
                "params": { "fields": "; qty_min: must be at least 1" }
            }
        })
    );
    // The shell's own errors have no template: the UI shows their message as it is.
    let own = serde_json::to_value(CommandError::new(markets::ErrorCode::File, "cannot read a.csv")).unwrap();
    assert_eq!(own, serde_json::json!({ "code": "file", "message": "cannot read a.csv", "fields": [] }));
}

#[test]
fn keychain_errors_say_what_to_install_or_unlock() {
    let unavailable = [
        KeychainError::NoSessionBus { detail: "no bus".into() },
        KeychainError::NoSecretService,
        KeychainError::NotUnlocked,
        KeychainError::Locked { detail: "IsLocked".into() },
        KeychainError::AccessDenied { detail: "denied".into() },
        KeychainError::Platform { detail: "odd".into() },
    ];
    for err in unavailable {
        let text = err.to_string();
        let mapped = CommandError::from(err);
        assert_eq!(mapped.code, markets::ErrorCode::KeychainUnavailable);
        assert_eq!(mapped.message, text);
    }
    assert!(CommandError::from(KeychainError::NoSecretService).message.contains("gnome-keyring"));
    assert!(CommandError::from(KeychainError::NotUnlocked).message.contains("unlock"));

    for err in [
        KeychainError::NoEntry { profile: "Shop".into() },
        KeychainError::NotText { profile: "Shop".into() },
        KeychainError::Ambiguous { profile: "Shop".into(), count: 2 },
    ] {
        let mapped = CommandError::from(err);
        assert_eq!(mapped.code, markets::ErrorCode::NoKey);
        assert!(mapped.message.contains("Replace key"), "the app's fix, not the CLI's: {}", mapped.message);
    }
    let rejected = CommandError::from(KeychainError::Rejected { detail: "too long".into() });
    assert_eq!((rejected.code.as_str(), rejected.fields[0].field.as_str()), ("invalid_input", "api_key"));
}

#[test]
fn profile_errors_map_to_fields_or_codes() {
    let dir = tempfile::tempdir().unwrap();
    let store = profiles::ProfileStore::open_at(dir.path().join("profiles.json"));
    let name_err = CommandError::from(store.add("", Market::GamingGoods, None).unwrap_err());
    assert_eq!((name_err.code.as_str(), name_err.fields[0].field.as_str()), ("invalid_input", "name"));
    let url_err = CommandError::from(store.add("A", Market::GamingGoods, Some("http://example.com")).unwrap_err());
    assert_eq!(url_err.fields[0].field, "base_url");
    assert_eq!(CommandError::from(store.get("nope").unwrap_err()).code, markets::ErrorCode::ProfileNotFound);
    std::fs::write(dir.path().join("profiles.json"), "[1]").unwrap();
    assert_eq!(CommandError::from(store.list().unwrap_err()).code, markets::ErrorCode::ProfileInvalid);
    let io = CommandError::from(std::io::Error::other("disk full"));
    assert_eq!(io.code, markets::ErrorCode::File);
}
