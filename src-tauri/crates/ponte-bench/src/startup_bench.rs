//! Start-up and memory, side by side (issue 13): Ponte and the floor, a hello-world Tauri 2 app
//! (`ponte-bench-floor`, built by `.ci/bench` in the same cargo run as ponte-app, so with the same tauri),
//! measured in one run, the same way. What was found and changed: docs/STARTUP.md.
//!
//! - **Launch → first screen**: both apps are started through tauri-driver + WebKitWebDriver (the window
//!   tests' tools, `ponte-e2e`), each launch a new WebDriver session, Ponte and the floor in turn. Each
//!   page marks `performance.mark('first-screen')` once its first screen is in the document (Ponte: Início
//!   rendered from its data, `ui/src/main.tsx`, which renders nothing before; the floor: its page); the
//!   first screen is the later of that mark and the page's first contentful paint (WebKit's paint
//!   timing). The figure is that time on the wall clock minus the time the session was asked for, so neither the polling nor the
//!   driver's replies after it count. One warm-up launch each, then 20; the median. Each app keeps its
//!   data and WebKit folders between its launches, as a user's does. Neither gets WebKit variables from
//!   the bench: the floor draws with WebKit's defaults, Ponte as it chooses for itself
//!   (src-tauri/src/painting.rs), as on a user's machine.
//! - **Idle PSS**: each app started alone (no driver), an empty data folder, its window shown; 10 s later
//!   the `Pss` of every process of the tree (the app, WebKitWebProcess, WebKitNetworkProcess…) from
//!   `/proc/<pid>/smaps_rollup`, summed. Median of 3 starts, the apps in turn; the floor also with Skia
//!   painting on the CPU, as Ponte paints without a GPU, to tell the page's cost from the painting's.
//! - **Binary size**: both as the bench built them, and stripped (`strip`), and release ponte-app when
//!   `target/release/ponte-app` exists (the ≤ 12 MB goal is for the release binary).
//!
//! While changing things: `PONTE_BENCH_STARTUP=launch` (or `=idle`) runs that half alone;
//! `PONTE_BENCH_TRACE=1` prints, after each launch, the page's navigation timings and marks.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{anyhow, bail, Context, Result};
use ponte_e2e::{App, Driver};

use ponte_core::webkit_painting::{gpu_here, CPU_PAINTING};

use crate::agency_seed::{self, Agency};
use crate::report::Report;

/// Launches timed per app (after one warm-up launch). Twenty rather than ten: the time before the page is
/// requested (WebDriver, process, GTK, WebKit) swings by ±30 ms for either app on a shared 2-core machine,
/// and with ten the ratio of the medians moved by ±0.05 from run to run.
const LAUNCHES: usize = 20;
/// Idle memory is read this long after the start.
const IDLE_AFTER: Duration = Duration::from_secs(10);
/// Starts per app for the idle memory (the median is reported).
const IDLE_RUNS: usize = 3;

/// Read by the bench after each launch: the page's clock origin, its first screen (the later of its
/// `first-screen` mark and its first contentful paint) and its navigation timings (ms; the mark and timings relative to the origin), `null` until the mark exists.
const MARKS: &str = "const m = performance.getEntriesByName('first-screen')[0];
    const p = performance.getEntriesByName('first-contentful-paint')[0];
    if (!m || !p) return null;
    const n = performance.getEntriesByType('navigation')[0];
    return [performance.timeOrigin, Math.max(m.startTime, p.startTime), n ? n.domContentLoadedEventEnd : -1];";

/// With `PONTE_BENCH_TRACE` set, printed after each launch: the page's navigation timings, its paint and
/// mark entries (start, end), in ms from the page's clock origin.
const TRACE: &str = "const n = performance.getEntriesByType('navigation')[0] || {};
    const nav = ['fetchStart', 'requestStart', 'responseStart', 'responseEnd', 'domInteractive',
        'domContentLoadedEventStart', 'domContentLoadedEventEnd', 'loadEventEnd']
        .map((k) => ['navigation', k, Math.round(n[k] || 0), Math.round(n[k] || 0)]);
    return nav.concat(performance.getEntries().filter((e) => e.entryType !== 'navigation')
        .map((e) => [e.entryType, e.name.slice(0, 60), Math.round(e.startTime), Math.round(e.startTime + e.duration)]));";

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Ponte,
    Floor,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Ponte => "Ponte",
            Kind::Floor => "floor",
        }
    }
}

