//! A profile added through the UI: its key goes to the Secret Service, and nowhere else.

use e2e::{files_containing, keychain_secret, Market};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_profile_key_is_in_the_keychain_and_nowhere_in_the_apps_files() {
    e2e::run("profile-keychain", |app| async move {
        // A seller only this run knows: its key is a string found nowhere else on the machine.
        let key = app.new_seller(Market::Gg).await;
        let id = app.add_profile("E2E keychain", Market::Gg, &key).await;

        // The page: the profile is open and shows the masked key only.
        assert_eq!(app.text("header-profile-name").await, "E2E keychain");
        let masked = app.text("header-masked-key").await;
        let chars: Vec<char> = key.chars().collect();
        let expected: String = chars[..4].iter().chain(['…'].iter()).chain(chars[chars.len() - 4..].iter()).collect();
        assert_eq!(masked, expected, "the header shows the masked key");
        let page = app
            .js(
                "return document.documentElement.outerHTML + '\\n' + \
                 Array.from(document.querySelectorAll('input, textarea')).map(e => e.value).join('\\n')",
                vec![],
            )
            .await;
        assert!(
            !page.as_str().unwrap_or_default().contains(&key),
            "the key is nowhere in the page once the profile is added"
        );

        app.checkpoint("1-profile-added").await;
        // The keychain: service sellerdesk, account profile:<id>, holds exactly the key.
        assert_eq!(keychain_secret(&id).as_deref(), Some(key.as_str()), "the Secret Service item of profile:{id}");

        // The app reads it back from there: a connection test reaches the sandbox with this key.
        app.click("header-test-connection").await;
        app.find("header-test-connection-ok").await;
        let used = app.requests().await.into_iter().filter(|r| r.is_from(&key) && r.status == Some(200)).count();
        assert!(used > 0, "the sandbox answered a request made with the profile's key");

        // profiles.json: the profile, its market and sandbox URL, no key.
        let file = app.dirs.config.join("profiles.json");
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&file).expect("profiles.json")).expect("JSON");
        let profile = json["profiles"]
            .as_array()
            .expect("profiles")
            .iter()
            .find(|p| p["id"] == id.as_str())
            .expect("the profile in profiles.json");
        assert_eq!(profile["name"], "E2E keychain");
        assert_eq!(profile["market"], "gg");
        assert_eq!(profile["base_url"], app.sandbox.gg_base_url().as_str());
        assert_eq!(json["active_profile_id"], id.as_str());

        // Every file the app wrote (profiles.json, WebKit's storage and caches in the XDG dirs),
        // and everything it printed: no key, in UTF-8 or UTF-16.
        let mut read = 0;
        for dir in app.dirs.app_dirs() {
            let (found, n) = files_containing(dir, &key);
            assert!(found.is_empty(), "the key is in the app's files: {found:?}");
            read += n;
        }
        assert!(read >= 2, "the app wrote its files where the test looks ({read} files read)");
        eprintln!("e2e: the key is in none of the {read} files the app wrote");
        let written_by_webkit =
            app.dirs.app_dirs()[1..].iter().any(|d| std::fs::read_dir(d).is_ok_and(|mut e| e.next().is_some()));
        assert!(written_by_webkit, "the app's XDG data/config/cache directories were used");
        assert!(!app.driver_log().contains(&key), "the key is in the output of the app or the drivers");

        // Deleting the profile removes its key from the keychain too.
        app.click("sidebar-manage-profiles").await;
        app.click(&format!("profiles-delete-{id}")).await;
        app.click("confirm-ok").await;
        app.toast("success", "Profile deleted").await;
        app.wait_gone(&format!("profiles-item-{id}")).await;
        assert_eq!(keychain_secret(&id), None, "the key left the keychain with its profile");
        let json = std::fs::read_to_string(&file).expect("profiles.json");
        assert!(!json.contains(&id), "the profile left profiles.json");
    })
    .await;
}
