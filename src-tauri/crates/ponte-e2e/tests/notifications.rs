//! Issue 12 in the real window: a click on the expiry reminder opens that token's rotation.
//!
//! The desktop's notification service is python-dbusmock's `notification_daemon` template on the test's
//! D-Bus session: it takes the app's `Notify` call (recorded, with its actions) and, told to by the test,
//! emits `ActionInvoked` for that notification's id as a real server does when the user clicks. The
//! window, meanwhile on another screen, must come forward on Tokens de API with that token's rotation open.
//! Run with `.ci/window-tests.sh` (needs python3-dbusmock).

use std::process::Stdio;
use std::time::Duration;

use anyhow::{bail, ensure, Context, Result};
use chrono::Local;
use ponte_e2e::{poll, testid, Harness};
use ponte_sim::{SimConfig, SimHandle};
use serde_json::{json, Value};

const ROTATION: &str = "dialog[data-testid=token-rotation]";
const NOTIFICATIONS: &str = "org.freedesktop.Notifications";
/// The system's Python: python3-dbusmock and python3-dbus are Debian packages, not in a pyenv.
const PYTHON: &str = "/usr/bin/python3";

/// The mock notification server (ended when dropped).
struct NotificationServer {
    _process: tokio::process::Child,
}

impl NotificationServer {
    async fn start() -> Result<Self> {
        // A server activated earlier in this D-Bus session (dunst, by an earlier test's reminder) would
        // keep the name: end it, so the mock takes its place.
        if let Some(pid) = owner_pid().await? {
            let _ = tokio::process::Command::new("kill").arg(pid.to_string()).status().await;
            poll(
                "the previous notification server to go",
                Duration::from_secs(10),
                || async {
                    match owner_pid().await? {
                        None => Ok(Some(())),
                        Some(p) => Err(anyhow::anyhow!("pid {p} still owns {NOTIFICATIONS}")),
                    }
                },
            )
            .await?;
        }
        let child = tokio::process::Command::new(PYTHON)
            .args(["-m", "dbusmock", "--template", "notification_daemon"])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .context("start python3 -m dbusmock (apt-get install python3-dbusmock)")?;
        let pid = child.id().context("dbusmock's pid")?;
        let server = NotificationServer { _process: child };
        // Only the name's owner is asked (a call to the name itself would make D-Bus activate
        // another server while the mock is still starting).
        poll(
            "the mock notification server to own its name",
            Duration::from_secs(20),
            || async {
                match owner_pid().await? {
                    Some(p) if p == pid => Ok(Some(())),
                    other => Err(anyhow::anyhow!("the name's owner is {other:?}")),
                }
            },
        )
        .await?;
        Ok(server)
    }

    /// The `Notify` calls the server received: (app name, summary, body, actions as [id, label, …]).
    async fn notify_calls(&self) -> Result<Vec<(String, String, String, Vec<String>)>> {
        let out = mock_python(&format!(
            "import dbus, json\n\
             o = dbus.SessionBus().get_object('{NOTIFICATIONS}', '/org/freedesktop/Notifications')\n\
             calls = o.GetMethodCalls('Notify', dbus_interface='org.freedesktop.DBus.Mock')\n\
             print(json.dumps([[str(a[0]), str(a[3]), str(a[4]), [str(x) for x in a[5]]] for _, a in calls]))"
        ))
        .await?;
        serde_json::from_str(&out).with_context(|| format!("Notify calls: {out}"))
    }

    /// What a click does on a real server: `ActionInvoked(id, action)` on the bus.
    async fn invoke_action(&self, id: u32, action: &str) -> Result<()> {
        mock_python(&format!(
            "import dbus\n\
             o = dbus.SessionBus().get_object('{NOTIFICATIONS}', '/org/freedesktop/Notifications')\n\
             o.EmitSignal('{NOTIFICATIONS}', 'ActionInvoked', 'us', [dbus.UInt32({id}), '{action}'],\n\
                          dbus_interface='org.freedesktop.DBus.Mock')"
        ))
        .await
        .map(drop)
    }
}

