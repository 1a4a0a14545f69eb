import { defineConfig } from 'wxt';

// Manifest permissions are kept to the minimum: host access for Gmail and
// Zendesk only; every other site is an optional permission requested at run time.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'Tactful',
    description: 'Flags replies that would escalate an upset customer and suggests calmer wording. Runs entirely on your device.',
    permissions: ['storage', 'contextMenus'],
    host_permissions: ['https://mail.google.com/*', 'https://*.zendesk.com/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    browser_specific_settings: {
      gecko: { id: 'tactful@tactful.dev', strict_min_version: '128.0' },
    },
  },
});
