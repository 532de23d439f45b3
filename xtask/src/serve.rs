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

/// Serves `dist/` until interrupted.
pub fn serve() -> Result<(), String> {
    let port: u16 = std::env::var("PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(8080);
    let dir = root().join("dist");
    let server = tiny_http::Server::http(("127.0.0.1", port)).map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e} (set PORT)"))?;
    println!("wenxi is served at http://127.0.0.1:{port}/  (Ctrl-C stops)");
    for request in server.incoming_requests() {
        let response = match resolve(&dir, request.url()).and_then(|p| std::fs::read(&p).ok().map(|b| (p, b))) {
            Some((path, bytes)) => tiny_http::Response::from_data(bytes).with_header(
                tiny_http::Header::from_bytes("Content-Type", content_type(&path)).expect("static header"),
            ),
            None => tiny_http::Response::from_data(b"not found".to_vec()).with_status_code(404),
        };
        let _ = request.respond(response);
    }
    Ok(())
}