async fn mock_python(script: &str) -> Result<String> {
    let out = tokio::process::Command::new(PYTHON)
        .args(["-c", script])
        .output()
        .await?;
    if !out.status.success() {
        bail!("{}", String::from_utf8_lossy(&out.stderr).trim());
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The process that owns the notification service's name on this session bus, if any.
async fn owner_pid() -> Result<Option<u32>> {
    ponte_e2e::bus_name_owner_pid(NOTIFICATIONS).await
}

fn day(offset: i64) -> String {
    (Local::now().date_naive() + chrono::Duration::days(offset)).to_string()
}

#[tokio::test]
async fn a_click_on_the_expiry_reminder_opens_the_tokens_rotation() {
    let sim = SimHandle::start_blocking(SimConfig::new(6, 10).with_test_key()).expect("start the simulator");
    let info = sim.client_info().paytourist;
    Harness::run("notification-click", async |h| {
        let server = NotificationServer::start().await?;
        let app = h.launch().await?;
        app.set_language("pt-BR", "Pessoas").await?;

        // A hotel whose token expires in 5 days, through the real commands; no quiet hours, so the
        // reminder is due at once whatever the hour of the run.
        app.invoke(
            "reminder_settings_set",
            json!({ "input": { "thresholds": [60, 30, 7, 1, 0], "quiet_hours": { "start": "00:00", "end": "00:00" } } }),
        )
        .await?;
        let person = app
            .invoke(
                "person_create",
                json!({ "input": { "kind": "company", "name": "Hotel Bellavista Firenze S.r.l.", "trade_name": null,
                                   "document": null, "email": null, "phone": null } }),
            )
            .await?;
        let integration = app
            .invoke(
                "integration_create",
                json!({ "input": { "type": "paytourist", "description": "PayTourist Firenze", "person_id": person["id"],
                    "values": { "comune": "firenze", "structure_id": info.structures[0].id.to_string(),
                                "software_id": info.software_id.to_string(), "api_url": info.url },
                    "secrets": {} } }),
            )
            .await?;
        let user = app
            .invoke(
                "booking_user_create",
                json!({ "input": { "integration_id": integration["integration"]["id"], "name": "Booking Bellavista",
                                   "email": "booking@bellavista.it", "software": "Ericsoft" } }),
            )
            .await?;
        let saved: Value = app
            .invoke(
                "token_add",
                json!({ "bookingUserId": user["id"], "name": "Gestionale", "token": info.valid_tokens[0],
                        "dates": { "created_on": day(-1090), "expires_on": day(5) }, "replaces": null }),
            )
            .await?;
        let token_id = saved["token"]["id"].as_i64().with_context(|| format!("token_add replied {saved}"))?;

        // The reminder reaches the server, in Portuguese, with its button.
        let calls = poll("the reminder's Notify call", Duration::from_secs(20), || async {
            let calls = server.notify_calls().await?;
            if calls.is_empty() {
                Err(anyhow::anyhow!("no Notify call yet"))
            } else {
                Ok(Some(calls))
            }
        })
        .await?;
        ensure!(calls.len() == 1, "one reminder expected, the server got {calls:?}");
        let (app_name, summary, _body, actions) = &calls[0];
        ensure!(app_name == "Ponte", "app name {app_name:?}");
        ensure!(summary == "Token vencendo: PayTourist Firenze", "summary {summary:?}");
        ensure!(
            actions.chunks(2).any(|a| a == ["rotate", "Renovar agora"]) && actions.iter().any(|a| a == "default"),
            "actions {actions:?}"
        );

        // Elsewhere in the window, the user clicks the notification's button (the mock's first id is 1).
        app.open_screen("nav-people", &testid("people-new-company")).await?;
        server.invoke_action(1, "rotate").await?;
        app.wait_css_within(&format!("{ROTATION}[open]"), Duration::from_secs(15))
            .await
            .context("the rotation to open after the click")?;
        let row = app.attr(&format!("[data-testid=token-row][data-id=\"{token_id}\"]"), "data-id").await?;
        ensure!(row.is_some(), "Tokens de API does not show token {token_id}");
        ensure!(
            app.text("h1").await?.contains("Tokens"),
            "the window is not on Tokens de API"
        );
        app.screenshot("window-notification-click-rotation").await?;

        // The expiry moves to today: a new reminder, and a click on its body (the spec's `default`
        // action) opens the rotation too. Each notification is followed until clicked or closed.
        app.click(&format!("{ROTATION} [data-testid=rotation-later]")).await?;
        app.wait_gone(&format!("{ROTATION}[open]")).await?;
        app.open_screen("nav-people", &testid("people-new-company")).await?;
        app.invoke(
            "token_set_expiry",
            json!({ "id": token_id, "dates": { "created_on": day(-1095), "expires_on": day(0) } }),
        )
        .await?;
        poll("the second reminder", Duration::from_secs(20), || async {
            let n = server.notify_calls().await?.len();
            if n == 2 {
                Ok(Some(()))
            } else {
                Err(anyhow::anyhow!("{n} Notify calls"))
            }
        })
        .await?;
        server.invoke_action(2, "default").await?;
        app.wait_css_within(&format!("{ROTATION}[open]"), Duration::from_secs(15))
            .await
            .context("the rotation to open after a click on the notification's body")?;
        drop(server);
        Ok(())
    })
    .await;
}
