/**
 * Per-story mock backend for Storybook: every story gets a fresh in-memory
 * backend (the same rules as the reference server), configured by
 * `parameters.portal`, behind one msw worker started once.
 */
import { http } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { operations, type OperationId } from '../src/api/operations.js';
import { createMockBackend, type MockBackend, type MockFailure } from '../src/api/mock/handlers.js';
import { DEMO_POLICY_DOCUMENTS } from '../src/backend/demo-data.js';
import type { PersonaId } from '../src/backend/demo-data.js';

export interface PortalStoryParameters {
  /** Who is signed in; `null` = signed out. Default `dana`. */
  persona?: PersonaId | null;
  /** Extra generated threads for dana (scale stories). */
  threads?: number;
  /** Threads with hostile content for dana. */
  hostile?: boolean;
  /** Delay every response; `'infinite'` keeps the widget loading. */
  latencyMs?: number | 'infinite';
  /** Make calls of one operation fail. */
  fail?: { op: OperationId; kind: MockFailure | 'session-expired'; times?: number };
  /** The mock server's clock (ISO), e.g. a Saturday evening. */
  now?: string;
  /** Publish this newer policy version after seeding (the patient must accept again). */
  policyVersion?: string;
}

let worker: SetupWorker | undefined;
let starting: Promise<void> | undefined;

function ensureWorker(): Promise<void> {
  starting ??= (async () => {
    worker = setupWorker();
    await worker.start({ serviceWorker: { url: './mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' });
  })();
  return starting;
}

/** Match a request to an operation id by method and path template. */
function matchesOperation(op: OperationId, method: string, path: string): boolean {
  const spec = operations[op];
  const pattern = new RegExp(`^${spec.path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
  return spec.method === method && pattern.test(path);
}

export async function setUpStoryBackend(parameters: PortalStoryParameters = {}): Promise<MockBackend> {
  await ensureWorker();
  const offset = parameters.now ? Date.parse(parameters.now) - Date.now() : 0;
  const latency = parameters.latencyMs === 'infinite' ? 2_147_483_647 : (parameters.latencyMs ?? 0);
  const persona = parameters.persona === undefined ? 'dana' : parameters.persona;
  const mock = createMockBackend({
    ...(persona ? { signedInAs: persona } : {}),
    ...(parameters.threads ? { scaleThreads: parameters.threads } : {}),
    ...(parameters.hostile ? { hostile: true } : {}),
    ...(offset ? { clock: () => new Date(Date.now() + offset) } : {}),
  });
  await mock.ready;
  if (parameters.policyVersion) {
    await mock.backend.publishPolicy({
      version: parameters.policyVersion,
      documents: DEMO_POLICY_DOCUMENTS.filter((d) => d.version === DEMO_POLICY_DOCUMENTS[0]!.version).map((d) => ({
        ...d,
        changeSummary:
          d.locale === 'es'
            ? 'Aclaramos que los mensajes enviados fuera del horario se atienden el siguiente día hábil.'
            : 'We clarified that messages sent after hours are handled the next business day.',
      })),
    });
  }
  const fail = parameters.fail;
  const extra = [];
  if (fail && fail.kind === 'session-expired') {
    // The session ends on the server right before this operation (the first `times`
    // calls): the widget must re-authenticate inline, then the call goes through.
    let remaining = fail.times ?? 1;
    extra.push(
      http.all(`${mock.apiBase}/*`, ({ request }) => {
        const path = new URL(request.url).pathname.replace(/^.*?\/api\/v1/, '');
        if (remaining > 0 && matchesOperation(fail.op, request.method, path)) {
          remaining -= 1;
          mock.clearSession();
        }
        return undefined;
      }),
    );
  } else if (fail) {
    mock.failNext(fail.op, fail.kind, fail.times ?? 1);
  }
  if (latency) mock.setLatency(latency);
  worker!.resetHandlers(...extra, ...mock.handlers);
  return mock;
}
