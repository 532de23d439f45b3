//! The embeddable widget in `dist/`: `widget.js` (the custom element with its stylesheet
//! inlined), `widget-worker.js`, `embed.html` + `embed.js` (the iframe embed) and
//! `widget-demo.html`, all built from `www/widget/`.
//!
//! The element is one module plus the pure functions it shares with the page (`corpus.js`);
//! it gets `widget.css` inlined as a string (so the widget needs no extra request before its
//! first paint) and is bundled and minified by esbuild.

use flate2::{write::GzEncoder, Compression};
use std::fs;
use std::io::Write;
use std::path::Path;

/// Where `widget.js` receives the stylesheet.
const CSS_MARKER: &str = "/* @inline widget.css */ ''";

/// Files copied as they are: source name in `www/widget/` → name in `dist/`.
const COPIED: [(&str, &str); 4] = [
    ("worker.js", "widget-worker.js"),
    ("embed.html", "embed.html"),
    ("embed.js", "embed.js"),
    ("demo.html", "widget-demo.html"),
];

/// Budget for the widget's own JavaScript, gzipped (the WASM and wenxi.js are shared).
const BUDGET_GZIP_BYTES: usize = 30 * 1024;

/// Writes the widget files into `dist` (which already holds the copy of `www/`) and prints
/// their size.
pub fn build(root: &Path, dist: &Path) -> Result<(), String> {
    let src = root.join("www/widget");
    let read = |name: &str| {
        fs::read_to_string(src.join(name)).map_err(|e| format!("www/widget/{name}: {e}"))
    };

    let css = minify_css(&read("widget.css")?);
    let module = read("widget.js")?;
    if module.matches(CSS_MARKER).count() != 1 {
        return Err(format!(
            "www/widget/widget.js must contain `{CSS_MARKER}` exactly once"
        ));
    }
    // A JSON string is a valid JavaScript string literal.
    let literal = serde_json::to_string(&css).map_err(|e| e.to_string())?;
    let widget = module.replacen(CSS_MARKER, &literal, 1);
    // Bundled (it shares the cloud's word list with the page, from corpus.js) and minified:
    // every page that embeds the widget downloads it. The entry is written where the source
    // was copied, so its relative imports resolve.
    let entry = dist.join("widget").join("widget.js");
    write(&entry, &widget)?;
    crate::offline::esbuild(root, &entry, &dist.join("widget.js"), "esm")?;
    for (from, to) in COPIED {
        write(&dist.join(to), &read(from)?)?;
    }
    // copy_dir brought the sources along; dist/ serves only the built files.
    let copy = dist.join("widget");
    if copy.exists() {
        fs::remove_dir_all(&copy).map_err(|e| format!("{}: {e}", copy.display()))?;
    }

    let mut raw = 0;
    let mut gzip = 0;
    for name in ["widget.js", "widget-worker.js"] {
        let bytes = fs::read(dist.join(name)).map_err(|e| e.to_string())?;
        raw += bytes.len();
        gzip += gzip_size(&bytes)?;
    }
    println!(
        "xtask build: widget.js + widget-worker.js {:.1} KB ({:.1} KB gzip, budget {} KB)",
        raw as f64 / 1024.0,
        gzip as f64 / 1024.0,
        BUDGET_GZIP_BYTES / 1024
    );
    if gzip > BUDGET_GZIP_BYTES {
        return Err(format!("the widget's JavaScript is {gzip} bytes gzipped, over the {BUDGET_GZIP_BYTES}-byte budget"));
    }
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn gzip_size(bytes: &[u8]) -> Result<usize, String> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    Ok(encoder.finish().map_err(|e| e.to_string())?.len())
}

/// Drops comments, indentation and blank lines. Our stylesheet has no `/*` inside strings,
/// so this simple pass is safe for it (and it is all the widget's CSS needs).
fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    out.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::minify_css;

    #[test]
    fn minify_removes_comments_and_indentation() {
        let css = "/* head */\n.a {\n  color: red; /*/ why */\n}\n\n/* unterminated";
        assert_eq!(minify_css(css), ".a {\ncolor: red;\n}");
    }
}
