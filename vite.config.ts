/**
 * Library build: `dist/portal.js` defines every element (the one script tag a
 * clinic pastes), plus one ES entry per widget and the DOM-free modules.
 * Shared code is split into chunks so a page with the provider and one widget
 * loads only what it uses. Translations other than English load on demand.
 */
import { defineConfig } from 'vite';

const entries = {
  portal: 'src/portal.ts',
  index: 'src/index.ts',
  triage: 'src/triage/index.ts',
  'business-hours': 'src/policy/business-hours.ts',
  'password-rules': 'src/policy/password-rules.ts',
  'define/provider': 'src/define/provider.ts',
  'define/login': 'src/define/login.ts',
  'define/inbox': 'src/define/inbox.ts',
  'define/compose': 'src/define/compose.ts',
  'define/preferences': 'src/define/preferences.ts',
  'define/policy-consent': 'src/define/policy-consent.ts',
  // The in-browser mock backend (msw) for demos and prototypes; never part of a clinic's page weight.
  mock: 'src/api/mock/browser.ts',
};

export default defineConfig({
  publicDir: 'public',
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    copyPublicDir: false,
    sourcemap: true,
    lib: { entry: entries, formats: ['es'] },
    rolldownOptions: {
      output: {
        minify: true,
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