/// One timed launch, in ms from the moment the launch was asked for.
#[derive(Clone, Copy)]
struct Launch {
    /// The page's clock origin: the process has started, GTK and WebKit are up, the window and its web
    /// view exist and the page is asked for.
    origin: f64,
    /// DOMContentLoaded handled: HTML, scripts and styles read.
    dom_ready: f64,
    /// The first screen is painted (Ponte: with its data).
    first_screen: f64,
}

/// Idle memory of one app: per process kind (name, KiB), and the total.
struct Pss {
    parts: Vec<(String, u64)>,
    total: u64,
}

pub fn run(r: &mut Report) {
    r.section("Start-up and memory: Ponte vs a minimal Tauri app");
    r.note(
        "Both apps measured in this run, the same way. *The floor* is `ponte-bench-floor`: a hello-world \
         Tauri 2 window (same size as Ponte's) with one tiny embedded page, built with ponte-app in the same \
         cargo run (so the same tauri, features and profile). **Launch → first screen**: each app started \
         through tauri-driver + WebKitWebDriver, a new session per launch, Ponte and the floor in turn; each \
         page marks `performance.mark('first-screen')` once its first screen is in the document (Ponte: Início \
         rendered from its data: 2 integrations, 20 000 sales, 40 tokens; nothing is drawn before; the \
         floor: its page), and the first screen is the later of that mark and WebKit's first contentful \
         paint; the figure is that time on the wall clock minus the time the launch was asked for (WebDriver's own \
         start of the app counts, for both). One warm-up launch each, then the median of 20, data and WebKit \
         folders kept between launches as a user's are. **Idle PSS**: each app started alone (no driver), \
         empty data folder, window shown; 10 s later the `Pss` of every process of the app's tree (app, \
         WebKitWebProcess, WebKitNetworkProcess) from `/proc/<pid>/smaps_rollup`, summed; median of 3 \
         starts. The floor draws with WebKit's defaults; Ponte chooses its painting itself, as on a user's \
         machine (without a GPU: Skia on the CPU, compositing on); the floor is also measured painting that \
         way. Where the time and memory go, and what was changed: docs/STARTUP.md.",
    );
    let Some(app) = r.app_with_display("start-up and memory") else {
        return;
    };
    let floor = floor_binary(&app);
    if !floor.is_file() {
        r.row(
            "start-up and memory",
            "not measured".into(),
            &format!(
                "no floor app at {}: cargo build --profile bench-fast --features tauri/custom-protocol \
                 -p ponte -p ponte-bench-floor (or set PONTE_FLOOR_BINARY)",
                floor.display()
            ),
        );
        return;
    }
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        let load: Vec<&str> = load.split_whitespace().take(3).collect();
        r.row(
            "machine load when the section started (1, 5, 15 min)",
            load.join(" "),
            &format!(
                "{} cores; other work on the machine slows both apps",
                std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
            ),
        );
    }

    // PONTE_BENCH_STARTUP=launch or =idle: that half alone (a quicker look while changing things).
    let part = std::env::var("PONTE_BENCH_STARTUP").unwrap_or_default();
    if part != "idle" {
        launch_rows(r, &app, &floor);
    }
    if part != "launch" {
        idle_rows(r, &app, &floor);
        size_rows(r, &app, &floor);
    }
}

/// `PONTE_FLOOR_BINARY`, else `ponte-bench-floor` beside the app binary.
fn floor_binary(app: &Path) -> PathBuf {
    match std::env::var_os("PONTE_FLOOR_BINARY").filter(|v| !v.is_empty()) {
        Some(p) => PathBuf::from(p),
        None => app.with_file_name("ponte-bench-floor"),
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn verdict(ok: bool, goal: &str) -> String {
    format!("goal {goal}: {}", if ok { "met" } else { "MISSED" })
}

fn launch_rows(r: &mut Report, app: &Path, floor: &Path) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    let [p, f] = match rt.block_on(launches(app, floor)) {
        Ok(l) => l.map(|l| {
            let m = |f: fn(&Launch) -> f64| median(l.iter().map(f).collect());
            (m(|l| l.origin), m(|l| l.dom_ready), m(|l| l.first_screen))
        }),
        Err(e) => {
            r.row(
                "launch → first screen",
                "not measured".into(),
                &format!("{e:#}").replace('|', "/"),
            );
            return;
        }
    };
    let ((p_origin, p_dom, p_first), (f_origin, f_dom, f_first)) = (p, f);
    r.row(
        &format!("Ponte: launch → Início drawn from its data (median of {LAUNCHES})"),
        format!("{p_first:.0} ms"),
        &verdict(p_first <= 500.0, "≤ 500 ms"),
    );
    r.row(
        &format!("floor: launch → its page drawn (median of {LAUNCHES})"),
        format!("{f_first:.0} ms"),
        "",
    );
    let ratio = p_first / f_first;
    r.row(
        "Ponte / floor, launch → first screen",
        format!("{ratio:.2}×"),
        &verdict(ratio <= 1.3, "≤ 1.3×"),
    );
    r.row(
        "… launch → page requested (WebDriver, process, GTK, WebKit, the app's start): Ponte / floor",
        format!("{p_origin:.0} / {f_origin:.0} ms"),
        "medians",
    );
    r.row(
        "… page requested → DOMContentLoaded (HTML, scripts, styles): Ponte / floor",
        format!("{:.0} / {:.0} ms", p_dom - p_origin, f_dom - f_origin),
        "differences of the medians",
    );
    r.row(
        "… DOMContentLoaded → first screen painted (Ponte: its data, style, layout, paint): Ponte / floor",
        format!("{:.0} / {:.0} ms", p_first - p_dom, f_first - f_dom),
        "differences of the medians",
    );
}

fn now_ms() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs_f64() * 1000.0
}

