import type { Decorator, Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import '../src/portal.js';
import { setUpStoryBackend, type PortalStoryParameters } from './portal-mock.js';

/** Every story runs inside a provider, against a fresh mock backend, in the chosen language and theme. */
const withPortal: Decorator = (story, context) => {
  const { locale, theme } = context.globals as { locale: string; theme: string };
  // keyed: a new provider (and so a fresh session load) for every story and language.
  return html`${keyed(
    `${context.id}:${locale}`,
    html`<div class="story-surface" data-theme=${theme}>
      <portal-provider api-base="/api/v1" lang=${locale} theme=${theme} mock>${story()}</portal-provider>
    </div>`,
  )}`;
};

const preview: Preview = {
  decorators: [withPortal],
  loaders: [
    async (context) => ({
      mock: await setUpStoryBackend((context.parameters['portal'] ?? {}) as PortalStoryParameters),
    }),
  ],
  globalTypes: {
    locale: {
      description: 'Language of the widgets',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Color theme',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'high-contrast', title: 'High contrast' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
};

export default preview;
