fn main() {
    let name = std::env::args().nth(1).unwrap();
    let data = std::fs::read(std::env::args().nth(2).unwrap()).unwrap();
    let f = ponte_fuzz_targets::TARGETS.iter().find(|(n, _)| *n == name).unwrap().1;
    let t = std::time::Instant::now();
    for _ in 0..20000 {
        f(&data);
    }
    println!("{:?} per run", t.elapsed() / 20000);
}
