//! Project commands, so everything is `cargo xtask …`:
//!
//! - `build`  release WASM → wasm-bindgen → wasm-opt → static site in `dist/`
//! - `serve`  build, then serve `dist/` on 127.0.0.1 (PORT, default 8080)
//! - `test`   every test: native core, `dist/wenxi.js` in Node, the page in headless Chromium,
//!   the single file in headless Firefox
//! - `bench`  the performance table
//! - `eval`   quality figures (segmentation F1, keywords, summaries)
//!
//! Missing tools are installed when possible (rustup target, npm packages, Debian packages
//! when running as root) or named in a clear error.

mod build;
mod env;
mod offline;
mod serve;
mod widget;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") => build::build().map(|_| ()),
        Some("serve") => build::build().and_then(|_| serve::serve()),
        Some("test") => test(&args[1..]),
        Some("bench") => env::ensure_shared_data()
            .and_then(|_| build::build())
            .and_then(|_| env::run_node("bench/bench.mjs", &args[1..])),
        Some("eval") => env::ensure_shared_data().and_then(|_| {
            env::run(
                env::cargo()
                    .args(["run", "--release", "--quiet", "--example", "eval", "--"])
                    .args(&args[1..]),
            )
        }),
        _ => {
            eprintln!("usage: cargo xtask <build|serve|test|bench|eval>");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Runs every test suite, continuing after a failure so the summary shows them all.
fn test(args: &[String]) -> Result<(), String> {
    let quick = args.iter().any(|a| a == "--native");
    env::ensure_shared_data()?;
    let mut failures = Vec::new();
    let mut step = |name: &str, result: Result<(), String>| {
        if let Err(e) = result {
            eprintln!("xtask: {name} failed: {e}");
            failures.push(name.to_string());
        }
    };
    step(
        "native tests",
        env::run(env::cargo().args(["test", "--workspace", "--release"])),
    );
    // The Node tests compare the WASM build with the native CLI.
    step(
        "native CLI",
        env::run(env::cargo().args(["build", "--release", "--bin", "wenxi"])),
    );
    if !quick {
        build::build()?;
        env::ensure_npm_packages()?;
        step(
            "node tests",
            env::run(
                env::node()
                    .args(["--test", "--test-reporter=spec"])
                    .arg("tests/js/"),
            ),
        );
        env::ensure_chromium()?;
        step(
            "browser tests",
            env::run(
                env::node()
                    .args(["--test", "--test-concurrency=1", "--test-reporter=spec"])
                    .arg("tests/browser/"),
            ),
        );
        env::ensure_firefox()?;
        step(
            "firefox tests",
            env::run(
                env::node()
                    .args(["--test", "--test-concurrency=1", "--test-reporter=spec"])
                    .arg("tests/firefox/"),
            ),
        );
    }
    if failures.is_empty() {
        println!("xtask test: all suites passed");
        Ok(())
    } else {
        Err(format!("failed suites: {}", failures.join(", ")))
    }
}
