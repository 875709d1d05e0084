use pardon::Problem;

#[derive(Debug, Problem)]
enum AppProblem {
    #[problem(status = 404u16, code = "NOT_HERE")]
    NotHere,
}

fn main() {}
