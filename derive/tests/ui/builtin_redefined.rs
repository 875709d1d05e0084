use pardon::Problem;

#[derive(Debug, Problem)]
enum AppProblem {
    #[problem(status = 503, code = "INTERNAL_ERROR")]
    Database,
}

fn main() {}
