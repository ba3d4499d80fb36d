//! The terminal benchmark (`benches/terminal/linux.rs`): casebook beside
//! `less` and `vim` through a pseudo-terminal. It reads `/proc` and drives
//! a Unix pty, so it runs on Linux only; elsewhere it says so and builds,
//! so that `cargo test --all-targets` works on every system.

#[cfg(target_os = "linux")]
#[path = "terminal/linux.rs"]
mod linux;

#[cfg(target_os = "linux")]
fn main() -> std::process::ExitCode {
    linux::main()
}

#[cfg(not(target_os = "linux"))]
fn main() -> std::process::ExitCode {
    println!("terminal benchmark: needs Linux (/proc and a Unix pseudo-terminal); nothing measured here");
    std::process::ExitCode::SUCCESS
}
