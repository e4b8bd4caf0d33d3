//! The fuzz targets' checks on the stable toolchain, so CI needs neither nightly nor
//! cargo-fuzz: every committed seed (`fuzz/seeds/<target>/`, crashes found by fuzzing
//! included) and a few thousand mutations of them go through the same function libFuzzer
//! calls (`fuzz/src/lib.rs`). A reader that panics or breaks an invariant fails `cargo test`.

#[path = "../fuzz/src/lib.rs"]
mod checks;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// Mutations per target. Fixed-seed, so a failure here is a regression, not luck; finding new
/// crashes is `scripts/fuzz`'s job.
const CASES: u32 = 1500;

fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target);
    let mut seeds: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.expect("a directory entry").path();
            let bytes = std::fs::read(&path).expect("a readable seed");
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                bytes,
            )
        })
        .collect();
    seeds.sort();
    seeds
}

#[test]
fn every_reader_passes_its_checks_on_every_committed_seed() {
    for (target, check) in checks::TARGETS {
        let seeds = seeds(target);
        assert!(seeds.len() >= 3, "{target} has too few seeds");
        for (name, bytes) in seeds {
            if catch_unwind(AssertUnwindSafe(|| check(&bytes))).is_err() {
                panic!("fuzz target {target} fails on fuzz/seeds/{target}/{name}");
            }
        }
    }
}

/// The tokens libFuzzer inserts too (`fuzz/dict/scim.dict`: one `"…"` a line, with `\\`, `\"`
/// and `\xNN` escapes): JSON, SCIM names, filter operators, identity providers' wordings.
fn tokens() -> Vec<Vec<u8>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/dict/scim.dict");
    let text = std::fs::read_to_string(&path).expect("the fuzz dictionary");
    text.lines()
        .filter_map(|line| line.strip_prefix('"')?.strip_suffix('"'))
        .map(|quoted| {
            let mut bytes = Vec::new();
            let mut rest = quoted.as_bytes();
            while let Some((&first, tail)) = rest.split_first() {
                rest = match (first, tail) {
                    (b'\\', [b'x', hi, lo, more @ ..]) => {
                        let hex =
                            std::str::from_utf8(&[*hi, *lo]).map(|h| u8::from_str_radix(h, 16));
                        bytes.push(hex.ok().and_then(Result::ok).expect("\\xNN"));
                        more
                    }
                    (b'\\', [escaped, more @ ..]) => {
                        bytes.push(*escaped);
                        more
                    }
                    (other, more) => {
                        bytes.push(other);
                        more
                    }
                };
            }
            bytes
        })
        .collect()
}

#[derive(Debug, Clone)]
enum Mutation {
    Overwrite(usize, u8),
    Insert(usize, u8),
    Delete(usize, usize),
    Token(usize, prop::sample::Index),
    Repeat(usize, usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Overwrite(at, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Insert(at, b)),
        (any::<usize>(), 1usize..16).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (any::<usize>(), any::<prop::sample::Index>()).prop_map(|(at, t)| Mutation::Token(at, t)),
        (any::<usize>(), 1usize..32, 1usize..64).prop_map(|(at, n, k)| Mutation::Repeat(at, n, k)),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation], tokens: &[Vec<u8>]) -> Vec<u8> {
    for m in mutations {
        let at = |i: usize, len: usize| if len == 0 { 0 } else { i % (len + 1) };
        match *m {
            Mutation::Overwrite(i, b) if !bytes.is_empty() => {
                let i = i % bytes.len();
                bytes[i] = b;
            }
            Mutation::Overwrite(..) => {}
            Mutation::Insert(i, b) => bytes.insert(at(i, bytes.len()), b),
            Mutation::Delete(i, n) => {
                let i = at(i, bytes.len());
                bytes.drain(i..(i + n).min(bytes.len()));
            }
            Mutation::Token(i, ref t) => {
                let i = at(i, bytes.len());
                bytes.splice(i..i, t.get(tokens).iter().copied());
            }
            Mutation::Repeat(i, n, k) => {
                let i = at(i, bytes.len());
                let chunk: Vec<u8> = bytes[i..(i + n).min(bytes.len())].to_vec();
                for _ in 0..k {
                    bytes.splice(i..i, chunk.iter().copied());
                }
            }
        }
    }
    bytes
}

#[test]
fn every_reader_passes_its_checks_on_mutated_seeds_and_arbitrary_text() {
    let tokens = tokens();
    assert!(tokens.len() > 100, "the dictionary is read");
    for (target, check) in checks::TARGETS {
        let seeds: Vec<Vec<u8>> = seeds(target).into_iter().map(|(_, b)| b).collect();
        let tokens = tokens.clone();
        let input = prop_oneof![
            4 => (0..seeds.len(), prop::collection::vec(mutation(), 1..8))
                .prop_map(move |(i, ms)| mutate(seeds[i].clone(), &ms, &tokens)),
            1 => any::<String>().prop_map(String::into_bytes),
            1 => any::<Vec<u8>>(),
        ];
        let config = Config {
            cases: CASES,
            failure_persistence: None,
            ..Config::default()
        };
        let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]);
        let mut runner = TestRunner::new_with_rng(config, rng);
        let result = runner.run(&input, |bytes| {
            check(&bytes);
            Ok(())
        });
        if let Err(e) = result {
            panic!("fuzz target {target}: {e}");
        }
    }
}
