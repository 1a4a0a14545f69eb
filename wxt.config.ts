import { defineConfig } from 'wxt';

// Manifest permissions are kept to the minimum: host access for Gmail and
// Zendesk only; every other site is an optional permission requested at run time.
// TACTFUL_E2E_HOSTS=1 (end-to-end tests only) pre-grants the marketplace fixtures'
// origins, standing in for the runtime permission prompt a headless browser cannot click;
// that build goes to .output/e2e/ so it never mixes with the store build in .output/.
const e2e = process.env.TACTFUL_E2E_HOSTS === '1';
const e2eHosts = e2e ? ['https://www.upwork.com/*', 'https://www.fiverr.com/*'] : [];

export default defineConfig({
  ...(e2e ? { outDir: '.output/e2e' } : {}),
  // MV3 everywhere: Firefox gets a background event page and sidebar_action.
  manifestVersion: 3,
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'Tactful',
    description: 'Flags replies that would escalate an upset customer and suggests calmer wording. Runs entirely on your device.',
    permissions: ['storage', 'contextMenus', 'scripting', 'activeTab'],
    host_permissions: ['https://mail.google.com/*', 'https://*.zendesk.com/*', ...e2eHosts],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Incognito windows get their own worker: their drafts never meet the normal profile's.
    incognito: 'split',
    commands: {
      'open-side-panel': {
        suggested_key: { default: 'Alt+Shift+T' },
        description: 'Open the Tactful side panel',
      },
    },
    browser_specific_settings: {
      gecko: {
        id: 'tactful@tactful.dev',
        strict_min_version: '128.0',
        // Nothing leaves the device.
        data_collection_permissions: { required: ['none'] },
      } as { id: string; strict_min_version: string },
    },
  },
  hooks: {
    // An organisation can push a team pack by policy (chrome.storage.managed); the schema tells Chrome
    // and the admin console its shape. Firefox reads managed storage from a native manifest instead.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'firefox') (manifest as { storage?: unknown }).storage = { managed_schema: 'managed_schema.json' };
    },
  },
});
