//! Criterion medians of every scenario (noisy on a shared machine: prefer `icount.sh`).
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use pardon_peers::{NOT_FOUND, NOT_FOUND_SCENARIOS, VALIDATION_SCENARIOS, fields};

fn scenarios(c: &mut Criterion) {
    let mut group = c.benchmark_group("not_found");
    for (name, run) in NOT_FOUND_SCENARIOS {
        group.bench_function(*name, |b| b.iter(|| run(black_box(&NOT_FOUND))));
    }
    group.finish();
    let fields = fields();
    let mut group = c.benchmark_group("validation");
    for (name, run) in VALIDATION_SCENARIOS {
        group.bench_function(*name, |b| b.iter(|| run(black_box(&fields))));
    }
    group.finish();
}

criterion_group!(benches, scenarios);
criterion_main!(benches);
