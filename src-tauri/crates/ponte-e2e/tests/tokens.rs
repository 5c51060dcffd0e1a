//! Issue 6 in the real window, in Italian: Tokens de API for a PayTourist integration pointing at the
//! supplier simulator. A token pasted with `Bearer ` is verified live, stored in the keyring and shown
//! only as its last four characters; Copia puts it on the X clipboard and takes it off 30 s later
//! unless something else was copied since; the rotation wizard replaces it and deletes the old one.
//! Run with `.ci/window-tests.sh` (needs `xclip` and `secret-tool`).

use std::time::{Duration, Instant};

use anyhow::{ensure, Context, Result};
use ponte_e2e::{clipboard_text, files_containing, keyring_lookup, testid, App, ClipboardHolder, Harness};
use ponte_sim::{PayTouristToken, SimConfig, SimHandle};

const FORM: &str = "dialog[data-testid=integration-form]";
const ROTATION: &str = "dialog[data-testid=token-rotation]";
const ROW: &str = "[data-testid=token-row]";
/// The second valid token the simulator accepts (Sanctum style, `<id>|<40 characters>`).
const SECOND: &str = "9|Rt5Yu8Io1Pa4Sd7Fg0Hj3Kl6Zx9Cv2Bn5Mq8We1R";
const OTHER_TEXT: &str = "testo copiato da un'altra applicazione";
/// The app clears the clipboard this long after a copy (src-tauri/src/clipboard.rs).
const CLEAR_AFTER: Duration = Duration::from_secs(30);

fn open_db(h: &Harness) -> Result<rusqlite::Connection> {
    let path = h.data_dir().join("ponte.db");
    rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .with_context(|| format!("open {}", path.display()))
}

/// The part of a token that is secret (after `<id>|`).
fn secret_part(token: &str) -> &str {
    token.split_once('|').map_or(token, |(_, s)| s)
}

/// Waits until the clipboard holds `text`.
async fn wait_clipboard(text: &str) -> Result<()> {
    ponte_e2e::poll(
        &format!("the clipboard to hold {text:?}"),
        Duration::from_secs(10),
        || async {
            let now = clipboard_text().await?;
            if now.as_deref() == Some(text) {
                Ok(Some(()))
            } else {
                Err(anyhow::anyhow!("it holds {now:?}"))
            }
        },
    )
    .await
}

/// Clicks Avanti in the rotation wizard until it shows step `view` (at most `clicks` times: a step
/// whose action only checked something stays put with Avanti enabled again).
async fn rotation_to(app: &App, view: u32, clicks: usize) -> Result<()> {
    let target = format!("{ROTATION}[data-view='{view}']");
    let next = format!("{ROTATION} [data-testid=rotation-next]");
    for _ in 0..clicks {
        app.click(&format!("{next}:not([disabled])")).await?;
        let clicked = Instant::now();
        let moved = ponte_e2e::poll(
            &format!("the rotation to reach step {view}"),
            Duration::from_secs(40),
            || async {
                if app.count(&target).await? > 0 {
                    return Ok(Some(true));
                }
                let idle = app.attr(&next, "disabled").await?.is_none();
                Ok((idle && clicked.elapsed() > Duration::from_secs(2)).then_some(false))
            },
        )
        .await?;
        if moved {
            break;
        }
    }
    app.wait_css(&target)
        .await
        .with_context(|| format!("the rotation at step {view}"))?;
    if view <= 5 {
        let state = app
            .attr(&format!("{ROTATION} [data-testid=rotation-step-{view}]"), "data-state")
            .await?;
        ensure!(
            state.as_deref() == Some("current"),
            "step {view} is {state:?}, not current"
        );
    }
    for done in 1..view.min(6) {
        let state = app
            .attr(&format!("{ROTATION} [data-testid=rotation-step-{done}]"), "data-state")
            .await?;
        ensure!(
            state.as_deref() == Some("done"),
            "at step {view}, step {done} is {state:?}"
        );
    }
    Ok(())
}

