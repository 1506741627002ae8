/**
 * Look at what we build: screenshots of the demo clinic site at desktop and
 * phone widths, in English and Spanish, light and dark, signed in as a persona.
 *
 *   npm start   # in another terminal (or BASE_URL=http://127.0.0.1:8080)
 *   npx tsx scripts/screenshots.ts [--persona dana] [--pages messages,write] [--out screenshots]
 *
 * Uses Debian's Chromium through playwright-core (never downloads a browser).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values } = parseArgs({
  options: {
    persona: { type: 'string', default: 'dana' },
    password: { type: 'string' },
    pages: { type: 'string', default: 'index,portal,messages,write,preferences,policy' },
    out: { type: 'string', default: 'screenshots' },
    widths: { type: 'string', default: '1280,375' },
    locales: { type: 'string', default: 'en,es' },
    schemes: { type: 'string', default: 'light,dark' },
  },
});

const PASSWORDS: Record<string, string> = {
  dana: 'dana-demo-password',
  newbie: 'welcome-newbie-2026',
  rory: 'rory-demo-password',
  bea: 'bea-demo-password',
};
const baseUrl = process.env['BASE_URL'] ?? 'http://127.0.0.1:8080';
const persona = values.persona!;
const password = values.password ?? PASSWORDS[persona];

const browser = await chromium.launch({
  executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
});
mkdirSync(values.out!, { recursive: true });

try {
  for (const scheme of values.schemes!.split(',') as ('light' | 'dark')[]) {
    for (const locale of values.locales!.split(',')) {
      for (const width of values.widths!.split(',').map(Number)) {
        const context = await browser.newContext({
          viewport: { width, height: width < 600 ? 812 : 900 },
          colorScheme: scheme,
          locale,
          deviceScaleFactor: 1,
        });
        const page = await context.newPage();
        await page.goto(new URL('/', baseUrl).href);
        if (persona !== 'none' && password) {
          await page.evaluate(
            async ([id, pw]) => {
              await fetch('/api/v1/session', {
                method: 'POST',
                credentials: 'include',
                headers: { 'Content-Type': 'application/json', 'X-Portal-CSRF': '1' },
                body: JSON.stringify({ patientId: id, password: pw }),
              });
            },
            [persona, password] as const,
          );
        }
        for (const name of values.pages!.split(',')) {
          await page.goto(new URL(name === 'index' ? '/' : `/${name}.html`, baseUrl).href);
          // The demo pages are English; switch the page language as a Spanish site would.
          if (locale !== 'en') await page.evaluate((l) => document.documentElement.setAttribute('lang', l), locale);
          await page.waitForTimeout(1200);
          const file = join(values.out!, `${name}-${persona}-${locale}-${scheme}-${width}.png`);
          await page.screenshot({ path: file, fullPage: true });
          console.log(file);
        }
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
}
