//! Starting Ponte always works (issue 13): a start right after a Ponte was killed opens its window, every
//! time; a start that finds a Ponte which can no longer answer waits for it to go, then opens its own; a
//! second start while one runs shows the first's window and opens none.
//!
//! The app is started directly here, not through WebDriver (whose session start and end put their own
//! delays between a kill and the next start): `kill -9`, then the next start at once. A window counts as
//! open when Xvfb has a viewable top-level window titled "Ponte" whose `_NET_WM_PID` is that start's
//! process (`xwininfo`, `xprop`: x11-utils). Run with `.ci/window-tests.sh single_instance` (Xvfb, D-Bus session).

use std::fs::File;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Context, Result};
use ponte_e2e::{app_binary, bus_name_owner_pid, poll, single_instance_name, tail, STARTUP, WAIT};

/// Kills in a row, each followed at once by a new start.
const KILLS: usize = 20;

/// One start of the app, in its own process group (with the WebKit processes it starts), its output in
/// a log file. Dropping it ends the group.
struct Instance {
    child: Child,
    log: PathBuf,
    label: String,
}

impl Instance {
    fn pid(&self) -> u32 {
        self.child.id()
    }

    fn signal(&self, signal: libc::c_int) {
        unsafe { libc::kill(self.pid() as i32, signal) };
    }

    fn exited(&mut self) -> Result<Option<ExitStatus>> {
        Ok(self.child.try_wait()?)
    }

    fn output(&self) -> String {
        format!(
            "--- output of {} (pid {}) ---\n{}",
            self.label,
            self.pid(),
            tail(&self.log, 30)
        )
    }

