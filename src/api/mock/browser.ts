/**
 * Start the mock backend in a browser page (demo page, manual testing).
 * Storybook uses `createMockBackend(...).handlers` with msw-storybook-addon instead.
 *
 * The worker script must be served so that its scope covers the page: from the
 * site root (`/mockServiceWorker.js`) by default. See TOOLCHAIN.md for wtr.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createMockBackend, type MockBackend, type MockBackendOptions } from './handlers.js';

export interface StartMockOptions extends MockBackendOptions {
  /** URL of msw's worker script. Default `/mockServiceWorker.js`. */
  serviceWorkerUrl?: string;
}

export interface RunningMockBackend extends MockBackend {
  readonly worker: SetupWorker;
  stop(): void;
}

export async function startMockBackend(options: StartMockOptions = {}): Promise<RunningMockBackend> {
  const { serviceWorkerUrl = '/mockServiceWorker.js', ...mockOptions } = options;
  const mock = createMockBackend(mockOptions);
  const worker = setupWorker(...mock.handlers);
  await worker.start({
    serviceWorker: { url: serviceWorkerUrl },
    quiet: true,
    onUnhandledRequest: 'bypass',
  });
  await mock.ready;
  return Object.assign(mock, { worker, stop: () => worker.stop() });
}
