use pardon::Problem;

#[derive(Debug, Problem)]
enum AppProblem {
    #[problem(code = "NOT_FOUND_HERE")]
    NotFound,
}

fn main() {}
