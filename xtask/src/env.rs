//! Finding and installing the tools the build and tests need.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Repository root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the repo")
        .to_path_buf()
}

/// `cargo`, as the one running us.
pub fn cargo() -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.current_dir(root());
    c
}

/// `node` in the repo root.
pub fn node() -> Command {
    let mut c = Command::new("node");
    c.current_dir(root());
    c
}

/// Runs a command, failing with its name when it does not succeed.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start {:?}: {e}", cmd.get_program()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "{:?} {:?} exited with {status}",
            cmd.get_program(),
            cmd.get_args().collect::<Vec<_>>()
        ))
    }
}

/// Runs a Node script from the repo with arguments, after making sure npm packages exist.
pub fn run_node(script: &str, args: &[String]) -> Result<(), String> {
    ensure_npm_packages()?;
    ensure_chromium()?;
    run(node().arg(script).args(args))
}

fn have(program: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {program}"))
        .output()
        .is_ok_and(|o| o.status.success())
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Installs Debian packages when we are root; otherwise says what to install.
fn apt_install(packages: &[&str], why: &str) -> Result<(), String> {
    if !is_root() || !have("apt-get") {
        return Err(format!(
            "{why}: install it with `sudo apt-get install {}`",
            packages.join(" ")
        ));
    }
    eprintln!("xtask: installing {} ({why})", packages.join(" "));
    let update = Command::new("apt-get").arg("update").arg("-qq").status();
    if update.is_err() {
        return Err(format!(
            "{why}: apt-get update failed; install {} yourself",
            packages.join(" ")
        ));
    }
    run(Command::new("apt-get")
        .args(["install", "-y", "-qq", "--no-install-recommends"])
        .args(packages)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// The wasm32 target, through rustup.
pub fn ensure_wasm_target() -> Result<(), String> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output();
    match installed {
        Ok(out) if String::from_utf8_lossy(&out.stdout).contains("wasm32-unknown-unknown") => {
            Ok(())
        }
        Ok(_) => run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"])),
        Err(_) => Err(
            "rustup not found: install the wasm32-unknown-unknown target for your Rust toolchain"
                .into(),
        ),
    }
}

/// Node.js 20+ and npm, and this repo's npm packages (`npm ci`).
pub fn ensure_npm_packages() -> Result<(), String> {
    if !have("node") || !have("npm") {
        apt_install(
            &["nodejs", "npm"],
            "Node.js 20+ runs the JS tests and bundles the page",
        )?;
    }
    // Debian 12's own nodejs is 18; the tests use Node 20 features.
    let version = Command::new("node")
        .arg("--version")
        .output()
        .map_err(|e| format!("node: {e}"))?;
    let version = String::from_utf8_lossy(&version.stdout).trim().to_string();
    let major: u32 = version
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if major < 20 {
        return Err(format!(
            "Node.js {version} is too old: 20 or newer is needed (Debian 12 ships 18; install Node 20+ \
             from https://github.com/nodesource/distributions or with nvm, then run this again)"
        ));
    }
    let root = root();
    let marker = root.join("node_modules/.package-lock.json");
    let lock = root.join("package-lock.json");
    let stale = match (
        marker.metadata().and_then(|m| m.modified()),
        lock.metadata().and_then(|m| m.modified()),
    ) {
        (Ok(installed), Ok(locked)) => installed < locked,
        _ => true,
    };
    if stale {
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&root))?;
    }
    Ok(())
}

/// Debian's Firefox ESR, for the test of the single file from disk in Firefox.
pub fn ensure_firefox() -> Result<(), String> {
    if Path::new("/usr/bin/firefox-esr").exists() {
        return Ok(());
    }
    apt_install(
        &["firefox-esr"],
        "the Firefox test opens dist/wenxi.html in Debian's /usr/bin/firefox-esr",
    )
}

/// Debian's Chromium for the browser tests (Playwright's own download does not work here),
/// and a Chinese font for it: without one the pages render boxes, so the layout tests (where a
/// headline wraps, how wide the cloud's words are) and the screenshots would be wrong.
pub fn ensure_chromium() -> Result<(), String> {
    if !Path::new("/usr/bin/chromium").exists() {
        apt_install(
            &["chromium"],
            "the browser tests drive Debian's /usr/bin/chromium",
        )?;
    }
    if !Path::new(CJK_FONT).exists() {
        apt_install(
            &["fonts-noto-cjk"],
            "the browser tests and screenshots render Chinese in Noto CJK, the font the page names for Linux",
        )?;
    }
    Ok(())
}

/// One file of Debian's `fonts-noto-cjk`.
const CJK_FONT: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

/// The shared test data beside the repository: the seed articles and the SIGHAN and CSL sets
/// the tests, `bench` and `eval` read. Checked up front so a missing checkout is one clear
/// message rather than a panic in every suite.
pub fn ensure_shared_data() -> Result<(), String> {
    let root = root();
    let shared = root.parent().unwrap_or(&root).join("shared");
    let needed = [
        "seeds",
        "data/sighan/pku_test.utf8",
        "data/sighan/pku_test_gold.utf8",
        "data/csl",
    ];
    let missing: Vec<&str> = needed
        .into_iter()
        .filter(|p| !shared.join(p).exists())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(format!(
        "the tests read their data from {} (a checkout of the shared test data beside this \
         repository); missing: {}",
        shared.display(),
        missing.join(", ")
    ))
}

/// Cargo's target directory (`CARGO_TARGET_DIR` or `target/`): build outputs and scratch files.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from)
}
