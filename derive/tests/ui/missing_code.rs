use pardon::Problem;

#[derive(Debug, Problem)]
enum AppProblem {
    #[problem(status = 404)]
    NotFound,
}

fn main() {}
