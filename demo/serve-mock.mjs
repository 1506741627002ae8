/**
 * The demo clinic site on the in-browser mock backend (msw): no server-side
 * API at all. `npm run demo:mock`. PORT and HOST are honoured.
 */
import { createServer } from 'node:http';
import { serveDemo } from './serve-static.mjs';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';

const server = createServer((req, res) => {
  if (serveDemo(req, res, { mock: true })) return;
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Not found');
});
server.listen(port, host, () => {
  console.log(`Demo clinic (mock backend in the browser): http://${host}:${port}/`);
  console.log('Sign in as dana / dana-demo-password, newbie / welcome-newbie-2026, rory / rory-demo-password, bea / bea-demo-password');
});
