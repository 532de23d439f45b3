//! Offline builds in `dist/`:
//! - `sw.js` gets its version (a hash of every precached file) and file list, so a new build
//!   means a new cache;
//! - `wenxi.html`, the whole app in one file (HTML, CSS, JS, worker, WASM) that opens from disk.
//!
//! The single file is assembled from the built site: esbuild bundles the page modules and the
//! worker; the worker bundle carries the gzipped WASM as base64 and sits in a non-executed
//! `<script type="text/plain">` block that the page turns into a classic `blob:` worker. Every inline
//! script and style is allowed by its SHA-256 hash in the Content-Security-Policy; nothing is
//! fetched.

use base64::Engine;
use flate2::{write::GzEncoder, Compression};
use sha2::{Digest, Sha256};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Files of `dist/` that are not part of the installed app.
fn precached(rel: &str) -> bool {
    !(rel == "sw.js"
        || rel == "wenxi.html"
        || rel.ends_with(".d.ts")
        || rel == "package.json"
        || rel.starts_with("widget")
        || rel.starts_with("embed")
        || rel.starts_with("vendor/") && rel.ends_with(".txt"))
}

fn files(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<(), String> {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.path().is_dir() {
            files(&entry.path(), &format!("{name}/"), out)?;
        } else {
            out.push(name);
        }
    }
    Ok(())
}

/// Modules of the page that the bundled `app.js` contains: removed from `dist/` after bundling.
const BUNDLED_MODULES: &[&str] = &[
    "analyzer-client.js",
    "corpus.js",
    "demo.js",
    "dom.js",
    "export.js",
    "i18n.js",
    "pwa.js",
    "store.js",
    "views",
];

/// Bundles the page (`app.js` and its modules) and the worker (`worker.js` with `wenxi.js`
/// and the bindings) into one file each: the page becomes interactive after one module
/// request instead of a dozen, and the worker starts the WASM download sooner.
/// `wenxi.js` and `wenxi_core.js` stay as they are: they are the public JS API.
pub fn bundle_site(root: &Path, dist: &Path) -> Result<(), String> {
    let tmp = crate::env::target_dir().join("xtask-offline");
    fs::create_dir_all(&tmp).map_err(|e| e.to_string())?;
    for name in ["app.js", "worker.js"] {
        let bundle = esbuild(
            root,
            &dist.join(name),
            &tmp.join(format!("site-{name}")),
            "esm",
        )?;
        fs::write(dist.join(name), bundle).map_err(|e| e.to_string())?;
    }
    for name in BUNDLED_MODULES {
        let path = dist.join(name);
        let removed = if path.is_dir() {
            fs::remove_dir_all(&path)
        } else {
            fs::remove_file(&path)
        };
        removed.map_err(|e| format!("dist/{name}: {e}"))?;
    }
    let index = fs::read_to_string(dist.join("index.html")).map_err(|e| e.to_string())?;
    let index: Vec<&str> = index
        .lines()
        .filter(|l| !l.contains("rel=\"modulepreload\""))
        .collect();
    fs::write(dist.join("index.html"), index.join("\n") + "\n").map_err(|e| e.to_string())
}

/// Fills in `dist/sw.js`. Returns the version.
pub fn service_worker(dist: &Path) -> Result<String, String> {
    let mut all = Vec::new();
    files(dist, "", &mut all)?;
    let list: Vec<String> = all.into_iter().filter(|f| precached(f)).collect();
    let mut hash = Sha256::new();
    for f in &list {
        hash.update(f.as_bytes());
        hash.update(fs::read(dist.join(f)).map_err(|e| e.to_string())?);
    }
    let version: String = hash
        .finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect();
    let sw_path = dist.join("sw.js");
    let sw = fs::read_to_string(&sw_path).map_err(|e| format!("dist/sw.js: {e}"))?;
    // "./" is the page itself (navigations to the directory URL).
    let mut urls = vec!["./".to_string()];
    urls.extend(list.iter().map(|f| format!("./{f}")));
    let sw = sw
        .replacen("'__WENXI_VERSION__'", &format!("'{version}'"), 1)
        .replacen(
            "['__WENXI_FILES__']",
            &serde_json::to_string(&urls).map_err(|e| e.to_string())?,
            1,
        );
    fs::write(&sw_path, sw).map_err(|e| e.to_string())?;
    Ok(version)
}

