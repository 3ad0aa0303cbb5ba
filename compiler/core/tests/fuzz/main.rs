//! Property and fuzz tests over the engine's inputs and outputs: arbitrary bytes and mutated
//! sources into the loader, arbitrary Markdown into the renderer, pairs of mutated notices into
//! the diff, and arbitrary values through every writer, whose output is parsed back with a real
//! HTML tokenizer, XML parser and JSON parser.
//!
//! Each target runs `NOTICE_FUZZ_CASES` cases (default 24, so `cargo test` stays quick); CI
//! runs more, and a long session sets thousands:
//!
//! ```text
//! NOTICE_FUZZ_CASES=5000 cargo test --release -p notice-core --test fuzz
//! ```

mod diff;
mod loader;
mod markdown;
mod support;
mod writers;
