//! Issue 4 in the real window: Cadastros > Integrações, "BWT Operadora (Infotravel)" from its preset,
//! against the supplier simulator. The password must live in the keyring and nowhere else: not in the
//! database (nor its WAL), the logs, WebKit's storage or the page's HTML.
//! Run with `.ci/window-tests.sh` (Xvfb, a private D-Bus session and an unlocked throw-away keyring).

use anyhow::{ensure, Context, Result};
use ponte_e2e::{files_containing, keyring_attributes, keyring_lookup, testid, App, Harness};
use ponte_sim::{SimConfig, SimHandle};

const FORM: &str = "dialog[data-testid=integration-form]";
const PRESET_DESCRIPTION: &str = "BWT Operadora (Infotravel)";
const COMPANY: &str = "BWT Operadora Ltda";
const CNPJ: &str = "11.222.333/0001-81";
/// Typed first, to see the supplier refuse it; must not be stored anywhere either.
const WRONG_PASSWORD: &str = "Errada-Senha#Ponte-4821";

fn open_db(h: &Harness) -> Result<rusqlite::Connection> {
    let path = h.data_dir().join("ponte.db");
    rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .with_context(|| format!("open {}", path.display()))
}

fn in_form(css: &str) -> String {
    format!("{FORM} {css}")
}

/// Tests the connection with what the form holds and waits for the verdict (`data-ok`).
async fn test_connection(app: &App, ok: bool) -> Result<()> {
    app.click(&in_form(&testid("integration-test"))).await?;
    let verdict = format!("{FORM} [data-testid=test-result][data-ok={ok}]");
    app.wait_css_within(&verdict, std::time::Duration::from_secs(40))
        .await
        .with_context(|| format!("the connection test to end with data-ok={ok}"))?;
    Ok(())
}

