use std::process::ExitCode;

fn main() -> ExitCode {
    casebook::run(std::env::args_os())
}
