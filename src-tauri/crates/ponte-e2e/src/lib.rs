//! Helpers for Ponte's real-window tests: start `tauri-driver` (which starts Debian's `WebKitWebDriver`),
//! open the app in a WebDriver session with its own data folder, wait for things on screen, take screenshots.
//!
//! Everything runs under Xvfb and a private D-Bus session: use `.ci/window-tests.sh`, not a bare `cargo test`.
//! The client is `fantoccini` over one keep-alive HTTP connection: tauri-driver 2.1.0 resets sessions when the
//! client closes the connection after each request.

use std::fs::File;
use std::future::Future;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use http_body_util::Empty;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use serde_json::{json, Map};

/// The env var naming the app binary; the tests fail (not skip) without it.
pub const BINARY_ENV: &str = "PONTE_APP_BINARY";

/// How long one wait for something on screen may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(15);

/// How long the first screen may take to show after the app starts (slow when the machine is busy).
pub const STARTUP: Duration = Duration::from_secs(45);

/// How long a list must stay as expected to count (the UI debounces searches by 150 ms).
pub const STABLE: Duration = Duration::from_millis(600);

/// The workspace root (this crate lives in `src-tauri/crates/ponte-e2e`).
pub fn workspace_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = here.join("../../..");
    root.canonicalize().unwrap_or(root)
}

/// `target/screenshots`, created on first use.
pub fn screenshots_dir() -> PathBuf {
    let dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"))
        .join("screenshots");
    std::fs::create_dir_all(&dir).expect("create target/screenshots");
    dir
}

/// The app binary from `PONTE_APP_BINARY` (a relative path is taken from the workspace root),
/// as an absolute path. Errors say what to do: these tests must fail, not skip, without a binary.
pub fn app_binary() -> Result<PathBuf> {
    let raw = std::env::var_os(BINARY_ENV).filter(|v| !v.is_empty()).ok_or_else(|| {
        anyhow!(
            "{BINARY_ENV} is not set. Build the app with `cargo build --features tauri/custom-protocol` \
             and run the window tests through `.ci/window-tests.sh` (it sets {BINARY_ENV}, Xvfb and D-Bus)."
        )
    })?;
    let mut path = PathBuf::from(raw);
    if path.is_relative() {
        path = workspace_root().join(path);
    }
    if !path.is_file() {
        bail!(
            "{BINARY_ENV}={} does not exist. Build it with `cargo build --features tauri/custom-protocol` \
             (a plain `cargo build` loads the dev server URL instead of ui/dist).",
            path.display()
        );
    }
    Ok(path.canonicalize()?)
}

/// `tauri-driver` from `TAURI_DRIVER`, the PATH, or `~/.cargo/bin`.
pub fn tauri_driver_binary() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("TAURI_DRIVER").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    let mut candidates: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).map(|d| d.join("tauri-driver")).collect())
        .unwrap_or_default();
    if let Some(home) = std::env::var_os("HOME") {
        candidates.push(PathBuf::from(home).join(".cargo/bin/tauri-driver"));
    }
    candidates.into_iter().find(|p| p.is_file()).ok_or_else(|| {
        anyhow!("tauri-driver not found: `cargo install tauri-driver --locked` (.ci/window-tests.sh does it)")
    })
}

/// A port nobody listens on right now (bind port 0 and let the OS choose).
pub fn free_port() -> Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// Polls `f` until it returns `Ok(Some(_))`; on timeout the error names `what` and the last thing seen.
pub async fn poll<T, F, Fut>(what: &str, timeout: Duration, mut f: F) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<Option<T>>>,
{
    let start = Instant::now();
    let mut last = String::from("nothing yet");
    loop {
        match f().await {
            Ok(Some(v)) => return Ok(v),
            Ok(None) => {}
            Err(e) => last = format!("{e:#}"),
        }
        if start.elapsed() > timeout {
            bail!("timed out after {timeout:?} waiting for {what} (last: {last})");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Pids of running processes whose command line contains `needle` (our unique temp paths).
pub fn pids_with_arg(needle: &str) -> Vec<i32> {
    let me = std::process::id() as i32;
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return vec![];
    };
    dir.filter_map(|e| e.ok()?.file_name().to_str()?.parse::<i32>().ok())
        .filter(|&pid| pid != me)
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .map(|c| String::from_utf8_lossy(&c).contains(needle))
                .unwrap_or(false)
        })
        .collect()
}

/// The D-Bus name tauri-plugin-single-instance claims for the app: `<identifier>.SingleInstance`.
pub fn single_instance_name() -> Result<String> {
    let conf = workspace_root().join("tauri.conf.json");
    let conf: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&conf)?)?;
    let id = conf["identifier"]
        .as_str()
        .context("no identifier in tauri.conf.json")?;
    Ok(format!("{id}.SingleInstance"))
}

