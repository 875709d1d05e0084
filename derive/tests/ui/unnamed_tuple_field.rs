use pardon::Problem;

#[derive(Debug, Problem)]
enum AppProblem {
    #[problem(status = 400, code = "BAD_VALUE")]
    BadValue(i32),
}

fn main() {}