/// One app under its own tauri-driver, with its data and WebKit folders kept between its launches.
struct Subject {
    kind: Kind,
    bin: PathBuf,
    data: PathBuf,
    driver: Driver,
    _work: tempfile::TempDir,
}

impl Subject {
    async fn new(kind: Kind, bin: &Path) -> Result<Self> {
        let work = tempfile::tempdir()?;
        let data = work.path().join("data");
        std::fs::create_dir_all(&data)?;
        if kind == Kind::Ponte {
            seed(&data)?;
        }
        let xdg: Vec<(&str, PathBuf)> = ["XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"]
            .into_iter()
            .map(|k| (k, work.path().join(k.to_lowercase())))
            .collect();
        for (_, d) in &xdg {
            std::fs::create_dir_all(d)?;
        }
        let env: Vec<(&str, &Path)> = xdg.iter().map(|(k, d)| (*k, d.as_path())).collect();
        // WebKit's default drawing, as on a user's machine.
        let driver = Driver::start(work.path(), &env).await?;
        Ok(Self {
            kind,
            bin: bin.to_path_buf(),
            data,
            driver,
            _work: work,
        })
    }

    /// One launch: a new WebDriver session, the page's marks, the app ended and gone.
    async fn launch(&self, i: usize) -> Result<Launch> {
        let name = self.kind.name();
        if self.kind == Kind::Ponte {
            bus_name_free().await?;
        }
        // Let the machine settle after the previous app's exit.
        tokio::time::sleep(Duration::from_millis(700)).await;
        let t0 = now_ms();
        let app = App::launch(&self.driver, &self.bin, &self.data)
            .await
            .with_context(|| format!("{name} launch {i}"))?;
        let marks = ponte_e2e::poll("the first-screen mark", Duration::from_secs(60), || async {
            let v = app.client.execute(MARKS, vec![]).await?;
            if v.is_null() {
                return Ok(None);
            }
            let n: Vec<f64> = serde_json::from_value(v)?;
            Ok(Some(n))
        })
        .await
        .with_context(|| format!("{name} launch {i}: the page never marked its first screen"));
        if std::env::var_os("PONTE_BENCH_TRACE").is_some() {
            let t = app.client.execute(TRACE, vec![]).await?;
            let origin = marks.as_ref().ok().and_then(|m| m.first()).map_or(f64::NAN, |o| o - t0);
            eprintln!("{name} launch {i}: page requested {origin:.0} ms after the launch; {t}");
        }
        let tree = process_tree(app_pid(&self.data).unwrap_or(0));
        app.quit().await?;
        wait_gone(&tree).await;
        let [origin, first, dom] = marks?[..] else {
            bail!("{name} launch {i}: unexpected marks from the page");
        };
        let origin = origin - t0;
        Ok(Launch {
            origin,
            dom_ready: origin + if dom >= 0.0 { dom } else { first },
            first_screen: origin + first,
        })
    }
}

/// Ponte and the floor launched in turn (so that the machine's changing load falls on both alike): one
/// warm-up launch each, then [`LAUNCHES`] each.
async fn launches(app: &Path, floor: &Path) -> Result<[Vec<Launch>; 2]> {
    let subjects = [
        Subject::new(Kind::Ponte, app).await?,
        Subject::new(Kind::Floor, floor).await?,
    ];
    let mut out = [Vec::new(), Vec::new()];
    for i in 0..=LAUNCHES {
        for (s, o) in subjects.iter().zip(out.iter_mut()) {
            let l = s.launch(i).await?;
            if i > 0 {
                o.push(l);
            }
        }
    }
    Ok(out)
}

