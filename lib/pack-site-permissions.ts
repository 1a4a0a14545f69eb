// A team pack that turns a site on needs the browser's permission for it, and
// that permission can only be asked for from the user's click: the options page
// asks for every such site at once when Import is clicked. Sites refused stay
// out of the import, and the page says which.
import type { PackSettings } from './ui-teampack.ts';
import { isManifestHost, originsFor } from './ui-sites.ts';

/** Sites the pack turns on that Tactful has no install-time access to. */
export function sitesNeedingPermission(pack: PackSettings): string[] {
  return Object.entries(pack.sites ?? {})
    .filter(([host, on]) => on && !isManifestHost(host))
    .map(([host]) => host);
}

/** The origins to request for those sites ('*.example.com' → 'https://*.example.com/*'). */
export function permissionOrigins(hosts: readonly string[]): string[] {
  return [...new Set(hosts.flatMap(originsFor))];
}

/** The pack without the sites the browser did not grant (everything else still imports). */
export function withoutSites(pack: PackSettings, refused: readonly string[]): PackSettings {
  if (!pack.sites || refused.length === 0) return pack;
  const sites = Object.fromEntries(Object.entries(pack.sites).filter(([host]) => !refused.includes(host)));
  const { sites: _all, ...rest } = pack;
  // A pack that held only refused sites still imports its other settings; with none left it sets no sites.
  return Object.keys(sites).length ? { ...rest, sites } : rest;
}
