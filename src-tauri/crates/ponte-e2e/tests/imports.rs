//! Issue 5 in the real window: Importar from an Infotravel integration pointing at the supplier
//! simulator (preview by dates, import with its progress bar and summary, a re-run that finds nothing
//! new, a cancelled run in the history), then Vendas (detail with products, passengers and raw JSON;
//! the CSV export) and the demo data (started and removed from Configurações). Run with
//! `.ci/window-tests.sh`.

use std::time::Duration;

use anyhow::{ensure, Context, Result};
use chrono::NaiveDate;
use ponte_e2e::{digits, files_containing, testid, App, Harness};
use ponte_sim::{Fault, FaultKind, SimConfig, SimHandle, Supplier};
use serde_json::json;

const BOOKINGS: usize = 600;
const DESCRIPTION: &str = "BWT Operadora (Infotravel)";
const PREVIEW_PANEL: &str = "[data-testid=import-preview-panel]";
const SUMMARY: &str = "[data-testid=import-summary]";
/// Long enough for a whole import of a month on a busy machine.
const RUN: Duration = Duration::from_secs(90);

fn open_db(h: &Harness) -> Result<rusqlite::Connection> {
    let path = h.data_dir().join("ponte.db");
    let db = rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .with_context(|| format!("open {}", path.display()))?;
    db.busy_timeout(Duration::from_secs(5))?;
    Ok(db)
}

fn count(h: &Harness, sql: &str) -> Result<i64> {
    Ok(open_db(h)?.query_row(sql, [], |r| r.get(0))?)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

/// A count tile (`new`, `unchanged`, `flagged`…) of the panel matching `panel`.
async fn tile(app: &App, panel: &str, key: &str) -> Result<u64> {
    let text = app
        .text(&format!("{panel} [data-testid=import-count-{key}] .tile-value"))
        .await?;
    digits(&text).with_context(|| format!("the {key} tile reads {text:?}"))
}

/// Waits until a count tile reads `expected` (a panel being replaced may still show the old one).
async fn wait_tile(app: &App, panel: &str, key: &str, expected: u64) -> Result<()> {
    let found = ponte_e2e::poll(
        &format!("the {key} tile to read {expected}"),
        ponte_e2e::WAIT,
        || async {
            let got = tile(app, panel, key).await?;
            Ok((got == expected).then_some(()))
        },
    )
    .await;
    if found.is_err() {
        let last = tile(app, panel, key).await.ok();
        return found.with_context(|| format!("the {key} tile of {panel} reads {last:?}, not {expected}"));
    }
    found
}

/// Types the dates (pt-BR, as a user would) and asks for a preview; waits for its panel.
async fn preview(app: &App, from: &str, to: &str) -> Result<()> {
    app.type_into("[name=from]", from).await?;
    app.type_into("[name=to]", to).await?;
    app.click(&testid("import-preview")).await?;
    app.wait_css_within(PREVIEW_PANEL, RUN)
        .await
        .with_context(|| format!("the preview of {from}–{to}"))?;
    Ok(())
}

/// Waits for the run's summary and returns its outcome.
async fn summary_outcome(app: &App) -> Result<String> {
    app.wait_css_within(SUMMARY, RUN).await.context("the run's summary")?;
    app.attr(SUMMARY, "data-outcome")
        .await?
        .context("the summary has no data-outcome")
}

/// A CSV's records (line breaks inside quotes belong to their field).
fn csv_records(text: &str) -> Vec<String> {
    let (mut records, mut current, mut quoted) = (Vec::new(), String::new(), false);
    for c in text.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                current.push(c);
            }
            '\n' if !quoted => {
                records.push(current.trim_end_matches('\r').to_string());
                current.clear();
            }
            _ => current.push(c),
        }
    }
    if !current.is_empty() {
        records.push(current);
    }
    records
}

