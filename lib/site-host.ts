// Which strings may stand for a site in the settings, a team pack or the
// organisation's policy. A site turns Tactful on there and, once switched on,
// asks the browser for that origin: a pattern as broad as '*.com' or 'co.uk'
// would ask for (and read drafts on) a whole top-level domain. No imports: the
// content script reads settings through this too.

/**
 * Two-label public suffixes under which anyone can register a name (a short list, not the Public Suffix List):
 * '*.co.uk' is as broad as '*.com'.
 */
const TWO_LABEL_PUBLIC_SUFFIXES = new Set([
  'co.uk', 'org.uk', 'me.uk', 'ltd.uk', 'plc.uk', 'net.uk', 'ac.uk', 'gov.uk', 'nhs.uk',
  'com.au', 'net.au', 'org.au', 'edu.au', 'gov.au',
  'co.nz', 'org.nz', 'net.nz',
  'co.jp', 'ne.jp', 'or.jp', 'ac.jp',
  'co.za', 'org.za',
  'co.in', 'net.in', 'org.in', 'firm.in', 'gen.in', 'ind.in',
  'com.br', 'net.br', 'org.br',
  'com.cn', 'net.cn', 'org.cn',
  'com.mx', 'com.ar', 'com.tr', 'com.sg', 'com.hk', 'com.tw', 'com.my', 'com.ph', 'com.pk', 'com.ng', 'com.eg', 'com.sa', 'com.ua', 'com.pl', 'com.es',
  'co.kr', 'co.il', 'co.id', 'co.th', 'co.ke',
  'github.io', 'gitlab.io', 'herokuapp.com', 'vercel.app', 'netlify.app', 'pages.dev', 'workers.dev', 'web.app', 'firebaseapp.com', 'blogspot.com', 'appspot.com', 'azurewebsites.net', 'cloudfront.net', 'amazonaws.com',
]);

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Whether `site` names a real host ('mail.google.com') or every host under a registrable domain ('*.zendesk.com'):
 * at least two labels after an optional '*.', no empty labels, no label starting or ending with a hyphen, not a
 * public suffix on its own ('com', '*.com', 'co.uk', '*.co.uk'), not an IP address. Case does not matter.
 */
export function isSiteHost(site: string): boolean {
  if (typeof site !== 'string' || site.length > 253) return false;
  const host = site.toLowerCase().replace(/^\*\./, '');
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return false;
  // A top-level domain is never all digits: '10.0.0.1' and '127.1' are addresses, not hosts.
  if (/^[0-9]+$/.test(labels[labels.length - 1])) return false;
  return !TWO_LABEL_PUBLIC_SUFFIXES.has(host);
}
