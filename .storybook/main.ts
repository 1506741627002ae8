import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // mockServiceWorker.js is served from the root so the msw mock backend controls every story.
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    // The library build settings (lib entries, rolldown output) do not apply to Storybook.
    if (viteConfig.build) {
      delete viteConfig.build.lib;
      delete (viteConfig.build as Record<string, unknown>)['rolldownOptions'];
    }
    return viteConfig;
  },
};

export default config;
