/**
 * Test helpers (not exported from the package): a fake client whose every
 * method can be replaced, fixtures for a clinic and sessions, and a mount
 * helper that wraps a widget in a provider with that client.
 */
import { fixture, html as testHtml } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { PortalClient } from '../api/client.js';
import { PortalError } from '../api/errors.js';
import type { ClinicConfig } from '../api/schemas.js';
import { signedInSession } from './session-fixture.js';

export { signedInSession };
import '../define/provider.js';
import type { PortalProvider } from '../components/provider/provider.js';

export const testClinic: ClinicConfig = {
  name: 'Bent Tree Family Physicians',
  phone: '(972) 555-0142',
  emergencyNumber: '911',
  timeZone: 'America/Chicago',
  hours: [1, 2, 3, 4, 5].map((day) => ({ day, open: '08:00', close: '17:00' })),
  closures: ['2026-11-26', '2026-12-25', '2027-01-01'],
  categories: [
    {
      id: 'refill',
      label: { en: 'Prescription refill', es: 'Resurtido de receta' },
      description: { en: 'Ask for more of a medicine you already take.', es: 'Pida más de un medicamento que ya toma.' },
      fields: [
        { id: 'medication', kind: 'text', required: true, label: { en: 'Medication', es: 'Medicamento' } },
        { id: 'pharmacy', kind: 'text', required: true, label: { en: 'Pharmacy', es: 'Farmacia' } },
      ],
      allowsAttachments: false,
    },
    {
      id: 'billing',
      label: { en: 'Billing question', es: 'Pregunta de facturación' },
      description: { en: 'Questions about a statement or charge.', es: 'Preguntas sobre un estado de cuenta o un cargo.' },
      fields: [],
      allowsAttachments: false,
    },
  ],
  attachments: { maxCount: 5, maxBytes: 10 * 1024 * 1024, allowedTypes: ['application/pdf', 'image/jpeg', 'image/png'] },
  limits: { subjectMax: 150, bodyMax: 5000 },
  policyVersion: '2026-12-01',
  channels: ['portal', 'phone', 'mail'],
  selfServiceReset: false,
  locales: ['en', 'es'],
};


const CLIENT_METHODS = [
  'getClinic', 'getPolicy', 'getSession', 'signIn', 'signOut', 'keepAlive', 'changePassword',
  'getConsent', 'acceptConsent', 'listThreads', 'getInboxStatus', 'getThread', 'createThread', 'reply',
  'markRead', 'listDrafts', 'saveDraft', 'deleteDraft', 'uploadAttachment', 'downloadAttachment',
  'getPreferences', 'updatePreferences', 'changeEmail', 'verifyEmail',
] as const satisfies readonly (keyof PortalClient)[];

/**
 * A PortalClient whose methods are the given overrides; anything not given
 * rejects with a `server` PortalError, so a test notices an unexpected call.
 * `calls` records method names in order (never arguments: they may hold PHI).
 */
export function fakeClient(overrides: Partial<PortalClient> = {}): PortalClient & { calls: string[] } {
  const calls: string[] = [];
  const defaults: Partial<PortalClient> = {
    getClinic: async () => testClinic,
    getSession: async () => signedInSession(),
  };
  const methods = { ...defaults, ...overrides } as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const client: Record<string, unknown> = { calls };
  for (const name of CLIENT_METHODS) {
    client[name] = (...args: unknown[]) => {
      calls.push(name);
      const method = methods[name];
      if (!method) return Promise.reject(new PortalError('server', `fakeClient: unexpected call ${name}`));
      return method(...args);
    };
  }
  return client as unknown as PortalClient & { calls: string[] };
}

/**
 * Mount `widget` inside a `<portal-provider>` using `client`, wait until the
 * provider has loaded clinic + session, and return the widget.
 */
export async function mountInProvider<T extends HTMLElement>(
  widget: TemplateResult,
  client: PortalClient,
  options: { lang?: string; theme?: string } = {},
): Promise<T> {
  const provider = await fixture<PortalProvider>(
    testHtml`<portal-provider .client=${client} lang=${options.lang ?? 'en'} theme=${options.theme ?? 'light'}>${widget}</portal-provider>`,
  );
  await provider.host?.load();
  const element = provider.firstElementChild as T & { updateComplete?: Promise<unknown> };
  await element.updateComplete;
  return element;
}

/** Resolve after `ms` of real time (prefer events/updateComplete; use for debounce windows only). */
export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
