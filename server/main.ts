/**
 * `npm start`: the reference server on the embedded database (or `DATABASE_URL`),
 * seeded with the demo clinic, serving the API under /api/v1 and the demo clinic
 * site with the built widgets from the same origin. Settings: server/README.md.
 */
import type { Server } from 'node:http';
import { DEMO_PERSONAS } from '../src/backend/demo-data.js';
import { createApp } from './app.js';
import { createPortalServer } from './http-server.js';
import { acquireLock, releaseLock, removeServerInfo, staffToken, writeServerInfo } from './local-state.js';
import { settingsFromEnv } from './settings.js';

const out = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const settings = settingsFromEnv();
  if (settings.embedded) acquireLock();
  const token = staffToken(settings.embedded);
  const hostForUrl = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  const siteOrigin = settings.sitePort !== undefined ? `http://${hostForUrl}:${settings.sitePort}` : undefined;
  const server = settings.app.server!;
  if (siteOrigin) server.allowedOrigins = [...(server.allowedOrigins ?? []), siteOrigin];

  const app = await createApp({
    ...settings.app,
    server: { ...server, staffToken: token },
  });

  await listen(app.server, settings.port, settings.host);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  const url = `http://${hostForUrl}:${port}`;
  if (settings.embedded) writeServerInfo({ pid: process.pid, url });

  let site: Server | undefined;
  if (settings.sitePort !== undefined) {
    // The same demo site on a second origin, talking to the API above cross-origin (CORS + cookies).
    site = createPortalServer({
      backend: app.backend,
      config: { serveApi: false, serveDemo: true, demoApiBase: `${url}/api/v1` },
    });
    await listen(site, settings.sitePort, settings.host);
  }

  out(`Portal reference server: ${url}/  (API ${url}/api/v1, ${settings.embedded ? 'embedded PostgreSQL' : 'PostgreSQL'})`);
  if (site) out(`Demo site on another origin: ${siteOrigin}/  (calls the API at ${url}/api/v1 cross-origin)`);
  if (settings.app.seed === 'demo') {
    out('Demo sign-ins (patient ID / password):');
    for (const p of Object.values(DEMO_PERSONAS)) out(`  ${p.id.padEnd(7)} ${p.password}`);
    out('Staff tool: npm run staff -- list-open-threads   ·   Reset the demo: npm run reset-demo');
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    out(`${signal}: shutting down`);
    const closing = [app.server, site].filter(Boolean).map((s) => new Promise((r) => s!.close(r)));
    app.server.closeIdleConnections();
    site?.closeIdleConnections();
    setTimeout(() => {
      app.server.closeAllConnections();
      site?.closeAllConnections();
    }, 5000).unref();
    await Promise.all(closing);
    await app.close();
    removeServerInfo();
    releaseLock();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

main().catch((error: unknown) => {
  releaseLock();
  process.stderr.write(`Could not start the portal server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
