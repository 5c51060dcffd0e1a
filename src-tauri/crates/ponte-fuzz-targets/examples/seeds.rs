//! Writes the seed corpora: realistic supplier pages rendered from the simulator's own data generator
//! (the shapes of docs/PROTOCOLS.md, as ponte-sim serves them), a few broken ones as its faults break
//! them, and a few documents, tokens, addresses, dates and CSV cells.
//!
//! `cargo run -p ponte-fuzz-targets --example seeds -- /tmp/seeds` then, per target,
//! `cargo fuzz cmin <target> /tmp/seeds/<target>` into `src-tauri/fuzz/corpus/<target>/` (docs/FUZZING.md).

use std::path::Path;

use ponte_sim::data::{self, DataSpec};
use serde_json::{json, Value};

fn write(dir: &Path, target: &str, name: &str, bytes: &[u8]) {
    let d = dir.join(target);
    std::fs::create_dir_all(&d).expect("seed folder");
    std::fs::write(d.join(name), bytes).expect("seed file");
}

fn texts(dir: &Path, target: &str, items: &[&str]) {
    for (i, t) in items.iter().enumerate() {
        write(dir, target, &format!("seed-{i:03}"), t.as_bytes());
    }
}

fn main() {
    let out = std::env::args().nth(1).expect("usage: seeds <output folder>");
    let out = Path::new(&out);
    let spec = DataSpec::default();

    // Pages of 1–3 records from across the data set (every product kind shows up), the empty last page,
    // a record broken as the simulator's `malformed` fault breaks it, and a reply of the wrong shape.
    for (n, start) in (0..spec.bookings).step_by(23).enumerate() {
        let size = 1 + n % 3;
        let bookings: Vec<Value> = (start..(start + size).min(spec.bookings))
            .map(|i| serde_json::to_value(data::infotravel_booking(&spec, i)).expect("booking"))
            .collect();
        let sales: Vec<Value> = (start..(start + size).min(spec.bookings))
            .map(|i| serde_json::to_value(data::wooba_sale(&spec, i)).expect("sale"))
            .collect();
        let mut info = json!({"content": bookings, "number": n, "size": size, "totalElements": spec.bookings,
            "totalPages": spec.bookings.div_ceil(size), "last": false});
        let mut wooba = json!({"Sales": sales, "Page": n + 1, "TotalPages": spec.bookings.div_ceil(size),
            "Exception": null});
        if n % 5 == 4 {
            if let Some(b) = info["content"][0].as_object_mut() {
                b.insert("createdAt".into(), json!("31/02/2026 25:61"));
                b.insert("bookingAmount".into(), json!({"currency": "BRL", "amount": "1.234,56"}));
            }
            if let Some(s) = wooba["Sales"][0].as_object_mut() {
                s.insert("SaleDate".into(), json!("2026-02-31"));
                s.insert("Products".into(), json!("none"));
            }
        }
        write(
            out,
            "infotravel_page",
            &format!("seed-{n:03}.json"),
            &serde_json::to_vec(&info).unwrap(),
        );
        write(
            out,
            "wooba_page",
            &format!("seed-{n:03}.json"),
            &serde_json::to_vec(&wooba).unwrap(),
        );
    }
    write(
        out,
        "infotravel_page",
        "empty.json",
        br#"{"content":[],"number":3,"size":500,"totalElements":1500,"totalPages":3,"last":true}"#,
    );
    write(
        out,
        "infotravel_page",
        "shape.json",
        br#"[{"id":"not-a-number","status":3,"bookings":"none"}]"#,
    );
    write(
        out,
        "wooba_page",
        "empty.json",
        br#"{"Sales":[],"Page":4,"TotalPages":3,"Exception":null}"#,
    );
    write(
        out,
        "wooba_page",
        "exception.json",
        br#"{"Sales":null,"Exception":{"Code":"FiltroInvalido","Message":"x"}}"#,
    );

    let mut dates: Vec<String> = (0..spec.bookings)
        .step_by(97)
        .map(|i| data::format_wooba_date(data::wooba_sale_time(&spec, i)))
        .collect();
    dates.extend(
        [
            "/Date(0)/",
            "/Date(-62135596800000)/",
            "/Date(1732500000000-0300)/",
            "1732500000000+1400",
            "/Date(253402300799999+0000)/",
        ]
        .map(String::from),
    );
    texts(out, "wooba_date", &dates.iter().map(String::as_str).collect::<Vec<_>>());

    texts(
        out,
        "documents",
        &[
            "529.982.247-25",
            "52998224725",
            " 111.444.777-35 ",
            "529.982.247-24",
            "111.111.111-11",
            "11.222.333/0001-81",
            "11222333000181",
            "12.ABC.345/01DE-35",
            "12abc34501de35",
            "12.ABC.345/01DE-3A",
            "00.000.000/0000-00",
        ],
    );
    texts(
        out,
        "token_clean",
        &[
            "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl",
            "  pt_live_9f8e7d6c5b4a3210\r\n",
            "bearer abc",
            "tok en",
            "tokén",
            "\t\n",
            "Bearer ",
        ],
    );
    texts(
        out,
        "url_rules",
        &[
            " https://agencia.example.com.br ",
            "https://bwtoperadora.travellink.com.br/TravellinkWebApi/api/v1",
            "http://127.0.0.1:8080",
            "http://localhost:1/x?y=1",
            "http://[::1]:9",
            "http://example.com",
            "ftp://x.example",
            "https://user:pw@x.example",
            "agencia.example.com.br",
            "https://exa mple.com",
            "http://0x7f.1/",
            "https://[fe80::1%25eth0]/",
        ],
    );
    texts(
        out,
        "csv_cells",
        &[
            "2026-11-03\u{1f}BWT Operadora\u{1f}100001\u{1f}100001 AbC123\u{1f}João \"Jota\" Conceição\u{1f}BRL",
            "=HYPERLINK(\"http://x\";\"y\")\u{1f}+1\u{1f}-2\u{1f}@SUM(A1)\u{1f}\t=1\u{1f}\r=1",
            "a;b,c\u{1f}line\nbreak\u{1f}\u{1f}'quoted'",
            "",
        ],
    );
}
