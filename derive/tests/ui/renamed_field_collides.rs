use pardon::Problem;

#[derive(Debug, Problem)]
enum AppProblem {
    #[problem(status = 409, code = "SEAT_TAKEN")]
    SeatTaken {
        #[problem(rename = "status")]
        seat_status: String,
    },
}

fn main() {}
