//! `cargo xtask build`: the release WASM and the static site in `dist/`.

use crate::env::{self, root};
use std::fs;
use std::path::Path;
use std::process::Command;

/// Builds `dist/`. Returns the path of the optimized `.wasm`.
pub fn build() -> Result<std::path::PathBuf, String> {
    env::ensure_wasm_target()?;
    let root = root();
    env::run(env::cargo().args([
        "build",
        "--profile",
        "wasm",
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
        "--package",
        "wenxi",
    ]))?;
    // WENXI_DIST builds elsewhere (parallel work in one checkout); the default is dist/.
    let dist =
        std::env::var_os("WENXI_DIST").map_or_else(|| root.join("dist"), std::path::PathBuf::from);
    if dist.exists() {
        fs::remove_dir_all(&dist).map_err(|e| format!("cannot clear dist/: {e}"))?;
    }
    fs::create_dir_all(&dist).map_err(|e| e.to_string())?;

    let input = env::target_dir().join("wasm32-unknown-unknown/wasm/wenxi.wasm");
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&input)
        .out_name("wenxi_core")
        .web(true)
        .map_err(|e| e.to_string())?
        .typescript(false)
        .generate(&dist)
        .map_err(|e| format!("wasm-bindgen: {e}"))?;

    let wasm = dist.join("wenxi_core_bg.wasm");
    // binaryen from npm: Debian's is too old for the reference types Rust emits today.
    env::ensure_npm_packages()?;
    env::run(
        Command::new(root.join("node_modules/.bin/wasm-opt"))
            .arg(&wasm)
            .arg("-o")
            .arg(&wasm)
            .args([
                "-O3",
                "--enable-bulk-memory",
                "--enable-nontrapping-float-to-int",
                "--enable-sign-ext",
                "--enable-mutable-globals",
                "--enable-reference-types",
                "--enable-multivalue",
            ]),
    )?;

    copy_dir(&root.join("www"), &dist)?;
    crate::widget::build(&root, &dist)?;
    vendor(&root, &dist)?;
    // `dist/` copied into a project: Node then reads wenxi.js as the ES module it is.
    fs::write(dist.join("package.json"), "{ \"type\": \"module\" }\n")
        .map_err(|e| format!("dist/package.json: {e}"))?;
    crate::offline::bundle_site(&root, &dist)?;
    let single = crate::offline::single_file(&root, &dist)?;
    crate::offline::inline_head(&dist)?;
    let version = crate::offline::service_worker(&dist)?;
    println!(
        "xtask build: dist/wenxi.html {:.2} MB (single file, works offline); service worker cache wenxi-{version}",
        fs::metadata(&single).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
    );
    let size = fs::metadata(&wasm).map(|m| m.len()).unwrap_or(0);
    println!(
        "xtask build: dist/ ready ({:.2} MB wasm)",
        size as f64 / 1e6
    );
    Ok(wasm)
}

/// Browser libraries the page uses, copied from `node_modules` into `dist/vendor/` with their
/// licences: the page never fetches code from another origin.
fn vendor(root: &Path, dist: &Path) -> Result<(), String> {
    let vendor = dist.join("vendor");
    fs::create_dir_all(&vendor).map_err(|e| e.to_string())?;
    for (from, to) in [
        ("node_modules/wordcloud/src/wordcloud2.js", "wordcloud2.js"),
        ("node_modules/wordcloud/LICENSE", "wordcloud2.LICENSE.txt"),
    ] {
        fs::copy(root.join(from), vendor.join(to))
            .map_err(|e| format!("{from}: {e} (run `npm ci`)"))?;
    }
    Ok(())
}

/// Copies a directory tree.
pub fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| e.to_string())?;
    for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)
                .map_err(|e| format!("{}: {e}", entry.path().display()))?;
        }
    }
    Ok(())
}