/// Bundles `entry` with esbuild as an ES module, or as a classic script (`iife`).
pub fn esbuild(root: &Path, entry: &Path, out: &Path, format: &str) -> Result<String, String> {
    let status = Command::new(root.join("node_modules/.bin/esbuild"))
        .arg(entry)
        .args([
            "--bundle",
            "--minify",
            "--target=es2022",
            "--log-level=error",
            "--legal-comments=inline",
            "--external:node:*",
        ])
        .arg(format!("--format={format}"))
        .arg(format!("--outfile={}", out.display()))
        .status()
        .map_err(|e| format!("esbuild: {e} (run `npm ci`)"))?;
    if !status.success() {
        return Err(format!("esbuild failed on {}", entry.display()));
    }
    fs::read_to_string(out).map_err(|e| e.to_string())
}

fn sha256_source(text: &str) -> String {
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
    )
}

/// Replaces exactly one line of `html` that contains `needle` with `with`.
fn replace_line(html: &str, needle: &str, with: &str) -> Result<String, String> {
    let mut found = 0;
    let out: Vec<String> = html
        .lines()
        .map(|l| {
            if l.contains(needle) {
                found += 1;
                with.to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    if found != 1 {
        return Err(format!(
            "index.html: expected one line with `{needle}`, found {found}"
        ));
    }
    Ok(out.join("\n"))
}

/// `<script{attributes}>body</script>`. A body that contains `</script` would end the element
/// early (and run the rest as markup), so it is refused rather than inlined.
fn inline_script(body: &str, attributes: &str) -> Result<String, String> {
    if body.to_ascii_lowercase().contains("</script") {
        return Err("a script to inline contains `</script`".into());
    }
    Ok(format!("<script{attributes}>{body}</script>"))
}

fn module_script(body: &str) -> Result<String, String> {
    inline_script(body, " type=\"module\"")
}

/// `html` with its style sheet and theme script links replaced by their inline contents.
fn inline_style_and_theme(html: &str, css: &str, theme: &str) -> Result<String, String> {
    let html = replace_line(html, "href=\"style.css\"", &format!("<style>{css}</style>"))?;
    replace_line(&html, "src=\"theme.js\"", &inline_script(theme, "")?)
}

/// Inlines the boot script, the theme script, the style sheet and the bundled page module into
/// the hosted `dist/index.html` (allowed by their hashes in its Content-Security-Policy) and
/// removes the files. Each was a request the page waited for; the boot script, inline at the
/// top, starts the analyzer worker while the page is still parsing, and with the page module
/// inline the page is interactive about 40 ms sooner in headless Chromium (it no longer waits
/// for `app.js` while the worker's start-up competes for the same two cores).
pub fn inline_head(dist: &Path) -> Result<(), String> {
    let read =
        |name: &str| fs::read_to_string(dist.join(name)).map_err(|e| format!("dist/{name}: {e}"));
    let (boot, theme, css) = (read("boot.js")?, read("theme.js")?, read("style.css")?);
    let app = read("app.js")?;
    let mut html = read("index.html")?;
    let csp_line = html
        .lines()
        .find(|l| l.contains("Content-Security-Policy"))
        .ok_or("index.html: no Content-Security-Policy")?;
    let csp = csp_line
        .replacen(
            "script-src 'self'",
            &format!(
                "script-src 'self' {} {} {}",
                sha256_source(&boot),
                sha256_source(&theme),
                sha256_source(&app)
            ),
            1,
        )
        .replacen(
            "style-src 'self'",
            &format!("style-src 'self' {}", sha256_source(&css)),
            1,
        );
    if csp == csp_line {
        return Err("index.html: the CSP has no script-src/style-src 'self' to extend".into());
    }
    html = replace_line(&html, "Content-Security-Policy", &csp)?;
    html = replace_line(&html, "src=\"boot.js\"", &inline_script(&boot, "")?)?;
    html = inline_style_and_theme(&html, &css, &theme)?;
    html = replace_line(&html, "src=\"app.js\"", &module_script(&app)?)?;
    fs::write(dist.join("index.html"), html + "\n").map_err(|e| e.to_string())?;
    for name in ["boot.js", "theme.js", "style.css", "app.js"] {
        fs::remove_file(dist.join(name)).map_err(|e| format!("dist/{name}: {e}"))?;
    }
    Ok(())
}

/// Builds `dist/wenxi.html` from the built site. Returns its path.
pub fn single_file(root: &Path, dist: &Path) -> Result<PathBuf, String> {
    let tmp = crate::env::target_dir().join("xtask-offline");
    fs::create_dir_all(&tmp).map_err(|e| e.to_string())?;
    let read =
        |name: &str| fs::read_to_string(dist.join(name)).map_err(|e| format!("dist/{name}: {e}"));

    // The worker, with the WASM inside: gzip + base64, inflated by the browser's own
    // DecompressionStream when the worker starts.
    let wasm = fs::read(dist.join("wenxi_core_bg.wasm")).map_err(|e| e.to_string())?;
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    gz.write_all(&wasm).map_err(|e| e.to_string())?;
    let gz = gz.finish().map_err(|e| e.to_string())?;
    let b64 = base64::engine::general_purpose::STANDARD.encode(gz);
    // A classic worker: Chromium refuses module workers from blob: URLs in file:// pages.
    // (`import.meta.url` is then undefined, which the inline WASM hook makes unused.)
    let worker = esbuild(
        root,
        &dist.join("worker.js"),
        &tmp.join("worker.js"),
        "iife",
    )?;
    let worker = format!(
        "globalThis.wenxiInlineWasm=async()=>{{const b=Uint8Array.from(atob(\"{b64}\"),c=>c.charCodeAt(0));\
         return new Response(new Blob([b]).stream().pipeThrough(new DecompressionStream(\"gzip\"))).arrayBuffer()}};\n{worker}"
    );

    let boot = read("boot.js")?;
    let app = esbuild(root, &dist.join("app.js"), &tmp.join("app.js"), "esm")?;
    let theme = read("theme.js")?;
    let cloud = read("vendor/wordcloud2.js")?;
    let css = read("style.css")?;
    let icon = base64::engine::general_purpose::STANDARD
        .encode(fs::read(dist.join("icon.svg")).map_err(|e| e.to_string())?);

    let csp = format!(
        "default-src 'none'; script-src {} {} {} {} 'wasm-unsafe-eval'; worker-src blob:; style-src {}; \
         img-src data: blob:; object-src 'none'; base-uri 'none'; form-action 'none'",
        sha256_source(&theme),
        sha256_source(&cloud),
        sha256_source(&boot),
        sha256_source(&app),
        sha256_source(&css)
    );

    let mut html = read("index.html")?;
    html = replace_line(
        &html,
        "Content-Security-Policy",
        &format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">"),
    )?;
    html = replace_line(&html, "src=\"boot.js\"", "")?;
    html = inline_style_and_theme(&html, &css, &theme)?;
    html = replace_line(
        &html,
        "rel=\"icon\"",
        &format!("<link rel=\"icon\" href=\"data:image/svg+xml;base64,{icon}\">"),
    )?;
    html = replace_line(
        &html,
        "src=\"app.js\"",
        &format!("{}\n{}", inline_script(&cloud, "")?, module_script(&app)?),
    )?;
    if html.contains("rel=\"manifest\"") {
        html = replace_line(&html, "rel=\"manifest\"", "")?;
    }
    html = html
        .lines()
        .filter(|l| !l.contains("rel=\"modulepreload\""))
        .collect::<Vec<_>>()
        .join("\n");
    // The worker source: a data block the browser never executes (type text/plain), followed
    // by the boot script that starts it.
    html = html.replacen(
        "</body>",
        &format!(
            "{}\n{}\n</body>",
            inline_script(&worker, " type=\"text/plain\" id=\"wenxi-worker-source\"")?,
            inline_script(&boot, "")?
        ),
        1,
    );
    if html.contains("src=\"")
        && html
            .lines()
            .any(|l| l.contains("<script") && l.contains(" src=\""))
    {
        return Err("wenxi.html still references an external script".into());
    }
    let out = dist.join("wenxi.html");
    fs::write(&out, &html).map_err(|e| e.to_string())?;
    Ok(out)
}
