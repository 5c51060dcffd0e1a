//! Compresses the message catalogues (`locales/*.json`) with Brotli into `OUT_DIR`, for `i18n.rs` to embed.
//!
//! Why: the three catalogues are ~155 kB of JSON; embedded as they are, they were over a tenth of what the
//! release binary carried above its size goal. Compressed they are ~35 kB, and the decompressor costs
//! nothing extra: the app already links it for its web assets (Tauri serves them Brotli-compressed).

use std::io::Write;
use std::path::Path;

const LOCALES: [&str; 3] = ["pt-BR", "it", "en"];

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    for tag in LOCALES {
        let src = format!("locales/{tag}.json");
        println!("cargo:rerun-if-changed={src}");
        let json = std::fs::read(&src).unwrap_or_else(|e| panic!("read {src}: {e}"));
        // Quality 11, window 22: the smallest output; compressing 50 kB takes milliseconds.
        let mut packed = Vec::new();
        {
            let mut w = brotli::CompressorWriter::new(&mut packed, 4096, 11, 22);
            w.write_all(&json).expect("compress into memory");
        }
        let dest = Path::new(&out).join(format!("{tag}.json.br"));
        std::fs::write(&dest, packed).unwrap_or_else(|e| panic!("write {}: {e}", dest.display()));
    }
}
