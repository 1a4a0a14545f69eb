// Which sites Tactful checks. Gmail and Zendesk are granted at install (the
// manifest's host_permissions); every other site is off until the user turns
// it on, which asks the browser for that origin at that moment.

/** Host patterns with install-time access: on unless the user turned them off. */
export const MANIFEST_HOSTS = ['mail.google.com', '*.zendesk.com'] as const;

/** Sites the options page lists even before the user has touched them. */
export const KNOWN_SITES = [...MANIFEST_HOSTS, 'www.upwork.com', 'www.fiverr.com'] as const;

export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (p.startsWith('*.')) return h.endsWith(p.slice(1)) || h === p.slice(2);
  return p === h;
}

export function isManifestHost(host: string): boolean {
  return MANIFEST_HOSTS.some((p) => hostMatches(p, host));
}

/** The setting that governs `host`: an exact entry wins over a wildcard one, which wins over the default. */
export function siteEnabled(sites: Readonly<Record<string, boolean>>, host: string): boolean {
  const h = host.toLowerCase();
  if (h in sites) return sites[h];
  for (const [pattern, on] of Object.entries(sites)) if (pattern.startsWith('*.') && hostMatches(pattern, h)) return on;
  return isManifestHost(h);
}

/** The permission origins to request for a host pattern ('*.zendesk.com' → 'https://*.zendesk.com/*'). */
export function originsFor(hostPattern: string): string[] {
  return [`https://${hostPattern}/*`];
}

/** Host of a tab URL the extension may act on, or null for browser and extension pages. */
export function webHost(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.hostname : null;
  } catch {
    return null;
  }
}