/// The pid of the app started with `--data-dir data` (WebKitWebDriver is its parent).
fn app_pid(data: &Path) -> Option<u32> {
    ponte_e2e::pids_with_arg(&data.to_string_lossy())
        .into_iter()
        .next()
        .map(|p| p as u32)
}

/// Waits until the processes of an ended app are gone (WebKit's helpers follow the app within moments).
async fn wait_gone(pids: &[(u32, String)]) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10)
        && pids
            .iter()
            .any(|(p, name)| std::fs::read_to_string(format!("/proc/{p}/comm")).is_ok_and(|c| c.trim() == name))
    {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Ponte is single-instance (a D-Bus name): the next launch waits until the previous one let go of it.
async fn bus_name_free() -> Result<()> {
    let name = ponte_e2e::single_instance_name()?;
    ponte_e2e::poll("the single-instance name to be free", Duration::from_secs(20), || {
        let name = name.clone();
        async move { Ok(ponte_e2e::bus_name_owner_pid(&name).await?.is_none().then_some(())) }
    })
    .await
}

/// What a small agency's Ponte holds after a while: a company, two integrations (one failing), 20 000
/// sales over two years, a booking user with 40 tokens, 60 import runs. Início reads all of it.
fn seed(data: &Path) -> Result<()> {
    let db = ponte_core::db::Db::open(data).map_err(|e| anyhow!("{e:?}"))?;
    let agency = Agency {
        sales: 20_000,
        flagged_every: 50,
        tokens: 40,
        expiry_step: 9,
        expiry_span: 400,
        runs: 60,
    };
    agency_seed::seed(&db, &agency)?;
    Ok(())
}

/// The pids of `root` and its descendants, with their names (`comm`).
fn process_tree(root: u32) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(p) = stack.pop() {
        let Ok(comm) = std::fs::read_to_string(format!("/proc/{p}/comm")) else {
            continue;
        };
        out.push((p, comm.trim().to_string()));
        for task in std::fs::read_dir(format!("/proc/{p}/task"))
            .into_iter()
            .flatten()
            .flatten()
        {
            if let Ok(children) = std::fs::read_to_string(task.path().join("children")) {
                stack.extend(children.split_whitespace().filter_map(|c| c.parse::<u32>().ok()));
            }
        }
    }
    out
}

