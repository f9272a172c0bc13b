// Static file server for the benchmarks: serves the repository root on 127.0.0.1 and, under
// /shared/, the read-only ../shared folder beside it (sample article and corpus, read at run
// time, never copied into the repository). GET/HEAD only; no other origin is ever involved.
//
//   node bench/web/server.mjs [PORT]      (default 0: a free port, printed on stdout)
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = path.resolve(ROOT, '../shared');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.jsonl': 'application/jsonl; charset=utf-8',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ts': 'text/plain; charset=utf-8',
};

/** Maps a URL path to a file: /shared/... to ../shared, everything else to the repository. */
export function fileFor(pathname) {
  const p = decodeURIComponent(pathname);
  const [base, rel] = p.startsWith('/shared/') ? [SHARED, p.slice('/shared/'.length)] : [ROOT, p.slice(1)];
  const file = path.resolve(base, rel);
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  if (base === ROOT && (file.startsWith(path.join(ROOT, '.git') + path.sep) || file === path.join(ROOT, '.git'))) return null;
  return file;
}

/** Starts the server; resolves to { url, port, requests: [{ path, status, bytes }], close() }. */
export async function startServer(port = 0) {
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const log = { path: url.pathname, status: 0, bytes: 0 };
    requests.push(log);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      log.status = 405;
      res.writeHead(405).end();
      return;
    }
    let file = fileFor(url.pathname);
    if (!file) {
      log.status = 403;
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      log.status = 200;
      log.bytes = body.length;
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      log.status = 404;
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(resolve);
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const s = await startServer(Number(process.argv[2] ?? 0));
  console.log(`serving ${ROOT} (and ${SHARED} as /shared/) at ${s.url}`);
  console.log(`benchmark page: ${s.url}bench/web/bench.html   app: ${s.url}www/index.html`);
}