/// The pid of the process that owns `name` on the session bus, `None` when nobody does.
pub async fn bus_name_owner_pid(name: &str) -> Result<Option<u32>> {
    let out = tokio::process::Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.GetConnectionUnixProcessID",
            &format!("string:{name}"),
        ])
        .output()
        .await
        .context("dbus-send (apt-get install dbus-bin)")?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        if err.contains("NameHasNoOwner") {
            return Ok(None);
        }
        bail!("dbus-send: {}", err.trim());
    }
    let text = String::from_utf8_lossy(&out.stdout);
    Ok(text.split_whitespace().last().and_then(|w| w.parse().ok()))
}

/// A running `tauri-driver` (and the `WebKitWebDriver` it starts) in its own process group, so that
/// dropping it ends the driver, the native driver and any app they started, even after a panic.
pub struct Driver {
    child: Child,
    pub port: u16,
    pub log_path: PathBuf,
}

impl Driver {
    /// Starts the driver with `env` added to its environment (the driver passes its environment to the app)
    /// and waits until `GET /status` answers. Retries with new ports if another process took one.
    pub async fn start(work: &Path, env: &[(&str, &Path)]) -> Result<Self> {
        let bin = tauri_driver_binary()?;
        let log_path = work.join("driver.log");
        let mut last_err = None;
        for _ in 0..3 {
            let port = free_port()?;
            let native = loop {
                let p = free_port()?;
                if p != port {
                    break p;
                }
            };
            let log = File::options().create(true).append(true).open(&log_path)?;
            let mut cmd = Command::new(&bin);
            cmd.args(["--port", &port.to_string(), "--native-port", &native.to_string()])
                .stdin(Stdio::null())
                .stdout(log.try_clone()?)
                .stderr(log)
                .process_group(0)
                // The app's language follows the OS; LANGUAGE (first for sys-locale) does not touch libc.
                .env("LANGUAGE", "pt_BR")
                .env_remove("LC_ALL")
                .env_remove("LC_MESSAGES")
                // The data folder must come from `--data-dir`, which the tests check.
                .env_remove("PONTE_DATA_DIR")
                // With compositing disabled, WebKitWebDriver's screenshot endpoint never answers (checked
                // here with webkit2gtk 4.1 under Xvfb); the window renders fine without the variable.
                .env_remove("WEBKIT_DISABLE_COMPOSITING_MODE")
                // The app chooses its painting itself (src-tauri/src/painting.rs): that choice is tested.
                .env_remove("WEBKIT_SKIA_ENABLE_CPU_RENDERING");
            for (k, v) in env {
                cmd.env(k, v);
            }
            let child = cmd.spawn().with_context(|| format!("start {}", bin.display()))?;
            let mut driver = Driver {
                child,
                port,
                log_path: log_path.clone(),
            };
            match driver.wait_ready(Duration::from_secs(20)).await {
                Ok(()) => return Ok(driver),
                Err(e) => {
                    driver.stop();
                    last_err = Some(e);
                }
            }
        }
        Err(last_err.unwrap()).with_context(|| format!("tauri-driver did not start; log: {}", log_path.display()))
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// `GET /status` until 200: tauri-driver answers only once WebKitWebDriver does too.
    async fn wait_ready(&mut self, timeout: Duration) -> Result<()> {
        let http = hyper_util::client::legacy::Client::builder(TokioExecutor::new())
            .build::<_, Empty<hyper::body::Bytes>>(HttpConnector::new());
        let uri: hyper::Uri = format!("{}/status", self.url()).parse()?;
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait()? {
                bail!("tauri-driver exited with {status}");
            }
            if let Ok(Ok(resp)) = tokio::time::timeout(Duration::from_secs(2), http.get(uri.clone())).await {
                if resp.status().is_success() {
                    return Ok(());
                }
            }
            if start.elapsed() > timeout {
                bail!("no answer from {uri} in {timeout:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// SIGTERM to the whole group, then SIGKILL to what is left.
    pub fn stop(&mut self) {
        let pgid = self.child.id() as i32;
        if self.child.try_wait().ok().flatten().is_none() {
            unsafe { libc::kill(-pgid, libc::SIGTERM) };
            let start = Instant::now();
            while self.child.try_wait().ok().flatten().is_none() && start.elapsed() < Duration::from_secs(5) {
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        // tauri-driver SIGKILLs WebKitWebDriver on SIGTERM, which can orphan an app it started: same group.
        unsafe { libc::kill(-pgid, libc::SIGKILL) };
        let _ = self.child.wait();
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        self.stop();
    }
}

/// One run of the app: a WebDriver session on its window.
pub struct App {
    pub client: Client,
    pub data_dir: PathBuf,
}

impl App {
    /// Opens the app with `--data-dir data_dir` (a new WebDriver session; see [`App::wait_ready`]).
    pub async fn launch(driver: &Driver, binary: &Path, data_dir: &Path) -> Result<Self> {
        let needle = data_dir.to_string_lossy().into_owned();
        if !pids_with_arg(&needle).is_empty() {
            bail!("an app with data dir {needle} is still running (single-instance would refuse a new one)");
        }
        // No wait for the single-instance D-Bus name: the app starts even when the Ponte before it was
        // killed a moment ago and the bus has not yet freed the name (tests/restart.rs).
        // `alwaysMatch` (in `firstMatch` only, WebKitWebDriver starts its own MiniBrowser); no browserName.
        let mut caps = Map::new();
        caps.insert(
            "tauri:options".into(),
            json!({ "application": binary, "args": ["--data-dir", data_dir] }),
        );
        let mut builder = ClientBuilder::new(HttpConnector::new());
        builder.capabilities(caps);
        let url = driver.url();
        let connect = builder.connect(&url);
        // If the app dies while starting, WebKitWebDriver waits for it forever: notice and say so.
        let died = async {
            let mut seen = false;
            loop {
                let running = !pids_with_arg(&needle).is_empty();
                if seen && !running {
                    return;
                }
                seen |= running;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        };
        let client = tokio::select! {
            c = connect => c.context("new WebDriver session")?,
            () = died => bail!("the app exited while starting (its stderr is in the driver log)"),
            () = tokio::time::sleep(STARTUP) => bail!("new WebDriver session: no answer in {STARTUP:?}"),
        };
        Ok(App {
            client,
            data_dir: data_dir.to_path_buf(),
        })
    }

    /// Waits for the window to show a heading and the menu.
    pub async fn wait_ready(&self) -> Result<()> {
        let client = &self.client;
        let url = poll("the window to load a page", STARTUP, || async move {
            let url = client.current_url().await?;
            Ok((url.as_str() != "about:blank").then_some(url))
        })
        .await?;
        if url.scheme() != "tauri" {
            bail!(
                "the window loads {url}, not the bundled UI (tauri://localhost): {} is a dev build. \
                 Rebuild it with `cargo build --features tauri/custom-protocol --bin ponte-app` \
                 (`cargo test`/`cargo build` without the feature overwrite it with a dev build).",
                std::env::var(BINARY_ENV).unwrap_or_default()
            );
        }
        self.wait_css_within("h1", STARTUP)
            .await
            .context("the window shows no <h1>")?;
        self.wait_css_within(&testid("nav-people"), STARTUP)
            .await
            .context("the window shows no menu")?;
        Ok(())
    }

    /// Ends the session and waits for the app process to exit (so a new one can start on the same data).
    /// WebKitWebDriver ends the app with SIGKILL when a session ends (closing the window first changes
    /// nothing; checked with strace), so a restart here is a restart after a kill: what the app has
    /// saved must survive that.
    pub async fn quit(self) -> Result<()> {
        let needle = self.data_dir.to_string_lossy().into_owned();
        let closed = tokio::time::timeout(Duration::from_secs(20), self.client.close()).await;
        match closed {
            Err(_) => bail!("closing the WebDriver session took more than 20 s"),
            Ok(r) => r.context("close the WebDriver session")?,
        }
        poll("the app process to exit", Duration::from_secs(15), || {
            let needle = needle.clone();
            async move {
                let left = pids_with_arg(&needle);
                Ok(left.is_empty().then_some(()))
            }
        })
        .await
    }

    pub async fn find(&self, css: &str) -> Result<Element> {
        Ok(self.client.find(Locator::Css(css)).await?)
    }

    /// Waits (up to [`WAIT`]) until an element matching `css` is displayed.
    pub async fn wait_css(&self, css: &str) -> Result<Element> {
        self.wait_css_within(css, WAIT).await
    }

    pub async fn wait_css_within(&self, css: &str, timeout: Duration) -> Result<Element> {
        let client = &self.client;
        poll(&format!("`{css}` on screen"), timeout, || async move {
            let e = client.find(Locator::Css(css)).await.map_err(not_found)?;
            if is_visible(client, &e).await? {
                Ok(Some(e))
            } else {
                Err(anyhow!("it is there but hidden"))
            }
        })
        .await
    }

    /// Waits until no element matching `css` is displayed.
    pub async fn wait_gone(&self, css: &str) -> Result<()> {
        let client = &self.client;
        poll(&format!("`{css}` to go away"), WAIT, || async move {
            for e in client.find_all(Locator::Css(css)).await? {
                if is_visible(client, &e).await.unwrap_or(false) {
                    return Ok(None);
                }
            }
            Ok(Some(()))
        })
        .await
    }

    /// Waits until the (trimmed) text of the element matching `css` is `expected`.
    pub async fn wait_text(&self, css: &str, expected: &str) -> Result<()> {
        let client = &self.client;
        poll(&format!("`{css}` to read {expected:?}"), WAIT, || async move {
            let e = client.find(Locator::Css(css)).await.map_err(not_found)?;
            let text = inner_text(client, &e).await?;
            if text.trim() == expected {
                Ok(Some(()))
            } else {
                Err(anyhow!("it reads {:?}", text.trim()))
            }
        })
        .await
    }

    pub async fn text(&self, css: &str) -> Result<String> {
        let e = self.wait_css(css).await?;
        Ok(inner_text(&self.client, &e).await?.trim().to_string())
    }

    /// Clicks the element matching `css` once it is on screen; a click that fails because the UI
    /// re-rendered the element in between (stale reference) or covers it for a moment is tried again.
    pub async fn click(&self, css: &str) -> Result<()> {
        poll(&format!("a click on `{css}`"), WAIT, || async move {
            let e = self.wait_css(css).await?;
            e.click().await?;
            Ok(Some(()))
        })
        .await
    }

    /// Chooses the `<option value=value>` of the `<select>` matching `css`.
    /// Inside a modal `<dialog>` WebKitWebDriver refuses to click the option (an empty error): there the
    /// choice is made as the keyboard makes it, the value set and `input` + `change` sent.
    pub async fn select(&self, css: &str, value: &str) -> Result<()> {
        poll(&format!("choosing {value:?} in `{css}`"), WAIT, || async move {
            let e = self.wait_css(css).await?;
            if e.select_by_value(value).await.is_err() {
                let ok = self
                    .client
                    .execute(
                        "const [s, v] = arguments;
                         if (![...s.options].some((o) => o.value === v)) return false;
                         s.focus();
                         s.value = v;
                         s.dispatchEvent(new Event('input', { bubbles: true }));
                         s.dispatchEvent(new Event('change', { bubbles: true }));
                         return true;",
                        vec![serde_json::to_value(&e)?, value.into()],
                    )
                    .await?;
                if ok != json!(true) {
                    bail!("`{css}` has no option {value:?}");
                }
            }
            let got = e.prop("value").await?.unwrap_or_default();
            if got != value {
                bail!("`{css}` shows {got:?}");
            }
            Ok(Some(()))
        })
        .await
    }

    /// Types `value` into the input matching `css` with key events, replacing what it held, and checks
    /// the input holds it. WebKitWebDriver silently drops characters outside the BMP (emoji), so those
    /// go in as `insertText`, the way an emoji picker or input method inserts them.
    /// An attempt that fails midway (the UI re-rendered the input) is made again from the start.
    pub async fn type_into(&self, css: &str, value: &str) -> Result<()> {
        poll(&format!("typing {value:?} into `{css}`"), WAIT, || async move {
            self.type_once(css, value).await.map(Some)
        })
        .await
    }

    async fn type_once(&self, css: &str, value: &str) -> Result<()> {
        let e = self.wait_css(css).await?;
        e.click().await.with_context(|| format!("focus `{css}`"))?;
        // Ctrl+A, release Ctrl, Backspace: real key events, so the UI sees the input change.
        e.send_keys("\u{E009}a\u{E000}\u{E003}")
            .await
            .with_context(|| format!("clear `{css}`"))?;
        let mut rest = value;
        while !rest.is_empty() {
            let astral = |c: char| c as u32 > 0xFFFF;
            let first_astral = rest.chars().next().is_some_and(astral);
            let end = rest
                .char_indices()
                .find(|&(_, c)| astral(c) != first_astral)
                .map_or(rest.len(), |(i, _)| i);
            let (run, tail) = rest.split_at(end);
            if first_astral {
                self.client
                    .execute(
                        "arguments[0].focus(); document.execCommand('insertText', false, arguments[1]);",
                        vec![serde_json::to_value(&e)?, run.into()],
                    )
                    .await
                    .with_context(|| format!("insert {run:?} into `{css}`"))?;
            } else {
                e.send_keys(run).await.with_context(|| format!("type into `{css}`"))?;
            }
            rest = tail;
        }
        let got = e.prop("value").await?.unwrap_or_default();
        if got != value {
            bail!("typed {value:?} into `{css}` but it holds {got:?}");
        }
        Ok(())
    }

    /// The texts of every element matching `css`.
    /// Read in one script, so a re-render between finding and reading cannot leave stale references.
    pub async fn texts(&self, css: &str) -> Result<Vec<String>> {
        let v = self
            .client
            .execute(
                "return Array.from(document.querySelectorAll(arguments[0]), e => e.innerText.trim());",
                vec![css.into()],
            )
            .await?;
        Ok(serde_json::from_value(v)?)
    }

    /// Waits until the rows matching `css` have exactly `n` members whose text satisfies `pred`,
    /// and there are `total` rows in all (if given), and stay so for [`STABLE`] with nothing on screen
    /// `aria-busy` (so an intermediate state, e.g. a search on half the typed text, cannot pass).
    pub async fn wait_rows(
        &self,
        css: &str,
        total: Option<usize>,
        pred: impl Fn(&str) -> bool,
        n: usize,
    ) -> Result<Vec<String>> {
        let start = Instant::now();
        let mut since: Option<Instant> = None;
        loop {
            let rows = self.texts(css).await?;
            let busy = !self.texts("[aria-busy=true]").await?.is_empty();
            let hits = rows.iter().filter(|t| pred(t)).count();
            if !busy && hits == n && total.is_none_or(|t| t == rows.len()) {
                let first = *since.get_or_insert_with(Instant::now);
                if first.elapsed() >= STABLE {
                    return Ok(rows);
                }
            } else {
                since = None;
                if start.elapsed() > WAIT {
                    bail!(
                        "timed out after {WAIT:?} waiting for {n} matching `{css}` (of {total:?}); \
                         rows are {rows:?}{}",
                        if busy { ", still busy" } else { "" }
                    );
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks a menu entry and waits for `ready` (an element of that screen) to show.
    pub async fn open_screen(&self, nav: &str, ready: &str) -> Result<()> {
        self.click(&testid(nav)).await?;
        self.wait_css(ready)
            .await
            .with_context(|| format!("the screen of {nav}"))?;
        Ok(())
    }

    /// Settings > language, then waits for the menu to read `people_label` (its "People" entry).
    pub async fn set_language(&self, lang: &str, people_label: &str) -> Result<()> {
        self.click(&testid("nav-settings")).await?;
        self.select("#settings-language", lang).await?;
        self.wait_text(&testid("nav-people"), people_label)
            .await
            .with_context(|| format!("the menu in {lang}"))
    }

    /// The `value` of the input matching `css`.
    pub async fn value(&self, css: &str) -> Result<String> {
        let e = self.wait_css(css).await?;
        Ok(e.prop("value").await?.unwrap_or_default())
    }

    /// Waits until the input matching `css` holds `expected`.
    pub async fn wait_value(&self, css: &str, expected: &str) -> Result<()> {
        poll(&format!("`{css}` to hold {expected:?}"), WAIT, || async move {
            let got = self.value(css).await?;
            if got == expected {
                Ok(Some(()))
            } else {
                Err(anyhow!("it holds {got:?}"))
            }
        })
        .await
    }

    /// The attribute `name` of the first element matching `css` (None: no such element or attribute).
    pub async fn attr(&self, css: &str, name: &str) -> Result<Option<String>> {
        let v = self
            .client
            .execute(
                "const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;",
                vec![css.into(), name.into()],
            )
            .await?;
        Ok(v.as_str().map(str::to_string))
    }

    /// How many elements match `css` (displayed or not).
    pub async fn count(&self, css: &str) -> Result<usize> {
        let v = self
            .client
            .execute(
                "return document.querySelectorAll(arguments[0]).length;",
                vec![css.into()],
            )
            .await?;
        Ok(v.as_u64().unwrap_or(0) as usize)
    }

    /// Scrolls the first element matching `css` to the middle of its scroll box (for a screenshot).
    pub async fn scroll_to(&self, css: &str) -> Result<()> {
        let e = self.wait_css(css).await?;
        self.client
            .execute(
                "arguments[0].scrollIntoView({ block: 'center' });",
                vec![serde_json::to_value(&e)?],
            )
            .await?;
        Ok(())
    }

    /// The page's HTML as it is now (`document.documentElement.outerHTML`).
    pub async fn html(&self) -> Result<String> {
        let v = self
            .client
            .execute("return document.documentElement.outerHTML;", vec![])
            .await?;
        Ok(v.as_str().unwrap_or_default().to_string())
    }

    /// Whether `text` is in the page's HTML, as is or HTML-escaped.
    pub async fn html_contains(&self, text: &str) -> Result<bool> {
        Ok(html_has(&self.html().await?, text))
    }

    /// Fails if one of `secrets` (what it is, its value) is in the page's HTML, as is or HTML-escaped.
    /// The page is saved as `target/screenshots/leak-<when>.html` for the report.
    pub async fn ensure_not_in_html(&self, secrets: &[(&str, &str)], when: &str) -> Result<()> {
        let html = self.html().await?;
        for (what, secret) in secrets {
            if html_has(&html, secret) {
                let safe: String = when
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                    .collect();
                let path = screenshots_dir().join(format!("leak-{safe}.html"));
                let _ = std::fs::write(&path, &html);
                bail!(
                    "the {what} is in the page's HTML {when} (page saved to {})",
                    path.display()
                );
            }
        }
        Ok(())
    }

    /// Calls a backend command the way the UI does (`window.__TAURI_INTERNALS__.invoke`), for what a
    /// test cannot drive through the window (a native save dialog) or sets up faster this way.
    /// A rejected call is an error carrying the backend's reply.
    pub async fn invoke(&self, cmd: &str, args: serde_json::Value) -> Result<serde_json::Value> {
        let v = self
            .client
            .execute_async(
                "const [cmd, args, done] = arguments;
                 window.__TAURI_INTERNALS__.invoke(cmd, args).then(
                     (v) => done({ ok: v === undefined ? null : v }),
                     (e) => done({ err: e === undefined ? null : e }));",
                vec![cmd.into(), args],
            )
            .await
            .with_context(|| format!("invoke {cmd}"))?;
        match (v.get("ok"), v.get("err")) {
            (Some(ok), _) => Ok(ok.clone()),
            (None, Some(err)) => bail!("{cmd} failed: {err}"),
            _ => bail!("{cmd}: unexpected answer {v}"),
        }
    }

    /// In an open integration form: "…" next to the person, a new Pessoa Jurídica (`name`, CNPJ
    /// `document`) saved on top of the form, and the form's person linked to it.
    pub async fn create_company_inline(&self, name: &str, document: &str) -> Result<()> {
        let pf = "dialog[data-testid=person-form]";
        self.click(&testid("person-new")).await?;
        self.wait_css(pf)
            .await
            .context("the new-company form over the integration form")?;
        self.type_into(&format!("{pf} [name=name]"), name).await?;
        self.type_into(&format!("{pf} [name=document]"), document).await?;
        self.click(&format!("{pf} [data-testid=form-save]")).await?;
        self.wait_gone(pf)
            .await
            .context("the new-company form to close after saving")?;
        self.wait_value("[name=person]", name)
            .await
            .context("the new company in the person field")?;
        let class = self.attr("[name=person]", "class").await?.unwrap_or_default();
        if !class.split_whitespace().any(|c| c == "linked") {
            bail!("the person field shows {name:?} but is not linked to it (class {class:?})");
        }
        Ok(())
    }

    /// Waits for two animation frames, so a screenshot shows what the last change rendered.
    pub async fn settle(&self) -> Result<()> {
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                vec![],
            )
            .await?;
        Ok(())
    }

    /// Saves the window as `target/screenshots/<name>.png` and returns its path, once nothing on
    /// screen is `aria-busy` (lists still loading).
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        self.wait_gone("[aria-busy=true]").await?;
        self.capture(name).await
    }

    /// Saves the window as `target/screenshots/<name>.png` as it is now.
    pub async fn capture(&self, name: &str) -> Result<PathBuf> {
        let _ = tokio::time::timeout(Duration::from_secs(5), self.settle()).await;
        let png = tokio::time::timeout(Duration::from_secs(20), self.client.screenshot())
            .await
            .map_err(|_| {
                anyhow!("the screenshot endpoint did not answer in 20 s (is WEBKIT_DISABLE_COMPOSITING_MODE set?)")
            })?
            .context("screenshot")?;
        if !png.starts_with(b"\x89PNG") {
            bail!("the screenshot endpoint returned no PNG ({} bytes)", png.len());
        }
        let path = screenshots_dir().join(format!("{name}.png"));
        std::fs::write(&path, png)?;
        Ok(path)
    }
}

/// The element's rendered text (`innerText`). WebDriver's "element text" reads "" for the menu links.
pub async fn inner_text(client: &Client, e: &Element) -> Result<String> {
    let v = client
        .execute("return arguments[0].innerText;", vec![serde_json::to_value(e)?])
        .await?;
    Ok(v.as_str().unwrap_or_default().to_string())
}

/// Whether the element is rendered. WebDriver's own "is displayed" (Selenium's atom in WebKitWebDriver)
/// says false for the title `<h1>`, whose `overflow: hidden` + ellipsis it misreads; the browser knows.
pub async fn is_visible(client: &Client, e: &Element) -> Result<bool> {
    let v = client
        .execute(
            "const e = arguments[0];
             return e.checkVisibility({ opacityProperty: true, visibilityProperty: true })
                 && e.getClientRects().length > 0;",
            vec![serde_json::to_value(e)?],
        )
        .await?;
    Ok(v.as_bool() == Some(true))
}

/// WebDriver's "no such element" reads as an empty message; say it plainly.
fn not_found(e: fantoccini::error::CmdError) -> anyhow::Error {
    if e.is_no_such_element() {
        anyhow!("no element matches")
    } else {
        e.into()
    }
}

/// `[data-testid=id]`.
pub fn testid(id: &str) -> String {
    format!("[data-testid={id}]")
}

/// The last `n` lines of a text file, for failure reports.
pub fn tail(path: &Path, n: usize) -> String {
    match std::fs::read_to_string(path) {
        Ok(s) => {
            let lines: Vec<&str> = s.lines().collect();
            lines[lines.len().saturating_sub(n)..].join("\n")
        }
        Err(e) => format!("({}: {e})", path.display()),
    }
}

fn html_has(html: &str, text: &str) -> bool {
    if text.is_empty() {
        return false;
    }
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;");
    html.contains(text) || html.contains(&escaped)
}

/// A number shown on screen ("1.234", "305 vendas"): its digits, separators dropped.
pub fn digits(text: &str) -> Option<u64> {
    let d: String = text.chars().filter(char::is_ascii_digit).collect();
    d.parse().ok()
}

/// Every file under `roots` (recursively) that holds one of `needles` (what it is, its bytes), as
/// "path: what"; and how many files were read. Sockets, pipes and unreadable files are skipped.
pub fn files_containing(roots: &[PathBuf], needles: &[(&str, &[u8])]) -> (Vec<String>, usize) {
    fn walk(dir: &Path, needles: &[(&str, &[u8])], hits: &mut Vec<String>, read: &mut usize) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else { continue };
            if kind.is_dir() {
                walk(&path, needles, hits, read);
            } else if kind.is_file() {
                let Ok(bytes) = std::fs::read(&path) else { continue };
                *read += 1;
                for (what, needle) in needles {
                    if !needle.is_empty() && bytes.windows(needle.len()).any(|w| w == *needle) {
                        hits.push(format!("{}: {what}", path.display()));
                    }
                }
            }
        }
    }
    let (mut hits, mut read) = (Vec::new(), 0);
    for root in roots {
        walk(root, needles, &mut hits, &mut read);
    }
    (hits, read)
}

/// The keyring service every Ponte secret is filed under (ponte-core's `secrets::SERVICE`).
pub const KEYRING_SERVICE: &str = "io.ponte.desktop";

/// `secret-tool lookup service io.ponte.desktop username <username>` in the test's D-Bus session (the
/// one the app uses under `.ci/window-tests.sh`): the stored secret, or None when there is none.
pub async fn keyring_lookup(username: &str) -> Result<Option<String>> {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        bail!("no D-Bus session: run the window tests through .ci/window-tests.sh");
    }
    let out = tokio::process::Command::new("secret-tool")
        .args(["lookup", "service", KEYRING_SERVICE, "username", username])
        .kill_on_drop(true)
        .output()
        .await
        .context("secret-tool (apt-get install libsecret-tools)")?;
    if out.status.success() {
        return Ok(Some(
            String::from_utf8(out.stdout).context("the keyring entry is not UTF-8")?,
        ));
    }
    if out.stdout.is_empty() && out.stderr.is_empty() {
        return Ok(None);
    }
    bail!(
        "secret-tool lookup {username}: {} {}",
        out.status,
        String::from_utf8_lossy(&out.stderr).trim()
    )
}

/// The attributes (never the secrets) of every keyring item of Ponte, for reports.
pub async fn keyring_attributes() -> Result<Vec<String>> {
    let out = tokio::process::Command::new("secret-tool")
        .args(["search", "--all", "service", KEYRING_SERVICE])
        .kill_on_drop(true)
        .output()
        .await
        .context("secret-tool (apt-get install libsecret-tools)")?;
    // `secret = …` lines go to stdout with the attributes: keep only the attributes.
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    Ok(text
        .lines()
        .filter(|l| l.starts_with("attribute."))
        .map(str::to_string)
        .collect())
}

fn xclip() -> tokio::process::Command {
    let mut c = tokio::process::Command::new("xclip");
    c.kill_on_drop(true);
    c
}

/// What the X clipboard (CLIPBOARD selection) holds now, read with `xclip -o`; None when nobody owns
/// it (e.g. after the app cleared it).
pub async fn clipboard_text() -> Result<Option<String>> {
    if std::env::var_os("DISPLAY").is_none() {
        bail!("no DISPLAY: run the window tests through .ci/window-tests.sh");
    }
    let read = xclip().args(["-o", "-selection", "clipboard"]).output();
    let out = tokio::time::timeout(Duration::from_secs(10), read)
        .await
        .map_err(|_| anyhow!("xclip -o did not answer in 10 s"))?
        .context("xclip (apt-get install xclip)")?;
    if out.status.success() {
        Ok(Some(String::from_utf8_lossy(&out.stdout).into_owned()))
    } else {
        Ok(None)
    }
}

/// Another program owning the clipboard: `xclip -quiet -i` (in the foreground, so it is this child
/// and nothing else) serving `text` until it is dropped or someone else copies.
pub struct ClipboardHolder {
    child: tokio::process::Child,
}

impl ClipboardHolder {
    /// Copies `text` the way another application would, and waits until the clipboard serves it.
    pub async fn copy(text: &str) -> Result<Self> {
        use tokio::io::AsyncWriteExt;
        let mut child = xclip()
            .args(["-quiet", "-selection", "clipboard", "-i"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("xclip (apt-get install xclip)")?;
        let mut stdin = child.stdin.take().context("xclip's stdin")?;
        stdin.write_all(text.as_bytes()).await?;
        drop(stdin);
        let holder = ClipboardHolder { child };
        poll("xclip to serve the clipboard", WAIT, || async move {
            let now = clipboard_text().await?;
            if now.as_deref() == Some(text) {
                Ok(Some(()))
            } else {
                Err(anyhow!("the clipboard holds {now:?}"))
            }
        })
        .await?;
        Ok(holder)
    }

    /// Whether xclip still runs (it exits when another program takes the clipboard).
    pub fn still_owner(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for ClipboardHolder {
    fn drop(&mut self) {
        let _ = self.child.start_kill();
    }
}

/// The longest one journey may take, however it is stuck (a WebDriver call that never answers included).
pub const JOURNEY_TIMEOUT: Duration = Duration::from_secs(240);

/// One test: a temp folder (app data, XDG folders, driver log), a driver, and the app when running.
pub struct Harness {
    pub name: String,
    pub binary: PathBuf,
    pub work: tempfile::TempDir,
    pub app: Option<App>,
    driver: Driver,
}

impl Harness {
    /// Runs one journey in a fresh harness and fails the test with a full report (screenshot, page
    /// source, logs) if it errs or takes longer than [`JOURNEY_TIMEOUT`]. Fails with a clear message
    /// when `PONTE_APP_BINARY` is unset or missing.
    pub async fn run(name: &str, journey: impl AsyncFnOnce(&mut Harness) -> Result<()>) {
        Self::run_within(name, JOURNEY_TIMEOUT, journey).await
    }

    /// [`Harness::run`] with its own time limit, for journeys that must wait on purpose (a clipboard
    /// that clears itself after 30 s).
    pub async fn run_within(name: &str, limit: Duration, journey: impl AsyncFnOnce(&mut Harness) -> Result<()>) {
        let mut h = Harness::new(name).await;
        let result = match tokio::time::timeout(limit, journey(&mut h)).await {
            Ok(r) => r,
            Err(_) => Err(anyhow!("the journey took longer than {limit:?}")),
        };
        h.finish(result).await;
    }

    /// The test's temp folder: the app's data folder, its XDG folders and the driver log are in it.
    pub fn work_dir(&self) -> &Path {
        self.work.path()
    }

    /// Where the app and its webview may write: the data folder and the XDG data, config and cache
    /// folders (WebKit's storage and caches). Not the driver log, which records what was typed.
    pub fn app_written_dirs(&self) -> Vec<PathBuf> {
        ["data", "xdg-data", "xdg-config", "xdg-cache"]
            .iter()
            .map(|d| self.work.path().join(d))
            .collect()
    }

    async fn new(name: &str) -> Self {
        let binary = app_binary().unwrap_or_else(|e| panic!("{e:#}"));
        let work = tempfile::Builder::new()
            .prefix(&format!("ponte-e2e-{name}-"))
            .tempdir()
            .expect("temp dir");
        let xdg = |d: &str| {
            let p = work.path().join(d);
            std::fs::create_dir_all(&p).unwrap();
            p
        };
        let (data, config, cache) = (xdg("xdg-data"), xdg("xdg-config"), xdg("xdg-cache"));
        // WebDriver cannot answer the GTK save dialog: the CSV export writes here instead.
        let save = work.path().join("vendas.csv");
        let driver = Driver::start(
            work.path(),
            &[
                ("XDG_DATA_HOME", &data),
                ("XDG_CONFIG_HOME", &config),
                ("XDG_CACHE_HOME", &cache),
                ("PONTE_TEST_SAVE_PATH", &save),
            ],
        )
        .await
        .unwrap_or_else(|e| panic!("{e:#}"));
        Harness {
            name: name.into(),
            binary,
            work,
            app: None,
            driver,
        }
    }

    /// The app's data folder for this test (created by the app itself).
    pub fn data_dir(&self) -> PathBuf {
        self.work.path().join("data")
    }

    /// Starts the app and waits for its window; kept even if that wait fails, for the failure report.
    pub async fn launch(&mut self) -> Result<&App> {
        let app = App::launch(&self.driver, &self.binary, &self.data_dir()).await?;
        let app = self.app.insert(app);
        app.wait_ready().await?;
        Ok(app)
    }

    pub fn app(&self) -> &App {
        self.app.as_ref().expect("the app is running")
    }

    /// Quits the app (session end, process exit).
    pub async fn quit(&mut self) -> Result<()> {
        match self.app.take() {
            Some(app) => app.quit().await,
            None => Ok(()),
        }
    }

    /// Quits and starts the app again on the same data folder.
    pub async fn restart(&mut self) -> Result<&App> {
        self.quit().await.context("quit before restart")?;
        self.launch().await.context("start again")
    }

    /// Ends the test: on error, saves `target/screenshots/failure-<name>.{png,html}` and the logs
    /// (`failure-<name>-driver.log`, `-app.log`), prints their tails, then panics.
    async fn finish(mut self, result: Result<()>) {
        let result = match result {
            Ok(()) => self.quit().await.context("quit at the end"),
            Err(e) => Err(e),
        };
        let Err(e) = result else {
            self.driver.stop();
            return;
        };
        let out = screenshots_dir();
        let name = self.name.clone();
        let mut report = format!("window test `{name}` failed: {e:#}\n");
        if let Some(app) = &self.app {
            match app.capture(&format!("failure-{name}")).await {
                Ok(p) => report += &format!("screenshot: {}\n", p.display()),
                Err(e) => report += &format!("no screenshot: {e:#}\n"),
            }
            if let Ok(Ok(src)) = tokio::time::timeout(Duration::from_secs(10), app.client.source()).await {
                let p = out.join(format!("failure-{name}.html"));
                if std::fs::write(&p, src).is_ok() {
                    report += &format!("page source: {}\n", p.display());
                }
            }
        }
        self.app.take(); // its process is in the driver's group, which ends below
        self.driver.stop();
        let logs = [
            ("driver", self.driver.log_path.clone()),
            ("app", self.data_dir().join("logs/ponte.log")),
        ];
        for (what, path) in logs {
            let copy = out.join(format!("failure-{name}-{what}.log"));
            let _ = std::fs::copy(&path, &copy);
            report += &format!(
                "--- {what} log, last lines (all in {}) ---\n{}\n",
                copy.display(),
                tail(&path, 30)
            );
        }
        panic!("{report}");
    }
}
