//! A start right after a Ponte was killed must open the window (Linux).
//!
//! tauri-plugin-single-instance claims `<identifier>.SingleInstance` on the session bus. When the name is
//! taken, it hands the new start's arguments to the owner (`ExecuteCallback`, which shows the owner's
//! window) and exits; when that call fails, the plugin fails the whole start ("failed to forward arguments
//! to the running instance: … NoReply"), and the user gets no window at all.
//!
//! The call fails when the owner is already dead: a killed process keeps its D-Bus name until the bus
//! daemon sees its connection close, and the kernel closes a killed process's sockets only after all its
//! threads have exited and its memory is unmapped (tens of milliseconds for a WebKit app on a busy
//! machine; the bus daemon then needs its own turn). A start in that window finds the name taken, calls a
//! process that will never answer, and the bus replies `NoReply` ("Message recipient disconnected from
//! message bus without replying") once the connection is finally closed.
//!
//! The plugin has no hook for that failure, so [`settle`] runs before Tauri starts: when the name has an
//! owner, it pings that connection (`org.freedesktop.DBus.Peer.Ping`, answered by the owner's D-Bus thread,
//! not by its user interface). Any reply means a live Ponte, and the plugin hands it the arguments as usual
//! (a second start focuses the first). An owner that leaves the bus without answering was dead: by the time
//! the bus says so it has also dropped the owner's names, so the name is free and the plugin claims it for
//! this start. What remains open is an owner killed *between* this check and the plugin's call a few
//! milliseconds later, i.e. two starts racing a kill at the same time.

use std::io;
use std::time::Duration;

use zbus::blocking::fdo::DBusProxy;
use zbus::names::BusName;

/// How long a live Ponte may take to answer a ping (its D-Bus thread answers at once, even when its UI is
/// busy); past that it is treated as hung.
const PING_TIMEOUT: Duration = Duration::from_secs(10);

/// How many dead owners in a row to step over (one per Ponte killed just before this start).
const MAX_DEAD_OWNERS: usize = 20;

/// The D-Bus name and object path tauri-plugin-single-instance uses for `identifier` (no `semver` feature).
pub fn bus_name_and_path(identifier: &str) -> (String, String) {
    let name = format!("{identifier}.SingleInstance");
    let path = format!("/{}", name.replace('.', "/").replace('-', "_"));
    (name, path)
}

/// Returns once the single-instance name is free or owned by a live Ponte, with a note for the log when
/// it stepped over a dead owner. Fails only when the owner is alive but does not answer (hung, stopped).
/// Without a session bus there is nothing to check, as for the plugin; other bus errors are left to it.
pub fn settle(identifier: &str) -> Result<Option<String>, String> {
    let (name, path) = bus_name_and_path(identifier);
    let Ok(conn) = zbus::blocking::connection::Builder::session().and_then(|b| b.method_timeout(PING_TIMEOUT).build())
    else {
        return Ok(None);
    };
    let Ok(bus) = DBusProxy::new(&conn) else {
        return Ok(None);
    };
    let well_known = BusName::try_from(name.as_str()).map_err(|e| format!("{name}: {e}"))?;
    let mut note = None;
    for _ in 0..MAX_DEAD_OWNERS {
        let owner = match bus.get_name_owner(well_known.clone()) {
            Ok(owner) => owner,
            Err(zbus::fdo::Error::NameHasNoOwner(_)) => return Ok(note),
            // An odd bus: let the plugin decide, as it did before this check.
            Err(e) => return Ok(Some(format!("could not ask the bus who holds {name}: {e}"))),
        };
        let ping = conn.call_method(
            Some(owner.as_str()),
            path.as_str(),
            Some("org.freedesktop.DBus.Peer"),
            "Ping",
            &(),
        );
        let Err(error) = ping else { return Ok(note) };
        let owner_name = BusName::from(owner.as_ref());
        // Still on the bus after failing to answer: alive. An error reply (an unknown object…) still
        // proves it runs; only silence means it is stuck.
        if bus.name_has_owner(owner_name.clone()).unwrap_or(false) {
            let timed_out = matches!(&error, zbus::Error::InputOutput(e) if e.kind() == io::ErrorKind::TimedOut);
            if !timed_out {
                return Ok(note);
            }
            let pid = bus
                .get_connection_unix_process_id(owner_name)
                .map(|p| p.to_string())
                .unwrap_or_else(|_| "?".into());
            return Err(format!(
                "Ponte is already running (process {pid}) but does not answer: end it (kill {pid}) and start Ponte again"
            ));
        }
        note = Some(format!(
            "the Ponte that held {name} ({owner}) had ended without answering ({error}); starting in its place"
        ));
    }
    Err(format!(
        "{name}: {MAX_DEAD_OWNERS} owners in a row ended without answering"
    ))
}
