use pardon::Problem;

#[derive(Debug, Problem)]
#[problem(status = 302, code = "MOVED_AWAY")]
struct Moved;

fn main() {}
