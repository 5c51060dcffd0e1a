//! Tokens de API with a real SQLite file and the real keyring.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use ponte_core::db::Db;
use ponte_core::i18n::Locale;
use ponte_core::integration_types::IntegrationType;
use ponte_core::integrations::{self, IntegrationInput};
use ponte_core::people::{self, PersonInput, PersonKind};
use ponte_core::secrets::Secrets;
use ponte_core::tokens::{self, BookingUserInput, NewToken, TokenDates, TokenStatus};
use ponte_core::{expiries, reminders, CoreError};
use secrecy::{ExposeSecret, SecretString};

/// Saves through the core with the real declaration of the input's type (it lives with its supplier).
fn create(
    db: &mut Db,
    store: &Secrets,
    input: &IntegrationInput,
) -> ponte_core::error::Result<integrations::SaveOutcome> {
    integrations::create(db, store, &ponte_suppliers::registry::spec(input.ty), input)
}

fn setup() -> (tempfile::TempDir, Db, Secrets, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(dir.path()).unwrap();
    let secrets = Secrets::native(&format!("io.ponte.desktop.test.{}", std::process::id())).unwrap();
    let hotel = people::create(
        &db,
        &PersonInput {
            kind: Some(PersonKind::Company),
            name: "Hotel Bellavista".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let i = create(
        &mut db,
        &secrets,
        &IntegrationInput {
            ty: IntegrationType::Paytourist,
            description: "PayTourist Firenze".into(),
            person_id: Some(hotel.id),
            values: BTreeMap::from([
                ("comune".to_string(), "firenze".to_string()),
                ("structure_id".to_string(), "12".to_string()),
                ("software_id".to_string(), "77".to_string()),
            ]),
            secrets: BTreeMap::new(),
        },
    )
    .unwrap()
    .integration;
    let user = tokens::create_user(
        &db,
        &BookingUserInput {
            integration_id: i.id,
            name: "Booking Bellavista".into(),
            email: "booking@bellavista.it".into(),
            software: Some("Ericsoft".into()),
        },
    )
    .unwrap();
    (dir, db, secrets, user.id)
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn pasted_tokens_are_cleaned_or_refused() {
    let (t, notices) = tokens::clean_pasted("  Bearer 1|abcDEF123xyz\n").unwrap();
    assert_eq!(t.expose_secret(), "1|abcDEF123xyz");
    let keys: Vec<_> = notices.iter().map(|n| n.key.as_str()).collect();
    assert!(keys.contains(&"notice.token_bearer_removed") && keys.contains(&"notice.secret_trimmed"));
    let key = |s: &str| match tokens::clean_pasted(s) {
        Err(CoreError::Invalid(v)) => v[0].key.clone(),
        other => panic!("{s:?} accepted: {other:?}"),
    };
    assert_eq!(key(""), "error.field.required");
    assert_eq!(key("   \n"), "error.field.required");
    assert_eq!(key("abc def"), "error.token.inner_space");
    assert_eq!(key("Bearer Bearer xyz"), "error.token.inner_space");
    assert_eq!(key("tökén"), "error.token.characters");
    assert_eq!(key(&"a".repeat(100 * 1024)), "error.field.too_long");
}

#[test]
fn dates_default_to_36_months_and_are_checked() {
    let (c, e, n) = tokens::check_dates(&TokenDates {
        created_on: Some("2024-02-29".into()),
        expires_on: None,
    })
    .unwrap();
    assert_eq!((c, e), (d("2024-02-29"), d("2027-02-28")));
    assert!(n.is_empty());
    let (_, _, n) = tokens::check_dates(&TokenDates {
        created_on: Some("2022-02-28".into()),
        expires_on: None,
    })
    .unwrap();
    assert!(
        n.iter().any(|x| x.key == "notice.token_already_expired"),
        "past expiry allowed, with a warning"
    );
    assert!(tokens::check_dates(&TokenDates {
        created_on: Some("2026-11-25".into()),
        expires_on: Some("2026-11-01".into()),
    })
    .is_err());
    assert_eq!(reminders::add_months(d("2026-11-25"), 12), d("2027-11-25"));
}

#[test]
fn add_show_last4_rotate_delete() {
    let (_dir, mut db, secrets, user) = setup();
    let value = SecretString::from("1|PayTouristToken0042abcd".to_string());
    let today = tokens::today();
    let t = tokens::add(
        &mut db,
        &secrets,
        &NewToken {
            booking_user_id: user,
            name: "Gestionale",
            token: &value,
            created_on: today,
            expires_on: reminders::add_months(today, 36),
            verified_at: Some("2026-11-25T10:00:00Z".into()),
            replaces: None,
        },
    )
    .unwrap();
    assert_eq!(t.last4, "abcd");
    assert!(t.active, "the first token of a user is the active one");
    assert_eq!(t.status, TokenStatus::Valid);
    assert!(!serde_json::to_string(&tokens::users(&db, None).unwrap())
        .unwrap()
        .contains("Token0042"));
    assert!(tokens::is_duplicate(&db, &secrets, &value).unwrap());
    assert_eq!(
        tokens::value(&secrets, t.id).unwrap().expose_secret(),
        value.expose_secret()
    );

    // Rotation: a new token replacing the first, verified, activated; then the old one deleted.
    let new_value = SecretString::from("2|PayTouristToken0043wxyz".to_string());
    let n = tokens::add(
        &mut db,
        &secrets,
        &NewToken {
            booking_user_id: user,
            name: "Gestionale 2029",
            token: &new_value,
            created_on: today,
            expires_on: reminders::add_months(today, 36),
            verified_at: Some("2026-11-25T10:00:00Z".into()),
            replaces: Some(t.id),
        },
    )
    .unwrap();
    assert!(!n.active);
    assert_eq!(n.rotation_step, Some(tokens::RotationStep::Verified));
    let n = tokens::activate(&mut db, n.id).unwrap();
    assert!(n.active && n.rotation_step == Some(tokens::RotationStep::Activated));
    assert!(!tokens::token(&db, t.id).unwrap().active);
    tokens::delete(&db, &secrets, t.id).unwrap();
    assert!(!secrets.exists(&tokens::secret_id(t.id)).unwrap());
    let n = tokens::token(&db, n.id).unwrap();
    assert_eq!((n.rotation_step, n.replaces), (Some(tokens::RotationStep::Done), None));

    // A 401 marks it rejected; Lembretes lists it with its days left.
    assert_eq!(
        tokens::record_check(&db, n.id, "rejected").unwrap().status,
        TokenStatus::Rejected
    );
    let list = expiries::list(&db).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].token_id, Some(n.id));
    assert!(list[0].days_left > 1000);
    // A click on its reminder (notification, tray) opens that token's rotation, with a button to match.
    assert_eq!(list[0].route(), format!("#/tokens/{}", n.id));
    for (locale, label) in [
        (Locale::PtBr, "Renovar agora"),
        (Locale::It, "Rinnova ora"),
        (Locale::En, "Rotate now"),
    ] {
        assert_eq!(expiries::notification_action_label(locale, &list[0]), label);
    }
    let secret = expiries::Expiry {
        token_id: None,
        ..list[0].clone()
    };
    assert_eq!(secret.route(), "#/integrations");
    assert_eq!(
        expiries::notification_action_label(Locale::En, &secret),
        "Open in Ponte"
    );
    tokens::delete(&db, &secrets, n.id).unwrap();
}

#[test]
fn reminders_fire_once_across_restarts() {
    let (dir, mut db, secrets, user) = setup();
    let today = tokens::today();
    let v = SecretString::from(format!("tok-{}", std::process::id()));
    let t = tokens::add(
        &mut db,
        &secrets,
        &NewToken {
            booking_user_id: user,
            name: "Soon",
            token: &v,
            created_on: today - chrono::Duration::days(400),
            expires_on: today + chrono::Duration::days(3),
            verified_at: None,
            replaces: None,
        },
    )
    .unwrap();
    let s = expiries::reminder_settings(&db).unwrap();
    assert_eq!(s.clipboard_clear_secs, 30);
    let input = |secs| expiries::ReminderSettingsInput {
        thresholds: vec![60, 30, 7, 1, 0],
        quiet_hours: s.quiet_hours.clone(),
        clipboard_clear_secs: Some(secs),
    };
    assert!(expiries::set_reminder_settings(&db, &input(2)).is_err());
    assert_eq!(
        expiries::set_reminder_settings(&db, &input(45))
            .unwrap()
            .clipboard_clear_secs,
        45
    );
    let now = today.and_hms_opt(12, 0, 0).unwrap();
    let quiet = reminders::QuietHours {
        start: "23:00".into(),
        end: "06:00".into(),
    };
    let due = reminders::due(
        &expiries::credentials(&db).unwrap(),
        &s.thresholds,
        &expiries::sent(&db).unwrap(),
        &quiet,
        now,
    );
    assert_eq!(due.len(), 1);
    assert_eq!(
        due[0].threshold, 7,
        "60 and 30 passed unseen: only the most urgent fires"
    );
    expiries::mark_sent(&db, &due[0]).unwrap();
    drop(db);
    let db = Db::open(dir.path()).unwrap();
    let again = reminders::due(
        &expiries::credentials(&db).unwrap(),
        &s.thresholds,
        &expiries::sent(&db).unwrap(),
        &quiet,
        now,
    );
    assert!(again.is_empty(), "fired once, remembered across a restart");
    let next = reminders::next_wake(
        &expiries::credentials(&db).unwrap(),
        &s.thresholds,
        &expiries::sent(&db).unwrap(),
        &quiet,
        now,
    );
    assert_eq!(
        next,
        Some((today + chrono::Duration::days(2)).and_hms_opt(9, 0, 0).unwrap())
    );
    tokens::delete(&db, &secrets, t.id).unwrap();
}

/// A new token must not inherit a deleted one's "already reminded" (the key of a sent reminder is
/// `token:<id>`). Since schema 6 token ids are reserved and never handed out twice; the reminders of a
/// deleted token also go with it (schema 5's trigger).
#[test]
fn a_new_token_with_a_reused_id_is_reminded_again() {
    let (_dir, mut db, secrets, user) = setup();
    let today = tokens::today();
    let add = |db: &mut Db, n: &str| {
        tokens::add(
            db,
            &secrets,
            &NewToken {
                booking_user_id: user,
                name: n,
                token: &SecretString::from(format!("tok-{n}-{}", std::process::id())),
                created_on: today - chrono::Duration::days(400),
                expires_on: today + chrono::Duration::days(3),
                verified_at: None,
                replaces: None,
            },
        )
        .unwrap()
    };
    let s = expiries::reminder_settings(&db).unwrap();
    let now = today.and_hms_opt(12, 0, 0).unwrap();
    let quiet = reminders::QuietHours {
        start: "23:00".into(),
        end: "06:00".into(),
    };
    let due = |db: &Db| {
        reminders::due(
            &expiries::credentials(db).unwrap(),
            &s.thresholds,
            &expiries::sent(db).unwrap(),
            &quiet,
            now,
        )
    };
    let old = add(&mut db, "old");
    let d = due(&db);
    assert_eq!(d.len(), 1);
    expiries::mark_sent(&db, &d[0]).unwrap();
    assert!(due(&db).is_empty());
    tokens::delete(&db, &secrets, old.id).unwrap();
    let new = add(&mut db, "new");
    assert!(new.id > old.id, "a deleted token's id is not handed out again");
    assert_eq!(due(&db).len(), 1, "the new token is reminded like any other");
    tokens::delete(&db, &secrets, new.id).unwrap();
}

/// A reminder the desktop did not take (no notification service) is not recorded: it is tried again
/// ten minutes later, then recorded once shown.
#[test]
fn a_reminder_that_could_not_be_shown_is_not_lost() {
    let (_dir, mut db, secrets, user) = setup();
    let today = tokens::today();
    let t = tokens::add(
        &mut db,
        &secrets,
        &NewToken {
            booking_user_id: user,
            name: "Soon",
            token: &SecretString::from(format!("tok-lost-{}", std::process::id())),
            created_on: today - chrono::Duration::days(400),
            expires_on: today + chrono::Duration::days(3),
            verified_at: None,
            replaces: None,
        },
    )
    .unwrap();
    let now = today.and_hms_opt(12, 0, 0).unwrap();
    let refused = ponte_core::reminder_run::fire_due(&db, now, |_, _| Err("no notification service".into())).unwrap();
    assert_eq!((refused.shown.len(), refused.failed), (0, 1));
    assert_eq!(
        refused.next,
        Some(now + ponte_core::reminder_run::RETRY_AFTER),
        "tried again soon, not in a loop"
    );
    let mut titles = Vec::new();
    let later = now + ponte_core::reminder_run::RETRY_AFTER;
    let shown = ponte_core::reminder_run::fire_due(&db, later, |e, kind| {
        titles.push((e.key.clone(), kind));
        Ok(())
    })
    .unwrap();
    assert_eq!(shown.shown.len(), 1);
    assert_eq!(titles, vec![(format!("token:{}", t.id), "expiring")]);
    let again = ponte_core::reminder_run::fire_due(&db, later, |_, _| panic!("already shown")).unwrap();
    assert!(again.shown.is_empty());
    tokens::delete(&db, &secrets, t.id).unwrap();
}
