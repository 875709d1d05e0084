use pardon::Problem;

#[derive(Debug, Problem)]
enum AppProblem {
    #[problem(status = 409, code = "FIRST_CODE")]
    #[problem(code = "SECOND_CODE")]
    Conflict,
}

fn main() {}
