use pardon::Problem;

#[derive(Debug, Problem)]
enum AppProblem {
    #[problem(status = 500, code = "INTERNAL_ERROR")]
    Database {
        #[source]
        #[problem(skip)]
        cause: std::io::Error,
    },
}

fn main() {}