    /// Waits until this start's window is on screen; fails at once if the process ends first.
    async fn wait_window(&mut self) -> Result<Duration> {
        let start = Instant::now();
        loop {
            if let Some(status) = self.exited()? {
                bail!(
                    "{} exited ({status}) without opening its window\n{}",
                    self.label,
                    self.output()
                );
            }
            if window_shown(self.pid()).await? == Some(true) {
                return Ok(start.elapsed());
            }
            if start.elapsed() > STARTUP {
                bail!("{}: no window in {STARTUP:?}\n{}", self.label, self.output());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        unsafe { libc::kill(-(self.pid() as i32), libc::SIGKILL) };
        let _ = self.child.wait();
    }
}

/// A test's temp folder: the app's data folder, its XDG folders and the logs of each start.
struct Setup {
    work: tempfile::TempDir,
    binary: PathBuf,
}

impl Setup {
    fn new(name: &str) -> Result<Self> {
        let binary = app_binary()?;
        let work = tempfile::Builder::new()
            .prefix(&format!("ponte-e2e-{name}-"))
            .tempdir()?;
        for d in ["xdg-data", "xdg-config", "xdg-cache", "logs"] {
            std::fs::create_dir_all(work.path().join(d))?;
        }
        Ok(Setup { work, binary })
    }

    fn data_dir(&self) -> PathBuf {
        self.work.path().join("data")
    }

    /// Starts `ponte-app --data-dir DATA args…`, as a user's launcher would.
    fn start(&self, label: &str, args: &[&str]) -> Result<Instance> {
        let w = self.work.path();
        let log = w.join("logs").join(format!("{}.log", label.replace(' ', "-")));
        let out = File::create(&log)?;
        let child = Command::new(&self.binary)
            .arg("--data-dir")
            .arg(self.data_dir())
            .args(args)
            .env("XDG_DATA_HOME", w.join("xdg-data"))
            .env("XDG_CONFIG_HOME", w.join("xdg-config"))
            .env("XDG_CACHE_HOME", w.join("xdg-cache"))
            .env("LANGUAGE", "pt_BR")
            .env_remove("PONTE_DATA_DIR")
            .stdin(Stdio::null())
            .stdout(out.try_clone()?)
            .stderr(out)
            .process_group(0)
            .spawn()
            .with_context(|| format!("start {}", self.binary.display()))?;
        Ok(Instance {
            child,
            log,
            label: label.into(),
        })
    }
}

async fn output_of(program: &str, args: &[&str]) -> Result<Option<String>> {
    let out = tokio::process::Command::new(program)
        .args(args)
        .output()
        .await
        .with_context(|| format!("{program} (apt-get install x11-utils)"))?;
    Ok(out
        .status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned()))
}

/// The window of process `pid`: `None` when it has none, `Some(viewable)` otherwise.
async fn window_shown(pid: u32) -> Result<Option<bool>> {
    // The walk fails when a window goes away under it (a killed start's): ask again.
    let mut tree = None;
    for _ in 0..20 {
        tree = output_of("xwininfo", &["-root", "-tree"]).await?;
        if tree.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let tree = tree.context("xwininfo -root -tree keeps failing (no X display?)")?;
    let mut found = None;
    for id in tree
        .lines()
        .filter(|l| l.contains("\"Ponte\":"))
        .filter_map(|l| l.split_whitespace().next())
    {
        // A window of a process killed a moment ago may be gone by now: skip what no longer answers.
        let Some(props) = output_of("xprop", &["-id", id, "_NET_WM_PID"]).await? else {
            continue;
        };
        if props.split_whitespace().last().and_then(|p| p.parse::<u32>().ok()) != Some(pid) {
            continue;
        }
        let Some(info) = output_of("xwininfo", &["-id", id]).await? else {
            continue;
        };
        let viewable = info.contains("Map State: IsViewable");
        found = Some(found.unwrap_or(false) || viewable);
    }
    Ok(found)
}

/// Whether process `pid` has a connection to the session bus.
async fn on_the_bus(pid: u32) -> Result<bool> {
    let names = output_of(
        "dbus-send",
        &[
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.ListNames",
        ],
    )
    .await?
    .context("dbus-send ListNames failed")?;
    for unique in names.split('"').filter(|n| n.starts_with(':')).collect::<Vec<_>>() {
        if bus_name_owner_pid(unique).await.ok().flatten() == Some(pid) {
            return Ok(true);
        }
    }
    Ok(false)
}

fn run_test(result: Result<()>) {
    if let Err(e) = result {
        panic!("{e:#}");
    }
}

#[tokio::test]
async fn single_instance_start_right_after_a_kill_opens_the_window_every_time() {
    run_test(
        async {
            let setup = Setup::new("restart-kills")?;
            let mut current = setup.start("start 0", &[])?;
            current.wait_window().await?;
            let mut times = Vec::new();
            for i in 1..=KILLS {
                // Like a crash or `kill -9`: the process only (its WebKit helpers notice on their own).
                current.signal(libc::SIGKILL);
                let mut next = setup.start(&format!("start {i}"), &[])?;
                let took = next
                    .wait_window()
                    .await
                    .with_context(|| format!("the start right after kill {i} of {KILLS}"))?;
                times.push(took.as_millis());
                current = next; // the killed one is reaped here
            }
            ensure!(
                setup.data_dir().join("ponte.db").is_file(),
                "no ponte.db in the data folder {}",
                setup.data_dir().display()
            );
            eprintln!(
                "{KILLS} starts, each right after a kill, all opened their window; ms from start to window: {times:?}"
            );
            Ok(())
        }
        .await,
    );
}

/// The kill race made deterministic: the first Ponte is stopped (SIGSTOP), so it keeps its D-Bus name and
/// cannot answer, as a killed process does until the kernel has closed its sockets. The second start
/// asks it to show its window and gets no answer; then the first is killed, the bus answers the pending
/// call with NoReply, and the second must start on its own (tauri-plugin-single-instance alone failed
/// here with "failed to forward arguments to the running instance: … NoReply").
#[tokio::test]
async fn single_instance_start_that_meets_a_dying_ponte_opens_its_own_window() {
    run_test(
        async {
            let setup = Setup::new("restart-dying")?;
            let name = single_instance_name()?;
            let mut first = setup.start("first", &[])?;
            first.wait_window().await?;
            ensure!(
                bus_name_owner_pid(&name).await? == Some(first.pid()),
                "the first start does not own {name}"
            );
            first.signal(libc::SIGSTOP);
            let mut second = setup.start("second", &[])?;
            let second_pid = second.pid();
            poll("the second start to reach the session bus", STARTUP, || async move {
                Ok(on_the_bus(second_pid).await?.then_some(()))
            })
            .await?;
            // It asks the stopped Ponte, and waits.
            tokio::time::sleep(Duration::from_secs(1)).await;
            if let Some(status) = second.exited()? {
                bail!(
                    "the second start ended ({status}) while the first was only stopped\n{}",
                    second.output()
                );
            }
            ensure!(
                window_shown(second.pid()).await? != Some(true),
                "the second start opened a window while a Ponte still held {name}"
            );
            first.signal(libc::SIGKILL);
            second.wait_window().await.context("the start that met a dying Ponte")?;
            ensure!(
                bus_name_owner_pid(&name).await? == Some(second.pid()),
                "the second start opened its window but does not own {name}"
            );
            // Logged by the app's setup, which may run a moment after the window is mapped.
            let log = second.log.clone();
            poll("the second start to log the dying Ponte it met", WAIT, || {
                let log = log.clone();
                async move {
                    let text = std::fs::read_to_string(&log)?;
                    Ok(text.contains("ended without answering").then_some(()))
                }
            })
            .await
            .with_context(|| second.output())?;
            Ok(())
        }
        .await,
    );
}

#[tokio::test]
async fn single_instance_second_start_shows_the_first_and_opens_no_window() {
    run_test(
        async {
            let setup = Setup::new("restart-second")?;
            let name = single_instance_name()?;
            // Hidden, as when it starts with the system.
            let mut first = setup.start("first (hidden)", &["--hidden"])?;
            let start = Instant::now();
            loop {
                if let Some(status) = first.exited()? {
                    bail!("the first start exited ({status})\n{}", first.output());
                }
                if window_shown(first.pid()).await? == Some(false)
                    && bus_name_owner_pid(&name).await? == Some(first.pid())
                {
                    break;
                }
                if start.elapsed() > STARTUP {
                    bail!(
                        "the hidden first start: no hidden window owning {name} in {STARTUP:?}\n{}",
                        first.output()
                    );
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            let mut second = setup.start("second", &[])?;
            let status = {
                let start = Instant::now();
                loop {
                    if let Some(status) = second.exited()? {
                        break status;
                    }
                    if start.elapsed() > STARTUP {
                        bail!(
                            "the second start is still running after {STARTUP:?}\n{}",
                            second.output()
                        );
                    }
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            };
            ensure!(
                status.success(),
                "the second start exited with {status}\n{}",
                second.output()
            );
            let first_pid = first.pid();
            poll("the first Ponte's window to show", WAIT, || async move {
                Ok((window_shown(first_pid).await? == Some(true)).then_some(()))
            })
            .await
            .with_context(|| first.output())?;
            ensure!(first.exited()?.is_none(), "the first Ponte ended\n{}", first.output());
            ensure!(
                bus_name_owner_pid(&name).await? == Some(first.pid()),
                "the first Ponte no longer owns {name}"
            );
            Ok(())
        }
        .await,
    );
}

/// A Ponte that holds the name and stays silent (stopped here; hung in life) is not replaced behind its back:
/// the new start says which process to end, and exits.
#[tokio::test]
async fn single_instance_start_that_meets_a_hung_ponte_says_what_to_do() {
    run_test(
        async {
            let setup = Setup::new("restart-hung")?;
            let name = single_instance_name()?;
            let mut first = setup.start("first", &[])?;
            first.wait_window().await?;
            first.signal(libc::SIGSTOP);
            let mut second = setup.start("second", &[])?;
            let started = Instant::now();
            let status = loop {
                if let Some(status) = second.exited()? {
                    break status;
                }
                if started.elapsed() > STARTUP {
                    bail!(
                        "the second start neither opened nor gave up in {STARTUP:?}\n{}",
                        second.output()
                    );
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            };
            first.signal(libc::SIGCONT);
            let output = second.output();
            ensure!(
                status.code() == Some(1),
                "the second start exited with {status}, not 1\n{output}"
            );
            ensure!(
                output.contains("does not answer") && output.contains(&format!("kill {}", first.pid())),
                "the second start did not say which Ponte to end\n{output}"
            );
            ensure!(first.exited()?.is_none(), "the first Ponte ended\n{}", first.output());
            ensure!(
                bus_name_owner_pid(&name).await? == Some(first.pid()),
                "the first Ponte no longer owns {name}"
            );
            eprintln!(
                "the start gave up after {:?}: {}",
                started.elapsed(),
                output.lines().last().unwrap_or("")
            );
            Ok(())
        }
        .await,
    );
}