#[tokio::test]
async fn infotravel_from_preset_keeps_its_password_in_the_keyring_only() {
    let sim = SimHandle::start_blocking(SimConfig::new(4, 50).with_test_key()).expect("start the simulator");
    let info = sim.client_info().infotravel;
    let password = info.password.clone();
    Harness::run("integrations", async |h| {
        let secrets = [("password", password.as_str()), ("wrong password", WRONG_PASSWORD)];
        let app = h.launch().await?;
        app.open_screen("nav-integrations", &testid("integrations-new")).await?;
        app.click(&testid("integrations-new")).await?;
        app.click(&testid("preset-bwt-infotravel")).await?;
        app.wait_css(FORM).await.context("the integration form")?;
        ensure!(
            app.value(&in_form("[name=description]")).await? == PRESET_DESCRIPTION,
            "the preset did not fill the description"
        );
        // The preset searches Pessoas for its company hint; a fresh data folder has nobody.
        app.wait_value("[name=person]", "BWT Operadora").await?;
        app.wait_css(&testid("person-status"))
            .await
            .context("the \"nobody found\" hint")?;
        app.create_company_inline(COMPANY, CNPJ).await?;

        app.type_into(&in_form("[name=url]"), &info.url).await?;
        ensure!(
            app.value(&in_form("[name=supplier_id]")).await? == info.client,
            "Identificador do Fornecedor"
        );
        app.type_into(&in_form("[name=agency_code]"), &info.agency).await?;
        app.type_into(&in_form("[name=username]"), &info.username).await?;
        app.type_into(&in_form("[name=password]"), WRONG_PASSWORD).await?;
        app.ensure_not_in_html(&secrets, "with the wrong password typed")
            .await?;

        test_connection(app, false).await?;
        let message = app.text(&in_form(&testid("test-message"))).await?;
        eprintln!("wrong password: {message:?}");
        ensure!(
            message.starts_with("Credencial inválida") && message.contains("Atualize o usuário, a senha"),
            "the wrong password reads {message:?}, not \"Credencial inválida\" with the fix"
        );
        app.screenshot("window-integration-test-failed").await?;
        app.ensure_not_in_html(&secrets, "after the failed test").await?;

        app.type_into(&in_form("[name=password]"), &password).await?;
        test_connection(app, true).await?;
        eprintln!(
            "right password: {:?}",
            app.text(&in_form(&testid("test-result"))).await?
        );
        app.ensure_not_in_html(&secrets, "after the successful test").await?;
        app.screenshot("window-integration-form-pt-BR").await?;

        app.click(&in_form(&testid("form-save"))).await?;
        app.wait_gone(FORM).await.context("the form to close after saving")?;
        let rows = app
            .wait_rows(
                &testid("integration-row"),
                Some(1),
                |t| t.contains(PRESET_DESCRIPTION),
                1,
            )
            .await?;
        ensure!(
            rows[0].contains(COMPANY),
            "the row does not name the new company: {rows:?}"
        );
        app.ensure_not_in_html(&secrets, "in the list after saving").await?;
        app.screenshot("window-integrations-saved").await?;

        // A restart (the app is killed): the password is "definida", never shown back.
        let app = h.restart().await?;
        app.open_screen("nav-integrations", &testid("integration-row")).await?;
        app.click(&testid("integration-edit")).await?;
        app.wait_css(FORM).await?;
        app.wait_css(&in_form(&testid("secret-set-password")))
            .await
            .context("the password shown as set")?;
        ensure!(
            app.count(&in_form("[name=password]")).await? == 0,
            "the edit form has a password input before Substituir"
        );
        app.ensure_not_in_html(&secrets, "in the edit form").await?;
        // The check itself can fail: what the form's title shows is found.
        ensure!(
            app.html_contains(PRESET_DESCRIPTION).await?,
            "the HTML check does not see the description the form's title shows"
        );
        app.scroll_to(&in_form(&testid("secret-set-password"))).await?;
        app.screenshot("window-integration-edit-pt-BR").await?;
        app.click(&in_form(&testid("secret-replace-password"))).await?;
        app.wait_css(&in_form("input[name=password]"))
            .await
            .context("Substituir reveals an input")?;
        ensure!(
            app.value(&in_form("input[name=password]")).await?.is_empty(),
            "Substituir reveals an input that is not empty"
        );
        app.wait_css(&in_form(&testid("secret-keep-password"))).await?;
        app.ensure_not_in_html(&secrets, "after Substituir").await?;
        app.click(&in_form(&testid("form-cancel"))).await?;
        app.wait_gone(FORM).await?;

        // The same form in Italian and English, tested with the stored password.
        for (lang, people) in [("it", "Persone"), ("en", "People")] {
            app.set_language(lang, people).await?;
            app.open_screen("nav-integrations", &testid("integration-row")).await?;
            app.click(&testid("integration-edit")).await?;
            app.wait_css(FORM).await?;
            test_connection(app, true)
                .await
                .with_context(|| format!("a test with the stored password ({lang})"))?;
            app.ensure_not_in_html(&secrets, &format!("in the {lang} edit form"))
                .await?;
            app.screenshot(&format!("window-integration-form-{lang}")).await?;
            app.click(&in_form(&testid("form-cancel"))).await?;
            app.wait_gone(FORM).await?;
        }

        h.quit().await?;
        let id: i64 = open_db(h)?.query_row("SELECT id FROM integrations", [], |r| r.get(0))?;
        let needles: Vec<(&str, &[u8])> = secrets.iter().map(|(w, s)| (*w, s.as_bytes())).collect();
        let dirs = h.app_written_dirs();
        let (hits, read) = files_containing(&dirs, &needles);
        let data = h.data_dir();
        let wal = data.join("ponte.db-wal");
        let logs: Vec<_> = std::fs::read_dir(data.join("logs"))
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        eprintln!(
            "scanned {read} files (ponte.db-wal present: {}, logs: {logs:?}); hits: {hits:?}",
            wal.is_file()
        );
        ensure!(
            read > 0 && data.join("ponte.db").is_file(),
            "nothing to scan in {}",
            data.display()
        );
        ensure!(!logs.is_empty(), "no log file in {}/logs", data.display());
        ensure!(hits.is_empty(), "a password is stored in plain text: {hits:?}");
        // The scan itself can fail: the username, which is no secret, is found in the database.
        let (control, _) = files_containing(&dirs, &[("username", info.username.as_bytes())]);
        ensure!(
            control.iter().any(|hit| hit.contains("ponte.db")),
            "the scan does not find the username in the database: {control:?}"
        );

        ensure!(
            keyring_lookup(&format!("integration/{}/password", id + 1))
                .await?
                .is_none(),
            "the keyring has a password for an integration that does not exist"
        );
        let user = format!("integration/{id}/password");
        let stored = keyring_lookup(&user).await?;
        if stored.as_deref() != Some(password.as_str()) {
            let attrs = keyring_attributes().await.unwrap_or_default();
            anyhow::bail!(
                "secret-tool lookup service io.ponte.desktop username {user} gives {}; keyring items: {attrs:?}",
                if stored.is_some() { "another value" } else { "nothing" }
            );
        }
        Ok(())
    })
    .await;
    drop(sim);
}