#[tokio::test]
async fn import_a_month_then_sales_detail_csv_and_demo() {
    let mut config = SimConfig::new(11, BOOKINGS).with_test_key();
    config.data.sale_start = day(2026, 9, 1);
    config.data.sale_end = day(2026, 10, 31);
    let october = ponte_sim::data::infotravel_range(&config.data, day(2026, 10, 1), day(2026, 10, 31)).len() as u64;
    let september = ponte_sim::data::infotravel_range(&config.data, day(2026, 9, 1), day(2026, 9, 30)).len() as u64;
    let sim = SimHandle::start_blocking(config).expect("start the simulator");
    let info = sim.client_info().infotravel;
    eprintln!("simulator: {BOOKINGS} bookings, {september} in September, {october} in October 2026");
    Harness::run_within("imports", Duration::from_secs(300), async |h| {
        h.launch().await?;
        let app = h.app();
        // The integration through the backend the form uses (issue 4's journey drives the form itself).
        let person = app
            .invoke(
                "person_create",
                json!({ "input": { "kind": "company", "name": "BWT Operadora Ltda", "trade_name": null,
                                   "document": null, "email": null, "phone": null } }),
            )
            .await?;
        let saved = app
            .invoke(
                "integration_create",
                json!({ "input": {
                    "type": "infotravel", "description": DESCRIPTION, "person_id": person["id"],
                    "values": { "url": info.url, "supplier_id": info.client, "agency_code": info.agency,
                                "username": info.username },
                    "secrets": { "password": info.password } } }),
            )
            .await?;
        let integration_id = saved["integration"]["id"].as_i64().context("no integration id")?;

        app.open_screen("nav-import", &testid("import-preview")).await?;
        app.wait_value(&testid("import-integration"), &integration_id.to_string())
            .await
            .context("the only integration is chosen")?;
        let dates_mode = app
            .client
            .execute("return document.querySelector('[data-testid=import-mode-dates]').checked;", vec![])
            .await?;
        ensure!(dates_mode == json!(true), "the import does not start in the dates mode");
        app.wait_css(&testid("import-history-empty")).await?;

        // October: a preview, then the import (slowed down a little so its progress bar shows).
        preview(app, "01/10/2026", "31/10/2026").await?;
        wait_tile(app, PREVIEW_PANEL, "new", october).await?;
        app.screenshot("window-import-preview").await?;
        sim.faults().push(
            Fault::new(FaultKind::Slow { delay_ms: 3000 })
                .on(Supplier::Infotravel)
                .on_path("/booking")
                .times(1),
        );
        app.click(&testid("import-run")).await?;
        app.wait_css(&testid("import-progress")).await.context("the progress bar")?;
        let progress = app.text(&testid("import-progress-text")).await.unwrap_or_default();
        eprintln!("progress: {progress:?}");
        app.capture("window-import-progress").await?;
        let outcome = summary_outcome(app).await?;
        ensure!(outcome == "completed", "the October import ended {outcome}");
        let new = tile(app, SUMMARY, "new").await?;
        let flagged = tile(app, SUMMARY, "flagged").await?;
        eprintln!("October import: {new} new, {flagged} flagged");
        ensure!(new == october, "the summary says {new} new sales, the simulator sold {october}");
        ensure!(flagged > 0, "no sale flagged for a manual payment among {new}");
        app.wait_css(&testid("import-flagged")).await.context("the flagged sales note")?;
        app.screenshot("window-import-summary").await?;
        ensure!(count(h, "SELECT count(*) FROM sales")? as u64 == october, "sales in the database");
        ensure!(
            count(h, "SELECT count(*) FROM sales WHERE needs_manual_payment = 1")? as u64 == flagged,
            "flagged sales in the database"
        );

        // The same month again: nothing new, so nothing to import.
        app.click(&testid("import-preview")).await?;
        app.wait_css_within(PREVIEW_PANEL, RUN).await?;
        wait_tile(app, PREVIEW_PANEL, "unchanged", october).await?;
        wait_tile(app, PREVIEW_PANEL, "new", 0).await?;
        ensure!(
            app.attr(&testid("import-run"), "disabled").await?.is_some(),
            "Importar is enabled with nothing to import"
        );
        app.screenshot("window-import-again").await?;

        // September, cancelled while its page is on the way.
        preview(app, "01/09/2026", "30/09/2026").await?;
        wait_tile(app, PREVIEW_PANEL, "new", september).await?;
        sim.faults().push(
            Fault::new(FaultKind::Slow { delay_ms: 30_000 })
                .on(Supplier::Infotravel)
                .on_path("/booking"),
        );
        app.click(&testid("import-run")).await?;
        app.wait_css(&testid("import-progress")).await?;
        app.click(&testid("import-cancel")).await?;
        let outcome = summary_outcome(app).await;
        sim.faults().clear();
        ensure!(outcome? == "cancelled", "the cancelled run's summary");
        app.screenshot("window-import-cancelled").await?;
        app.wait_css("[data-testid=import-history-row][data-outcome=cancelled]")
            .await
            .context("the cancelled run in the history")?;
        app.wait_css("[data-testid=import-history-row][data-outcome=completed]").await?;
        ensure!(app.count(&testid("import-history-row")).await? == 2, "two runs in the history");
        app.scroll_to(&testid("import-history-row")).await?;
        app.screenshot("window-import-history").await?;
        ensure!(
            count(h, "SELECT count(*) FROM sales WHERE sale_date < '2026-10-01'")? == 0,
            "the cancelled run wrote sales"
        );

        // Vendas: the list, a flagged sale's detail.
        app.open_screen("nav-sales", &testid("sales-row")).await?;
        ponte_e2e::poll("the sales count", ponte_e2e::WAIT, || async {
            let text = app.text(&testid("sales-count")).await?;
            Ok((digits(&text) == Some(october)).then_some(()))
        })
        .await?;
        app.screenshot("window-sales-list").await?;
        let (sale_id, supplier_id, products, passengers): (i64, String, i64, i64) = open_db(h)?.query_row(
            "SELECT s.id, s.supplier_sale_id,
                    (SELECT count(*) FROM sale_products p WHERE p.sale_id = s.id),
                    (SELECT count(*) FROM sale_passengers x WHERE x.sale_id = s.id)
             FROM sales s WHERE s.needs_manual_payment = 1
               AND EXISTS (SELECT 1 FROM sale_passengers x WHERE x.sale_id = s.id)
             ORDER BY s.id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        app.type_into(&testid("sales-search"), &supplier_id).await?;
        app.wait_rows(&testid("sales-row"), Some(1), |_| true, 1)
            .await
            .context("searching a sale by its supplier id")?;
        // A click on the row's first cell: WebKitWebDriver will not click a <tr> itself.
        app.click(&format!("[data-testid=sales-row][data-id='{sale_id}'] td")).await?;
        app.wait_css(&testid("sale-detail")).await?;
        app.wait_css(&testid("sale-product")).await.context("the sale's products")?;
        let shown_products = app.count(&testid("sale-product")).await?;
        let shown_passengers = app.count(&testid("sale-passenger")).await?;
        eprintln!(
            "sale {supplier_id}: {shown_products} products ({products} stored), {shown_passengers} passengers ({passengers} stored)"
        );
        ensure!(shown_products as i64 == products, "the detail shows {shown_products} products");
        ensure!(shown_passengers > 0, "the detail shows no passenger");
        app.wait_css(&testid("sale-manual-note")).await.context("the manual payment note")?;
        app.click("[data-testid=sale-raw] summary").await?;
        app.wait_css("[data-testid=sale-raw] pre").await?;
        let raw = app.text("[data-testid=sale-raw] pre").await?;
        let raw: serde_json::Value = serde_json::from_str(&raw).context("the raw JSON does not parse")?;
        ensure!(raw.to_string().contains(&supplier_id), "the raw JSON is not this sale's");
        app.screenshot("window-sales-detail").await?;
        app.scroll_to("[data-testid=sale-raw] summary").await?;
        app.screenshot("window-sales-detail-raw").await?;
        app.click(&testid("sale-detail-close")).await?;
        app.wait_gone(&testid("sale-detail")).await?;
        app.type_into(&testid("sales-search"), "").await?;

        // Exportar CSV: the native save dialog is answered in advance (PONTE_TEST_SAVE_PATH, set by the harness).
        app.wait_css(&format!("{}:not([disabled])", testid("sales-export"))).await?;
        let csv = h.work_dir().join("vendas.csv");
        let out = app
            .invoke("sales_export_csv", json!({ "filter": {}, "separator": ";" }))
            .await?;
        ensure!(out["rows"].as_u64() == Some(october), "the export wrote {} rows", out["rows"]);
        let bytes = std::fs::read(&csv)?;
        ensure!(bytes.starts_with(b"\xEF\xBB\xBF"), "the CSV has no UTF-8 BOM");
        let text = String::from_utf8(bytes[3..].to_vec()).context("the CSV is not UTF-8")?;
        let records = csv_records(&text);
        eprintln!("CSV header: {:?}", records.first());
        ensure!(
            records.first().is_some_and(|h| h.split(';').count() > 3),
            "the CSV header is not `;`-separated"
        );
        ensure!(
            records.len() as u64 == october + 1,
            "the CSV has {} records, not a header and {october} rows",
            records.len()
        );

        // The demo: Configurações > "Experimentar com dados de demonstração" opens Importar vendas with
        // the demo Infotravel integration and the last 30 days; import them, then remove the demo.
        // The card carries data-active once the demo's status has loaded: wait for it, not for the card.
        app.open_screen("nav-settings", "[data-testid=settings-demo][data-active]").await?;
        ensure!(
            app.attr(&testid("settings-demo"), "data-active").await?.as_deref() == Some("false"),
            "the demo is active before it was started"
        );
        app.click(&testid("demo-start")).await?;
        app.wait_css_within(&testid("import-preview"), Duration::from_secs(40))
            .await
            .context("Importar vendas after starting the demo")?;
        let status = app.invoke("demo_status", json!({})).await?;
        let chosen: i64 = ponte_e2e::poll("the demo integration chosen", ponte_e2e::WAIT, || async {
            let v = app.value(&testid("import-integration")).await?;
            Ok(v.parse::<i64>().ok().filter(|&id| id != integration_id))
        })
        .await?;
        ensure!(
            status["integration_ids"].as_array().is_some_and(|ids| ids.contains(&json!(chosen))),
            "Importar vendas opened with integration {chosen}, not one of the demo's: {status}"
        );
        let demo = app.invoke("integration_get", json!({ "id": chosen })).await?;
        ensure!(demo["type"] == "infotravel", "the demo opened its {} integration", demo["type"]);
        let today = chrono::Local::now().date_naive();
        let fmt = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
        let (from, to) = (fmt(today - chrono::Duration::days(30)), fmt(today));
        ensure!(
            (app.value("[name=from]").await?, app.value("[name=to]").await?) == (from.clone(), to.clone()),
            "the demo did not ask for the last 30 days ({from} – {to})"
        );
        app.click(&testid("import-preview")).await?;
        app.wait_css_within(PREVIEW_PANEL, RUN).await?;
        let demo_new = tile(app, PREVIEW_PANEL, "new").await?;
        ensure!(demo_new > 0, "the demo's last month has no sales");
        app.click(&testid("import-run")).await?;
        let outcome = summary_outcome(app).await?;
        ensure!(outcome == "completed", "the demo import ended {outcome}");
        let got = tile(app, SUMMARY, "new").await?;
        ensure!(got == demo_new, "the demo import wrote {got} new sales, its preview found {demo_new}");
        eprintln!("demo: {demo_new} sales in the last 30 days");
        app.screenshot("window-import-demo").await?;

        app.open_screen("nav-settings", "[data-testid=settings-demo][data-active=true]").await?;
        app.scroll_to(&testid("settings-demo")).await?;
        app.screenshot("window-settings-demo").await?;
        app.click(&testid("demo-remove")).await?;
        app.click(&testid("confirm-ok")).await?;
        app.wait_css_within("[data-testid=settings-demo][data-active=false]", Duration::from_secs(30))
            .await
            .context("the demo removed")?;
        let left = count(h, &format!("SELECT count(*) FROM integrations WHERE id = {chosen}"))?;
        ensure!(left == 0, "the demo integration is still there after removing the demo");
        ensure!(
            count(h, "SELECT count(*) FROM sales")? as u64 == october,
            "removing the demo touched the other integration's sales"
        );
        // The journey ends like every journey: no secret it used anywhere the app writes.
        h.quit().await?;
        let needles: [(&str, &[u8]); 1] = [("the Infotravel password", info.password.as_bytes())];
        let (hits, read) = files_containing(&h.app_written_dirs(), &needles);
        eprintln!("scanned {read} files for the supplier password");
        ensure!(read > 0, "nothing was scanned");
        ensure!(hits.is_empty(), "a password is stored in plain text: {hits:?}");
        Ok(())
    })
    .await;
    drop(sim);
}
