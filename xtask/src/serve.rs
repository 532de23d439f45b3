//! A static file server for `dist/`, for local use and tests.

use crate::env::root;
use std::path::{Component, Path, PathBuf};

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "webmanifest" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "txt" | "md" | "ts" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Maps a URL path to a file under `dir`, refusing `..`.
fn resolve(dir: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let mut out = dir.to_path_buf();
    for c in Path::new(path.trim_start_matches('/')).components() {
        match c {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if out.is_dir() {
        out.push("index.html");
    }
    out.is_file().then_some(out)
}

/// Gzip of `bytes` for text and WASM (what a production static server would send).
fn gzip(bytes: &[u8]) -> Option<Vec<u8>> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).ok()?;
    encoder.finish().ok()
}

/// Serves `dist/` until interrupted, gzipped where the browser accepts it.
pub fn serve() -> Result<(), String> {
    let port: u16 = std::env::var("PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(8080);
    let dir = root().join("dist");
    let server = tiny_http::Server::http(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e} (set PORT)"))?;
    println!("wenxi is served at http://127.0.0.1:{port}/  (Ctrl-C stops)");
    let mut compressed: std::collections::HashMap<PathBuf, Vec<u8>> =
        std::collections::HashMap::new();
    for request in server.incoming_requests() {
        let accepts_gzip = request
            .headers()
            .iter()
            .any(|h| h.field.equiv("Accept-Encoding") && h.value.as_str().contains("gzip"));
        let response = match resolve(&dir, request.url())
            .and_then(|p| std::fs::read(&p).ok().map(|b| (p, b)))
        {
            Some((path, bytes)) => {
                let kind = content_type(&path);
                let header =
                    |k: &str, v: &str| tiny_http::Header::from_bytes(k, v).expect("static header");
                let squeezable =
                    !kind.starts_with("image/png") && !kind.starts_with("application/octet");
                let response = if accepts_gzip && squeezable {
                    // dist/ is rebuilt by restarting the server, so caching by path is safe.
                    let body = compressed
                        .entry(path.clone())
                        .or_insert_with(|| gzip(&bytes).unwrap_or_default())
                        .clone();
                    tiny_http::Response::from_data(body)
                        .with_header(header("Content-Type", kind))
                        .with_header(header("Content-Encoding", "gzip"))
                } else {
                    tiny_http::Response::from_data(bytes).with_header(header("Content-Type", kind))
                };
                // So a page on another local port can try the widget as a site would embed it
                // (docs/widget.md: the widget's origin sends this header).
                response.with_header(header("Access-Control-Allow-Origin", "*"))
            }
            None => tiny_http::Response::from_data(b"not found".to_vec()).with_status_code(404),
        };
        let _ = request.respond(response);
    }
    Ok(())
}
