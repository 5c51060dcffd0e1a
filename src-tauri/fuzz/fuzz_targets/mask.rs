#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| ponte_fuzz_targets::mask(data));
