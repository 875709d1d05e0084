use pardon::Problem;

#[derive(Debug)]
struct Opaque;

#[derive(Debug, Problem)]
enum AppProblem {
    #[problem(status = 409, code = "CLASH")]
    Clash { first: u32, second: Opaque },
}

fn main() {}
