import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import { waitFor } from 'storybook/test';
import { createFetchClient } from '../src/api/fetch-client.js';
import type { MockBackend } from '../src/api/mock/handlers.js';
import type { PolicyDocument } from '../src/api/schemas.js';
import { DEMO_POLICY_DOCUMENTS } from '../src/backend/demo-data.js';
import type { PortalProvider } from '../src/components/provider/provider.js';
import type { PortalPolicyConsent } from '../src/components/policy-consent/policy-consent.js';
import '../src/define/policy-consent.js';

/**
 * `<portal-policy-consent>` in every state: the clinic's messaging policy (the
 * seed text), the patient's acceptance of its current version, and the public,
 * read-only view for the clinic's "Patient Portal" page.
 */

interface PolicyArgs {
  readOnly: boolean;
}

const render = (args: PolicyArgs): TemplateResult =>
  html`<portal-policy-consent ?read-only=${args.readOnly}></portal-policy-consent>`;

const meta = {
  title: 'Widgets/Policy consent',
  component: 'portal-policy-consent',
  render,
  args: { readOnly: false },
  argTypes: { readOnly: { control: 'boolean', name: 'read-only' } },
  parameters: { portal: { persona: 'dana' } },
} satisfies Meta<PolicyArgs>;

export default meta;
type Story = StoryObj<PolicyArgs>;

// ---------------------------------------------------------------- helpers

async function widget(canvas: HTMLElement): Promise<PortalPolicyConsent> {
  const el = canvas.querySelector('portal-policy-consent')!;
  await waitFor(() => {
    if (!el.shadowRoot?.querySelector('form')) throw new Error('form not ready');
  });
  return el;
}

function mockOf(loaded: Record<string, unknown>): MockBackend {
  return loaded['mock'] as MockBackend;
}

/** The demo documents as a new publication (the service fills in version and date). */
function publication(
  version: string,
  change: { en: string; es: string },
  extend?: (doc: PolicyDocument) => PolicyDocument,
) {
  return {
    version,
    documents: DEMO_POLICY_DOCUMENTS.filter((d) => d.version === DEMO_POLICY_DOCUMENTS[0]!.version).map((d) => {
      const { version: _version, publishedAt: _publishedAt, ...rest } = extend ? extend(d) : d;
      return { ...rest, changeSummary: d.locale === 'es' ? change.es : change.en };
    }),
  };
}

/** A much longer policy: every section grows numbered clauses (scrolling, section list, print). */
function lengthen(doc: PolicyDocument): PolicyDocument {
  const clause = doc.locale === 'es' ? 'Cláusula' : 'Clause';
  return {
    ...doc,
    sections: doc.sections.map((section, s) => ({
      ...section,
      paragraphs: [
        ...section.paragraphs,
        ...Array.from({ length: 6 }, (_, i) => `${clause} ${s + 1}.${i + 1}. ${section.paragraphs[0]}`),
      ],
    })),
  };
}

// ---------------------------------------------------------------- stories

/** `dana` accepted the current version: the policy with "You accepted version … on …". */
export const Accepted: Story = {};

/**
 * `newbie` right after choosing their own password: the policy is required before
 * messaging; the checkbox is not pre-checked.
 */
export const FirstTime: Story = {
  parameters: { portal: { persona: 'newbie' } },
  render: (args) =>
    html`${until(
      (async () => {
        // Let the provider finish its first load, then change the password as the login widget would.
        await Promise.resolve();
        const host = document.querySelector<PortalProvider>('portal-provider')?.host;
        await host?.load();
        await createFetchClient({ baseUrl: '/api/v1' }).changePassword({
          currentPassword: 'welcome-newbie-2026',
          newPassword: 'maple river lantern quietly',
        });
        await host?.refreshSession();
        return render(args);
      })(),
      html`<p>Choosing newbie's password…</p>`,
    )}`,
};

/** The clinic published a new version: "The policy changed", what changed, and the form again. */
export const NewPolicyVersion: Story = {
  parameters: { portal: { persona: 'dana', policyVersion: '2027-01-15' } },
};

/** Accepting the new version: the thank-you replaces the form and compose unlocks. */
export const AcceptedJustNow: Story = {
  parameters: { portal: { persona: 'dana', policyVersion: '2027-01-15' } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    el.shadowRoot!.querySelector<HTMLInputElement>('#agree')!.click();
    el.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
  },
};

/** Accept pressed without the checkbox: the error next to it, focus on the box. */
export const CheckboxRequired: Story = {
  parameters: { portal: { persona: 'dana', policyVersion: '2027-01-15' } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    el.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
  },
};

/** The clinic published yet another version while the patient read: reload, explain, ask again. */
export const VersionChangedWhileReading: Story = {
  parameters: { portal: { persona: 'dana', policyVersion: '2027-01-15' } },
  play: async ({ canvasElement, loaded }) => {
    const el = await widget(canvasElement);
    await mockOf(loaded).backend.publishPolicy(
      publication('2027-02-01', {
        en: 'The Disclaimer now mentions text-message notifications.',
        es: 'El descargo de responsabilidad ahora menciona los avisos por mensaje de texto.',
      }),
    );
    el.shadowRoot!.querySelector<HTMLInputElement>('#agree')!.click();
    el.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
  },
};

/** Saving the acceptance fails (network): the message, the checkbox still checked. */
export const AcceptFails: Story = {
  parameters: {
    portal: { persona: 'dana', policyVersion: '2027-01-15', fail: { op: 'acceptConsent', kind: 'network', times: 5 } },
  },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    el.shadowRoot!.querySelector<HTMLInputElement>('#agree')!.click();
    el.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
  },
};

/** A long policy (seven paragraphs per section): the section list, scrolling, printing. */
export const LongPolicy: Story = {
  render: (args, { loaded }) =>
    html`${until(
      mockOf(loaded)
        .backend.publishPolicy(
          publication(
            '2027-03-01',
            { en: 'Every section now has numbered clauses.', es: 'Cada sección ahora tiene cláusulas numeradas.' },
            lengthen,
          ),
        )
        .then(() => render(args)),
      html``,
    )}`,
};

/** Nobody signed in: the public policy, read-only, with "sign in to accept". */
export const SignedOutReadOnly: Story = {
  parameters: { portal: { persona: null } },
};

/** `read-only` on the clinic's public "Patient Portal" page: only the document, even when signed in. */
export const ReadOnlyAttribute: Story = {
  args: { readOnly: true },
};

/** `newbie` before the password change: the policy, and acceptance once the password is chosen. */
export const PasswordFirst: Story = {
  parameters: { portal: { persona: 'newbie' } },
};

/** Messaging revoked (`rory`): the policy stays readable. */
export const Revoked: Story = {
  parameters: { portal: { persona: 'rory' } },
};

export const Loading: Story = {
  parameters: { portal: { persona: 'dana', latencyMs: 'infinite' } },
};

/** The policy could not be loaded: error with Retry. */
export const LoadError: Story = {
  parameters: { portal: { persona: 'dana', fail: { op: 'getPolicy', kind: 'server-error', times: 3 } } },
};

export const Spanish: Story = {
  parameters: { portal: { persona: 'dana', policyVersion: '2027-01-15' } },
  globals: { locale: 'es' },
};

export const Dark: Story = {
  parameters: { portal: { persona: 'dana', policyVersion: '2027-01-15' } },
  globals: { theme: 'dark' },
};
