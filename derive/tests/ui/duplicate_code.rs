use pardon::Problem;

#[derive(Debug, Problem)]
enum AppProblem {
    #[problem(status = 404, code = "USER_NOT_FOUND")]
    UserNotFound,
    #[problem(status = 404, code = "USER_NOT_FOUND")]
    UserMissing,
}

fn main() {}
