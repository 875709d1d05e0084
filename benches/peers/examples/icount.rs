//! Runs one scenario N times, for `icount.sh` to count under callgrind.
//!
//!   icount <not_found|validation> <scenario> <iterations>   |   icount list
use std::hint::black_box;

use pardon_peers::{NOT_FOUND, NOT_FOUND_SCENARIOS, VALIDATION_SCENARIOS, fields};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("list") {
        for (name, _) in NOT_FOUND_SCENARIOS {
            println!("not_found {name}");
        }
        for (name, _) in VALIDATION_SCENARIOS {
            println!("validation {name}");
        }
        return;
    }
    let [group, scenario, iterations] = &args[..] else {
        eprintln!("usage: icount <not_found|validation> <scenario> <iterations> | icount list");
        std::process::exit(2);
    };
    let iterations: u64 = iterations.parse().unwrap_or(0);
    let fields = fields();
    let mut sink = 0usize;
    if group == "not_found" {
        let Some((_, run)) = NOT_FOUND_SCENARIOS.iter().find(|(n, _)| n == scenario) else {
            std::process::exit(2);
        };
        for _ in 0..iterations {
            sink += run(black_box(&NOT_FOUND)).len();
        }
    } else {
        let Some((_, run)) = VALIDATION_SCENARIOS.iter().find(|(n, _)| n == scenario) else {
            std::process::exit(2);
        };
        for _ in 0..iterations {
            sink += run(black_box(&fields)).len();
        }
    }
    black_box(sink);
}
