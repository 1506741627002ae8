// Mock mode only (`npm run demo:mock`): start the in-browser mock backend, then
// load the widgets exactly as a clinic would, then the site's own script.
// With the reference server (`npm start`) pages load /dist/portal.js directly.
const { startMockBackend } = await import('/dist/mock.js');
await startMockBackend({ serviceWorkerUrl: '/mockServiceWorker.js' });
await import('/dist/portal.js');
await import('/demo/site.js');
