// Shared by the bench and the browser tests: a static file server and Chromium launch.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `dir` on 127.0.0.1 (random port). `extra` maps paths to fixed bodies; `/__blank` is an
 * empty page. `headers` are added to every response (e.g. CORS).
 */
export async function startServer(dir, extra = {}, { host = '127.0.0.1', headers = {} } = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const send = (status, body, type) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };
    if (path === '/__blank') return send(200, '<!doctype html><title>blank</title>', TYPES['.html']);
    if (path in extra) return send(200, extra[path], 'text/plain; charset=utf-8');
    let file = normalize(join(dir, path));
    if (!file.startsWith(normalize(dir))) return send(403, 'forbidden', 'text/plain');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      send(200, await readFile(file), TYPES[extname(file)] ?? 'application/octet-stream');
    } catch {
      send(404, 'not found', 'text/plain');
    }
  });
  await new Promise((resolve) => server.listen(0, host, resolve));
  return { url: `http://${host}:${server.address().port}`, close: () => server.close(), server };
}

/** Debian's Chromium, headless, with the flags this machine needs. */
export function launchChromium(options = {}) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    ...options,
  });
}
