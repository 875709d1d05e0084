use pardon::Problem;

#[derive(Debug, Problem)]
enum AppProblem {
    #[problem(status = 404, code = "userNotFound")]
    UserNotFound,
}

fn main() {}
