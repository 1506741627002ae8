/**
 * The demo clinic's website: plain pages as a small clinic's existing site
 * would have, with the portal embedded the way a webmaster would do it — one
 * module script and a few tags. Rendered by the demo server(s) from one layout.
 *
 * No inline scripts or styles anywhere: the pages are served with a strict
 * Content-Security-Policy to prove the widgets need none.
 */

const CLINIC = {
  name: 'Bent Tree Family Physicians',
  phone: '(972) 555-0142',
  tel: '+19725550142',
  address: '4500 Bent Tree Blvd, Suite 210, Dallas, TX',
};

const NAV = [
  ['index', '/', 'Home'],
  ['portal', '/portal.html', 'Patient Portal'],
  ['messages', '/messages.html', 'Messages'],
  ['write', '/write.html', 'Write a message'],
  ['preferences', '/preferences.html', 'Preferences'],
  ['policy', '/policy.html', 'Portal policy'],
];

const PAGES = {
  index: {
    title: 'Welcome',
    body: `
      <section class="hero">
        <div>
          <h1>Family medicine for every generation</h1>
          <p class="lede">Same-week appointments, on-site lab, and a secure patient portal for non-urgent questions, refills and billing.</p>
          <p><a class="button-link" href="/portal.html">Sign in to the Patient Portal</a></p>
        </div>
        <aside class="card" aria-labelledby="hours-h">
          <h2 id="hours-h">Office hours</h2>
          <p>Monday–Friday, 8:00 AM – 5:00 PM (Central Time)<br>Closed Thanksgiving, Christmas Day and New Year’s Day.</p>
          <p><strong>Emergency?</strong> Call 911 or go to the nearest emergency room.</p>
        </aside>
      </section>
      <section class="cards" aria-label="Services">
        <div class="card"><h2>Annual check-ups</h2><p>Preventive care for children and adults.</p></div>
        <div class="card"><h2>Chronic care</h2><p>Diabetes, blood pressure and asthma management.</p></div>
        <div class="card"><h2>On-site lab</h2><p>Most results in your portal within two business days.</p></div>
      </section>`,
  },
  portal: {
    title: 'Patient Portal',
    body: `
      <h1>Patient Portal</h1>
      <div class="grid">
        <div>
          <portal-login next="/messages.html"></portal-login>
        </div>
        <aside class="card">
          <h2>New to the portal?</h2>
          <p>The office gives you a patient ID and a first password. The first time you sign in you will choose your own password and read our portal policy.</p>
          <p>The portal is <strong>not for emergencies</strong>. Call 911 or go to the nearest emergency room. For urgent matters, call us at <a href="tel:${CLINIC.tel}">${CLINIC.phone}</a>.</p>
        </aside>
      </div>`,
  },
  messages: {
    title: 'Messages',
    body: `
      <h1>Messages</h1>
      <portal-inbox compose-href="/write.html"></portal-inbox>`,
  },
  write: {
    title: 'Write a message',
    body: `
      <h1>Write a message</h1>
      <portal-compose inbox-href="/messages.html"></portal-compose>`,
  },
  preferences: {
    title: 'Preferences',
    body: `
      <h1>Your preferences</h1>
      <portal-preferences></portal-preferences>`,
  },
  policy: {
    title: 'Portal policy',
    body: `
      <h1>Email and patient portal policy</h1>
      <portal-policy-consent></portal-policy-consent>`,
  },
};

export const PAGE_NAMES = Object.keys(PAGES);

/**
 * @param {string} name one of PAGE_NAMES
 * @param {{ mock: boolean, apiBase?: string, scriptSrc?: string }} options
 */
export function renderPage(name, { mock, apiBase = '/api/v1', scriptSrc = '/dist/portal.js' }) {
  const page = PAGES[name];
  if (!page) return undefined;
  const nav = NAV.map(
    ([id, href, label]) =>
      `<li><a href="${href}"${id === name ? ' aria-current="page"' : ''}>${label}${
        id === 'messages' ? ' <span class="badge" id="unread-badge" hidden></span>' : ''
      }</a></li>`,
  ).join('');
  // In mock mode the boot script starts the in-browser mock backend, then loads the bundle.
  const scripts = mock
    ? `<script type="module" src="/demo/boot-mock.js"></script>`
    : `<script type="module" src="${scriptSrc}"></script>\n  <script type="module" src="/demo/site.js"></script>`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${page.title} — ${CLINIC.name}</title>
  <link rel="stylesheet" href="/demo/site.css">
  ${scripts}
</head>
<body>
  <a class="skip" href="#main">Skip to content</a>
  <div class="topline"><div class="bar"><span>${CLINIC.address}</span><span>Call <a href="tel:${CLINIC.tel}">${CLINIC.phone}</a></span></div></div>
  <header class="site"><div class="bar">
    <a class="logo" href="/"><svg width="34" height="34" viewBox="0 0 34 34" aria-hidden="true"><circle cx="17" cy="17" r="16" fill="#fff"/><path d="M17 7c-5 6-8 9-8 13a8 8 0 0 0 16 0c0-4-3-7-8-13z" fill="#0b5c8a"/></svg>${CLINIC.name}</a>
    <nav aria-label="Main"><ul>${nav}</ul></nav>
  </div></header>
  ${mock ? '<p class="demo-banner" id="demo-banner">Demo: this site talks to a simulated clinic server running in your browser. Sign in as <strong>dana</strong> / <strong>dana-demo-password</strong> (more in the README).</p>' : ''}
  <portal-provider api-base="${apiBase}" scope="page"${mock ? ' mock' : ''}></portal-provider>
  <main id="main">${page.body}
  </main>
  <footer class="site"><div class="bar"><span>© 2026 ${CLINIC.name}</span><span><a href="/policy.html">Portal policy</a> · <a href="tel:${CLINIC.tel}">${CLINIC.phone}</a></span></div></footer>
</body>
</html>
`;
}

/** A strict CSP: no inline script or style, no eval; the service worker for the mock only. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
  "form-action 'self'",
].join('; ');