#[tokio::test]
async fn paytourist_token_in_italian_masked_copied_cleared_and_rotated() {
    let sim = SimHandle::start_blocking(SimConfig::new(6, 10).with_test_key()).expect("start the simulator");
    sim.add_paytourist_token(PayTouristToken {
        token: SECOND.into(),
        expires_at: chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2029, 9, 30, 0, 0, 0).single(),
        revoked: false,
    });
    let info = sim.client_info().paytourist;
    let first = info
        .valid_tokens
        .iter()
        .find(|t| *t != SECOND)
        .expect("a valid token")
        .clone();
    assert!(
        info.valid_tokens.iter().any(|t| t == SECOND),
        "the second token is not valid"
    );
    let structure = info.structures.first().expect("a structure").id;

    Harness::run_within("tokens", Duration::from_secs(300), async |h| {
        let secrets = [
            ("first token", secret_part(&first)),
            ("second token", secret_part(SECOND)),
        ];
        let app = h.launch().await?;
        app.set_language("it", "Persone").await?;

        // The PayTourist integration, through its form (the API address is under Avanzate).
        app.open_screen("nav-integrations", &testid("integrations-new")).await?;
        app.click(&testid("integrations-new")).await?;
        app.click(&testid("type-paytourist")).await?;
        app.wait_css(FORM).await?;
        app.type_into(&format!("{FORM} [name=description]"), "PayTourist Bergamo")
            .await?;
        app.create_company_inline("Hotel Bellavista Srl", "11.222.333/0001-81")
            .await?;
        app.type_into(&format!("{FORM} [name=comune]"), "bergamo").await?;
        app.type_into(&format!("{FORM} [name=structure_id]"), &structure.to_string())
            .await?;
        app.type_into(&format!("{FORM} [name=software_id]"), &info.software_id.to_string())
            .await?;
        app.click(&format!("{FORM} [data-testid=section-advanced] summary"))
            .await?;
        app.type_into(&format!("{FORM} [name=api_url]"), &info.url).await?;
        app.wait_css(&format!("{FORM} [data-testid=tokens-elsewhere]")).await?;
        app.screenshot("window-tokens-integration-form").await?;
        app.click(&format!("{FORM} [data-testid=form-save]")).await?;
        app.wait_gone(FORM)
            .await
            .context("the PayTourist form to close after saving")?;

        // A Booking user, then (the form opens by itself) its token, pasted with "Bearer ".
        app.open_screen("nav-tokens", &format!("{}:not([disabled])", testid("tokens-new-user")))
            .await?;
        app.screenshot("window-tokens-empty").await?;
        app.click(&testid("tokens-new-user")).await?;
        let user_form = "dialog[data-testid=booking-user-form]";
        app.wait_css(user_form).await?;
        ensure!(
            !app.value("#bu-integration_id").await?.is_empty(),
            "the only integration is not chosen"
        );
        app.type_into("#bu-name", "Booking Bellavista").await?;
        app.type_into("#bu-email", "booking@bellavista.it").await?;
        app.select("#bu-software", "Ericsoft").await?;
        app.click(&format!("{user_form} [data-testid=form-save]")).await?;
        app.wait_gone(user_form).await?;
        let token_form = "dialog[data-testid=token-form]";
        app.wait_css(token_form)
            .await
            .context("the new-token form after the user")?;
        app.type_into("#tf-name", "Token principale").await?;
        app.type_into("#tf-token", &format!("Bearer {first}")).await?;
        app.ensure_not_in_html(&secrets, "with the token pasted").await?;
        app.screenshot("window-tokens-new").await?;
        app.click(&format!("{token_form} [data-testid=form-save]")).await?;
        app.wait_css_within(&testid("token-saved"), Duration::from_secs(40))
            .await
            .context("the token verified and saved")?;
        let notices = app.texts(&testid("token-notice")).await?;
        eprintln!("notices: {notices:?}");
        ensure!(!notices.is_empty(), "no notice that \"Bearer \" was removed");
        app.ensure_not_in_html(&secrets, "after saving").await?;
        app.screenshot("window-tokens-saved").await?;
        app.click(&format!("{token_form} [data-testid=form-close]")).await?;
        app.wait_gone(token_form).await?;

        app.wait_rows(&testid("token-row"), Some(1), |_| true, 1).await?;
        let status = app.attr(ROW, "data-status").await?;
        ensure!(status.as_deref() == Some("valid"), "the token's status is {status:?}");
        let mask = app.text(&testid("token-mask")).await?;
        let last4 = &first[first.len() - 4..];
        ensure!(
            mask.contains(&format!("••••\u{a0}{last4}")),
            "the token shows as {mask:?}"
        );
        ensure!(
            !mask.contains(&first[first.len() - 5..]),
            "more than four characters show: {mask:?}"
        );
        app.ensure_not_in_html(&secrets, "in the list").await?;
        // The check itself can fail: the four characters the list does show are found.
        ensure!(
            app.html_contains(last4).await?,
            "the HTML check does not see the last four characters"
        );
        app.screenshot("window-tokens-list").await?;
        let old_id = app.attr(ROW, "data-id").await?.context("the row has no data-id")?;
        let stored = keyring_lookup(&format!("token/{old_id}/value")).await?;
        ensure!(
            stored.as_deref() == Some(first.as_str()),
            "the keyring holds another value for the token"
        );

        // Copia: on the clipboard, then gone about 30 s later.
        app.click(&format!("{ROW} [data-testid=token-copy]")).await?;
        let copied = Instant::now();
        app.wait_css(&testid("token-copy-countdown")).await?;
        wait_clipboard(&first).await.context("Copia")?;
        app.screenshot("window-tokens-copied").await?;
        let cleared = loop {
            let now = clipboard_text().await?;
            if now.as_deref() != Some(first.as_str()) {
                ensure!(
                    now.as_deref().unwrap_or("").is_empty(),
                    "the clipboard changed to {now:?}"
                );
                break copied.elapsed();
            }
            ensure!(
                copied.elapsed() < CLEAR_AFTER + Duration::from_secs(20),
                "the token is still on the clipboard"
            );
            tokio::time::sleep(Duration::from_millis(500)).await;
        };
        eprintln!("clipboard cleared {cleared:?} after the copy");
        ensure!(
            cleared >= CLEAR_AFTER - Duration::from_secs(3),
            "cleared too early: {cleared:?}"
        );
        app.wait_gone(&testid("token-copy-countdown")).await?;

        // Copia again, then another application copies: its text stays.
        app.click(&format!("{ROW} [data-testid=token-copy]")).await?;
        let copied = Instant::now();
        wait_clipboard(&first).await.context("the second Copia")?;
        let mut other = ClipboardHolder::copy(OTHER_TEXT).await?;
        tokio::time::sleep((CLEAR_AFTER + Duration::from_secs(6)).saturating_sub(copied.elapsed())).await;
        let now = clipboard_text().await?;
        ensure!(
            now.as_deref() == Some(OTHER_TEXT),
            "35 s later the clipboard holds {now:?}, not the other text"
        );
        ensure!(other.still_owner(), "xclip lost the clipboard");
        drop(other);
        app.wait_gone(&testid("token-copy-countdown")).await?;

        // Substituisci: every step of the wizard with a second valid token.
        app.click(&format!("{ROW} [data-testid=token-rotate]")).await?;
        app.wait_css(&format!("{ROTATION}[data-view='1']")).await?;
        app.type_into(&format!("{ROTATION} [name=token]"), SECOND).await?;
        app.ensure_not_in_html(&secrets, "in rotation step 1").await?;
        app.screenshot("window-tokens-rotation-1").await?;
        rotation_to(app, 2, 1).await?;
        app.screenshot("window-tokens-rotation-2").await?;
        // Step 2 checks the token live if it was not already: Avanti may need a second click.
        rotation_to(app, 3, 2).await?;
        app.screenshot("window-tokens-rotation-3").await?;
        rotation_to(app, 4, 1).await?;
        app.click(&format!("{ROTATION} [data-testid=token-copy]")).await?;
        wait_clipboard(SECOND).await.context("Copia in step 4")?;
        app.screenshot("window-tokens-rotation-4").await?;
        rotation_to(app, 5, 1).await?;
        app.wait_css(&testid("rotation-attention")).await?;
        app.screenshot("window-tokens-rotation-5").await?;
        rotation_to(app, 6, 1).await?;
        app.wait_css(&testid("rotation-done")).await?;
        app.ensure_not_in_html(&secrets, "at the end of the rotation").await?;
        app.screenshot("window-tokens-rotation-done").await?;
        app.click(&format!("{ROTATION} [data-testid=rotation-next]")).await?;
        app.wait_gone(ROTATION).await?;

        app.wait_rows(&testid("token-row"), Some(1), |_| true, 1).await?;
        let new_id = app.attr(ROW, "data-id").await?.context("the row has no data-id")?;
        ensure!(new_id != old_id, "the old token is still listed");
        ensure!(
            app.attr(ROW, "data-active").await?.as_deref() == Some("true"),
            "the new token is not active"
        );
        let mask = app.text(&testid("token-mask")).await?;
        ensure!(
            mask.contains(&SECOND[SECOND.len() - 4..]),
            "the new token shows as {mask:?}"
        );
        app.ensure_not_in_html(&secrets, "after the rotation").await?;
        app.screenshot("window-tokens-rotated").await?;
        let old = keyring_lookup(&format!("token/{old_id}/value")).await?;
        ensure!(old.is_none(), "the old token is still in the keyring");
        let new = keyring_lookup(&format!("token/{new_id}/value")).await?;
        ensure!(
            new.as_deref() == Some(SECOND),
            "the keyring does not hold the new token"
        );

        h.quit().await?;
        let tokens: i64 = open_db(h)?.query_row("SELECT count(*) FROM api_tokens", [], |r| r.get(0))?;
        ensure!(
            tokens == 1,
            "{tokens} tokens in the database after deleting the old one"
        );
        let needles: Vec<(&str, &[u8])> = secrets.iter().map(|(w, s)| (*w, s.as_bytes())).collect();
        let (hits, read) = files_containing(&h.app_written_dirs(), &needles);
        eprintln!("scanned {read} files for the tokens");
        ensure!(hits.is_empty(), "a token is stored in plain text: {hits:?}");
        Ok(())
    })
    .await;
    drop(sim);
}
