use pardon::Problem;

#[derive(Debug, Problem)]
enum AppProblem {
    #[problem(status = 400, code = "REQUIRED")]
    Missing,
}

fn main() {}
