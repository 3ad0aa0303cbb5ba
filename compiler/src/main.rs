//! The `notice` binary: a thin shell over the library's command line.

// A build allocates many small strings and trees on every core; glibc's allocator spent a
// quarter of a full build's CPU time in malloc and free (README: Performance). The library
// leaves the choice of allocator to the program that embeds it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    notice::cli::main()
}
