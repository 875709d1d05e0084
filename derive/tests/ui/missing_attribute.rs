use pardon::Problem;

#[derive(Debug, Problem)]
enum AppProblem {
    #[problem(status = 404, code = "NOT_FOUND_HERE")]
    NotFound,
    Forgotten,
}

fn main() {}
