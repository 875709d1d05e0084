use pardon::Problem;

#[derive(Debug, Problem)]
enum AppProblem {
    #[problem(status = 502, code = "UPSTREAM_ERROR")]
    Upstream {
        #[source]
        #[problem(rename = "why")]
        cause: std::io::Error,
    },
}

fn main() {}
