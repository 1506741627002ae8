/**
 * Static file serving for the demo site, shared by the mock-mode demo server
 * and the reference server: the rendered clinic pages, `demo/` assets, the
 * built bundle under `/dist/`, and msw's worker at the root (mock mode).
 * Only files inside those folders are served; anything else is a 404.
 */
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY, PAGE_NAMES, renderPage } from './pages.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
const MOUNTS = { '/dist/': 'dist', '/demo/': 'demo' };

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'SAMEORIGIN',
};

/**
 * Serve a demo request. Returns false when the path is not the demo's (the caller routes it elsewhere).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {{ mock: boolean, apiBase?: string }} options
 */
export function serveDemo(req, res, options) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = decodeURIComponent(url.pathname);
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;

  const pageName = path === '/' ? 'index' : path.replace(/^\/([a-z-]+)\.html$/, '$1');
  if (PAGE_NAMES.includes(pageName)) {
    const html = renderPage(pageName, options);
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : html);
    return true;
  }
  if (options.mock && path === '/mockServiceWorker.js') return sendFile(res, join(ROOT, 'public', 'mockServiceWorker.js'), req);

  for (const [prefix, folder] of Object.entries(MOUNTS)) {
    if (!path.startsWith(prefix)) continue;
    const base = join(ROOT, folder);
    const file = normalize(join(base, path.slice(prefix.length)));
    if (!file.startsWith(base + sep)) break; // traversal attempt
    if (folder === 'demo' && !/\.(js|css|svg|png)$/.test(file)) break; // only assets, never server code
    return sendFile(res, file, req);
  }
  return false;
}

function sendFile(res, file, req) {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    stat = undefined;
  }
  if (!stat?.isFile()) {
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return true;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
  return true;
}
