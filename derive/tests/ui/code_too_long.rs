use pardon::Problem;

#[derive(Debug, Problem)]
enum AppProblem {
    #[problem(status = 400, code = "AN_EXTREMELY_LONG_PROBLEM_CODE_THAT_GOES_ON_AND_ON_AND_ON_FOREVER_X")]
    Long,
}

fn main() {}
