// A small static HTTP server on 127.0.0.1 that serves a built site with the headers from
// netlify.toml. Port 0: the system picks a free port.
import http from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { headersFor } from './headers.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `root`; resolves to `{ origin, log, close() }`, where `log` lists `{ method, path, status }`. */
export async function startServer(root, headerRules) {
  const base = path.resolve(root);
  const log = [];

  async function respond(req, res) {
    const send = (status, headers, body) => {
      log.push({ method: req.method, path: req.url, status });
      res.writeHead(status, headers);
      if (body === undefined || req.method === 'HEAD') res.end();
      else if (typeof body === 'string') res.end(body);
      else body().pipe(res);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(405, { Allow: 'GET, HEAD' }, '');
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      return send(400, {}, 'bad request\n');
    }
    const headers = headersFor(headerRules, pathname);
    const file = path.join(base, pathname);
    if (pathname.includes('\0') || (file !== base && !file.startsWith(base + path.sep))) {
      return send(403, headers, 'forbidden\n');
    }
    let target = file;
    let info = await stat(target).catch(() => null);
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        return send(301, { ...headers, Location: `${pathname}/` }, '');
      }
      target = path.join(target, 'index.html');
      info = await stat(target).catch(() => null);
    }
    if (!info?.isFile()) {
      return send(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }, 'not found\n');
    }
    const type = TYPES[path.extname(target).toLowerCase()] ?? 'application/octet-stream';
    return send(200, { ...headers, 'Content-Type': type, 'Content-Length': info.size }, () => createReadStream(target));
  }

  const server = http.createServer((req, res) => {
    respond(req, res).catch((error) => {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`${error}\n`);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  };
}
