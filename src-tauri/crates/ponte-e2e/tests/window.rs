//! Journeys through the real Ponte window (WebKitGTK under Xvfb, driven by tauri-driver).
//! Run with `.ci/window-tests.sh`; each test has its own data folder, XDG folders and driver.

use anyhow::{ensure, Context, Result};
use ponte_e2e::{testid, App, Harness};

/// Menu entries in the order the journey visits them: (screen name for the screenshot, nav test id).
const SCREENS: [(&str, &str); 8] = [
    ("people", "nav-people"),
    ("home", "nav-home"),
    ("integrations", "nav-integrations"),
    ("import", "nav-import"),
    ("sales", "nav-sales"),
    ("tokens", "nav-tokens"),
    ("reminders", "nav-reminders"),
    ("settings", "nav-settings"),
];

const COMPANY: &str = "Agência Ação Viagens Ltda 🚀";
const CNPJ: &str = "12.ABC.345/01DE-35";
const CNPJ_STORED: &str = "12ABC34501DE35";

/// Shows the people screen (whatever screen is up) and waits for its search box.
async fn go_people(app: &App) -> Result<()> {
    app.click(&testid("nav-people")).await?;
    app.wait_css("#people-search").await.context("people screen")?;
    Ok(())
}

/// Clicks a menu entry and waits for the `<h1>` to change from `previous`.
async fn go_screen(app: &App, nav: &str, previous: &str) -> Result<String> {
    app.click(&testid(nav)).await?;
    ponte_e2e::poll(
        &format!("the <h1> to change from {previous:?} after {nav}"),
        ponte_e2e::WAIT,
        || async {
            let h1 = ponte_e2e::inner_text(&app.client, &app.find("h1").await?).await?;
            let h1 = h1.trim().to_string();
            Ok((!h1.is_empty() && h1 != previous).then_some(h1))
        },
    )
    .await
}

/// Reports (does not judge) what the toast area says, so odd messages show up in the test output.
async fn log_toasts(app: &App, when: &str) {
    if let Ok(t) = app.texts(&testid("toast")).await {
        let t: Vec<_> = t.into_iter().filter(|t| !t.is_empty()).collect();
        if !t.is_empty() {
            eprintln!("toasts {when}: {t:?}");
        }
    }
}

fn open_db(h: &Harness) -> Result<rusqlite::Connection> {
    let path = h.data_dir().join("ponte.db");
    rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .with_context(|| format!("open {}", path.display()))
}

#[tokio::test]
async fn a_window_opens_and_every_screen_renders() {
    Harness::run("opens", async |h| {
        h.launch().await?;
        ensure!(
            h.data_dir().join("ponte.db").is_file(),
            "no ponte.db in the --data-dir folder {}",
            h.data_dir().display()
        );
        let app = h.app();
        app.wait_text(&testid("nav-people"), "Pessoas")
            .await
            .context("menu in the OS language (pt-BR)")?;
        for (_, nav) in SCREENS {
            app.wait_css(&testid(nav))
                .await
                .with_context(|| format!("menu entry {nav}"))?;
        }
        go_people(app).await?;
        let mut h1 = app.text("h1").await?;
        let mut titles = vec![h1.clone()];
        app.screenshot("window-people").await?;
        for (screen, nav) in &SCREENS[1..] {
            h1 = go_screen(app, nav, &h1).await?;
            titles.push(h1.clone());
            log_toasts(app, screen).await;
            app.screenshot(&format!("window-{screen}")).await?;
        }
        eprintln!("screen titles: {titles:?}");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn b_company_survives_restart_and_invalid_cpf_is_refused() {
    Harness::run("people", async |h| {
        let app = h.launch().await?;
        go_people(app).await?;
        app.click(&testid("people-new-company")).await?;
        app.type_into("[name=name]", COMPANY).await?;
        app.type_into("[name=document]", CNPJ).await?;
        app.type_into("[name=email]", "reservas@acaoviagens.com.br").await?;
        app.click(&testid("form-save")).await?;
        app.wait_rows(&testid("person-row"), Some(1), |t| t.contains(COMPANY), 1)
            .await
            .context("the new company in the list")?;
        log_toasts(app, "after saving the company").await;

        let app = h.restart().await?;
        go_people(app).await?;
        app.wait_rows(&testid("person-row"), Some(1), |t| t.contains(COMPANY), 1)
            .await
            .context("the company is still listed after a restart")?;
        app.type_into("#people-search", "zzzz").await?;
        app.wait_rows(&testid("person-row"), Some(0), |_| true, 0)
            .await
            .context("a search that matches nothing")?;
        app.type_into("#people-search", "agencia acao").await?;
        app.wait_rows(&testid("person-row"), Some(1), |t| t.contains(COMPANY), 1)
            .await
            .context("search without accents after a restart")?;
        app.screenshot("window-people-search").await?;

        app.type_into("#people-search", "").await?;
        app.click(&testid("people-new-individual")).await?;
        app.type_into("[name=name]", "Fulano de Tal").await?;
        app.type_into("[name=document]", "111.111.111-11").await?;
        app.click(&testid("form-save")).await?;
        let err = app
            .text(&testid("error-document"))
            .await
            .context("the invalid CPF's field error")?;
        ensure!(!err.is_empty(), "the CPF field error is empty");
        eprintln!("invalid CPF error: {err:?}");
        app.screenshot("window-people-invalid-cpf").await?;
        app.click(&testid("form-cancel")).await?;
        app.wait_gone(&testid("error-document")).await?;
        go_people(app).await?;
        app.wait_rows(&testid("person-row"), Some(1), |t| t.contains(COMPANY), 1)
            .await
            .context("only the company is listed after the refused CPF")?;

        h.quit().await?;
        let db = open_db(h)?;
        let rows: Vec<(String, String, Option<String>)> = db
            .prepare("SELECT kind, name, document FROM people ORDER BY id")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        ensure!(
            rows == vec![("company".into(), COMPANY.into(), Some(CNPJ_STORED.into()))],
            "people in the database: {rows:?}"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn c_language_switch_is_remembered() {
    Harness::run("language", async |h| {
        let app = h.launch().await?;
        app.wait_text(&testid("nav-people"), "Pessoas").await?;
        go_people(app).await?;
        app.screenshot("window-people-pt-BR").await?;
        for (lang, label) in [("it", "Persone"), ("en", "People")] {
            app.click(&testid("nav-settings")).await?;
            app.select("#settings-language", lang).await?;
            app.wait_text(&testid("nav-people"), label)
                .await
                .with_context(|| format!("menu in {lang}"))?;
            go_people(app).await?;
            app.screenshot(&format!("window-people-{lang}")).await?;
        }

        let app = h.restart().await?;
        app.wait_text(&testid("nav-people"), "People")
            .await
            .context("English after a restart")?;
        app.click(&testid("nav-settings")).await?;
        let value = app.wait_css("#settings-language").await?.prop("value").await?;
        ensure!(
            value.as_deref() == Some("en"),
            "#settings-language shows {value:?} after a restart"
        );

        h.quit().await?;
        let locale: String =
            open_db(h)?.query_row("SELECT value FROM settings WHERE key = 'locale'", [], |r| r.get(0))?;
        ensure!(locale == "en", "saved locale is {locale:?}");
        Ok(())
    })
    .await;
}
