//! `SimHandle::start_blocking`: a simulator for synchronous tests, on its own thread and runtime.
#![cfg(feature = "control")]

use std::io::{Read, Write};
use std::net::TcpStream;

use ponte_sim::{Fault, FaultKind, SimConfig, SimHandle};

fn get(handle: &SimHandle, path: &str) -> String {
    let mut stream = TcpStream::connect(handle.addr()).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: sim\r\nAccept: application/json\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    reply
}

#[test]
fn serves_from_its_own_thread_until_shut_down() {
    let sim = SimHandle::start_blocking(SimConfig::new(1, 10).with_test_key()).unwrap();
    let info = get(&sim, "/__sim/info");
    assert!(info.starts_with("HTTP/1.1 200"), "{info}");
    assert!(info.contains(&sim.base_url()));
    sim.faults()
        .push(Fault::new(FaultKind::ServerError { status: 503 }).times(1));
    assert!(get(&sim, "/api/v1/structures").starts_with("HTTP/1.1 503"));
    assert!(get(&sim, "/api/v1/structures").starts_with("HTTP/1.1 401"));
    let addr = sim.addr();
    sim.shutdown_blocking();
    assert!(TcpStream::connect(addr).is_err(), "nothing listens any more");
}
