import { fiverr } from './fiverr.ts';
import { generic } from './generic.ts';
import { gmail } from './gmail.ts';
import type { SiteConfig } from './types.ts';
import { upwork } from './upwork.ts';
import { zendesk } from './zendesk.ts';

export type { SiteConfig } from './types.ts';
export const SITES: readonly SiteConfig[] = [gmail, zendesk, upwork, fiverr];

export function siteForHost(host: string): SiteConfig {
  return SITES.find((s) => s.matchesHost(host)) ?? generic;
}

/** Fields the user or the site asked us to leave alone. */
export const OPT_OUT_SELECTOR = '[data-gramm="false"], [data-tactful="off"]';