/// `Pss` of one process in KiB (0 when it is gone).
fn pss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Pss:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// Starts `bin` alone with an empty data folder and reads the PSS of its tree [`IDLE_AFTER`] later.
/// `cpu_painting`: with `WEBKIT_SKIA_ENABLE_CPU_RENDERING=1`; else WebKit's variables are unset, as for a
/// user (Ponte then decides for itself, src-tauri/src/painting.rs).
fn idle_once(kind: Kind, bin: &Path, cpu_painting: bool) -> Result<Pss> {
    if kind == Kind::Ponte {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
        rt.block_on(bus_name_free())?;
    }
    let work = tempfile::tempdir()?;
    let mut cmd = Command::new(bin);
    cmd.arg("--data-dir")
        .arg(work.path().join("data"))
        .env("LANGUAGE", "pt_BR")
        .env_remove("WEBKIT_DISABLE_COMPOSITING_MODE")
        .env_remove(CPU_PAINTING)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if cpu_painting {
        cmd.env(CPU_PAINTING, "1");
    }
    for k in ["XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"] {
        let d = work.path().join(k.to_lowercase());
        std::fs::create_dir_all(&d)?;
        cmd.env(k, d);
    }
    let mut child = cmd.spawn().with_context(|| format!("start {}", bin.display()))?;
    std::thread::sleep(IDLE_AFTER);
    let tree = process_tree(child.id());
    let alive = child.try_wait()?.is_none();
    let mut parts: Vec<(String, u64)> = Vec::new();
    for (pid, name) in &tree {
        let kib = pss_kib(*pid);
        // Ponte's own process is named after its binary; the floor's too: both read "app".
        let name = if *pid == child.id() {
            "app".to_string()
        } else {
            name.clone()
        };
        match parts.iter_mut().find(|(n, _)| *n == name) {
            Some((_, k)) => *k += kib,
            None => parts.push((name, kib)),
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    rt.block_on(wait_gone(&tree));
    if !alive {
        bail!("{} exited before {IDLE_AFTER:?}", kind.name());
    }
    let total = parts.iter().map(|(_, k)| k).sum();
    Ok(Pss { parts, total })
}

/// The run whose total is the median.
fn median_run(mut runs: Vec<Pss>) -> Pss {
    runs.sort_by_key(|p| p.total);
    let mid = runs.len() / 2;
    runs.swap_remove(mid)
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

fn describe(p: &Pss) -> String {
    p.parts
        .iter()
        .map(|(n, k)| format!("{n} {:.0}", mib(*k)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn idle_rows(r: &mut Report, app: &Path, floor: &Path) {
    // In turn, so that the machine's changing state falls on all three alike.
    let mut runs: [Vec<Pss>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    for _ in 0..IDLE_RUNS {
        let round = [
            idle_once(Kind::Ponte, app, false),
            idle_once(Kind::Floor, floor, false),
            idle_once(Kind::Floor, floor, true),
        ];
        for (run, out) in round.into_iter().zip(runs.iter_mut()) {
            match run {
                Ok(p) => out.push(p),
                Err(e) => {
                    r.row("idle PSS", "not measured".into(), &format!("{e:#}").replace('|', "/"));
                    return;
                }
            }
        }
    }
    let [p, f, f_cpu] = runs.map(median_run);
    r.row(
        &format!("Ponte: idle PSS, every process, 10 s after start (median of {IDLE_RUNS})"),
        format!("{:.0} MiB", mib(p.total)),
        &format!("MiB: {}", describe(&p)),
    );
    r.row(
        &format!("floor: idle PSS, every process, 10 s after start (median of {IDLE_RUNS})"),
        format!("{:.0} MiB", mib(f.total)),
        &format!("MiB: {}", describe(&f)),
    );
    let ratio = p.total as f64 / f.total as f64;
    r.row(
        "Ponte / floor, idle PSS",
        format!("{ratio:.2}×"),
        &verdict(ratio <= 1.2, "≤ 1.2×"),
    );
    r.row(
        &format!("floor with {CPU_PAINTING}=1: idle PSS (median of {IDLE_RUNS})"),
        format!("{:.0} MiB", mib(f_cpu.total)),
        &format!(
            "MiB: {}; the floor painting as Ponte does {}: docs/STARTUP.md",
            describe(&f_cpu),
            if gpu_here() {
                "without a GPU (this machine has one: Ponte paints on it)"
            } else {
                "here (no GPU)"
            }
        ),
    );
    r.row(
        "Ponte / floor painting alike, idle PSS",
        format!("{:.2}×", p.total as f64 / f_cpu.total as f64),
        "what Ponte's page and work cost above the floor's, painting aside",
    );
}

/// The size of `bin` without its symbols (`strip` into a temp file), when `strip` is at hand.
fn stripped_size(bin: &Path) -> Option<u64> {
    let out = tempfile::NamedTempFile::new().ok()?;
    let ok = Command::new("strip")
        .arg("-o")
        .arg(out.path())
        .arg(bin)
        .stderr(Stdio::null())
        .status()
        .ok()?
        .success();
    ok.then(|| std::fs::metadata(out.path()).ok().map(|m| m.len()))
        .flatten()
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

fn size_rows(r: &mut Report, app: &Path, floor: &Path) {
    let profile = app
        .parent()
        .and_then(|d| d.file_name())
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_default();
    for (name, bin) in [("ponte-app", app), ("ponte-bench-floor", floor)] {
        let size = std::fs::metadata(bin).map(|m| m.len()).unwrap_or(0);
        let stripped =
            stripped_size(bin).map_or("strip not found".to_string(), |s| format!("{:.1} MB stripped", mb(s)));
        r.row(
            &format!("binary size, {name} ({profile} profile)"),
            format!("{:.1} MB", mb(size)),
            &stripped,
        );
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..");
    let release = root.join("target/release/ponte-app");
    match std::fs::metadata(&release) {
        Ok(m) => {
            let built = m
                .modified()
                .ok()
                .map(|t| {
                    chrono::DateTime::<chrono::Local>::from(t)
                        .format("%Y-%m-%d %H:%M")
                        .to_string()
                })
                .unwrap_or_default();
            r.row(
                &format!("binary size, ponte-app (release profile, target/release, built {built})"),
                format!("{:.1} MB", mb(m.len())),
                &verdict(m.len() <= 12_000_000, "≤ 12 MB"),
            );
        }
        Err(_) => r.row(
            "binary size, ponte-app (release profile)",
            "not measured".into(),
            &format!("no target/release/ponte-app: the goal ≤ 12 MB is for it; {profile} measured above"),
        ),
    }
}
