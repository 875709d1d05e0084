use pardon::Problem;

#[derive(Debug, Problem)]
#[problem(status = 404, code = "NOT_FOUND_HERE")]
enum AppProblem {
    #[problem(status = 410, code = "GONE_NOW")]
    Gone,
}

fn main() {}
