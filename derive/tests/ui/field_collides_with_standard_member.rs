use pardon::Problem;

#[derive(Debug, Problem)]
enum AppProblem {
    #[problem(status = 409, code = "TITLE_TAKEN")]
    TitleTaken { title: String },
}

fn main() {}
