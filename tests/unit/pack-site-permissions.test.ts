// Which sites an imported pack must ask the browser for, and what imports when it says no.
import { describe, expect, it } from 'vitest';
import { permissionOrigins, sitesNeedingPermission, withoutSites } from '../../lib/pack-site-permissions.ts';
import { applyTeamPack, parseTeamPack } from '../../lib/ui-teampack.ts';
import { DEFAULT_SETTINGS } from '../../lib/settings.ts';
import { siteEnabled } from '../../lib/ui-sites.ts';

const pack = (settings: unknown) => {
  const r = parseTeamPack(JSON.stringify({ format: 'tactful-team-pack', version: 1, settings }));
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.settings;
};

describe('a pack that turns sites on', () => {
  const p = pack({
    sites: { 'support.example.com': true, '*.helpdesk.example.org': true, 'mail.google.com': true, 'www.fiverr.com': false, '*.zendesk.com': true },
    customPhrases: [{ avoid: 'per our policy' }],
  });

  it('asks only for the sites it turns on that have no install-time access', () => {
    expect(sitesNeedingPermission(p)).toEqual(['support.example.com', '*.helpdesk.example.org']);
    expect(permissionOrigins(sitesNeedingPermission(p))).toEqual(['https://support.example.com/*', 'https://*.helpdesk.example.org/*']);
    expect(sitesNeedingPermission(pack({ customPhrases: [{ avoid: 'kindly' }] }))).toEqual([]);
  });

  it('imports everything else when the browser refuses: the refused sites stay off, the phrases and other sites arrive', () => {
    const refused = sitesNeedingPermission(p);
    const after = applyTeamPack({ ...DEFAULT_SETTINGS, sites: { 'www.upwork.com': true } }, withoutSites(p, refused), 'merge');
    expect(siteEnabled(after.sites, 'support.example.com')).toBe(false);
    expect(siteEnabled(after.sites, 'desk.helpdesk.example.org')).toBe(false);
    expect(siteEnabled(after.sites, 'www.upwork.com')).toBe(true);
    expect(after.sites['www.fiverr.com']).toBe(false);
    expect(after.customPhrases.map((x) => x.avoid)).toEqual(['per our policy']);
  });

  it('a pack of refused sites alone changes no site, in replace mode too', () => {
    const only = pack({ sites: { 'support.example.com': true } });
    const after = applyTeamPack({ ...DEFAULT_SETTINGS, sites: { 'www.upwork.com': true } }, withoutSites(only, ['support.example.com']), 'replace');
    expect(after.sites).toEqual({ 'www.upwork.com': true });
  });
});
