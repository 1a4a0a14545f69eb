import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings.ts';
import { applyTeamPack, describePackChanges, exportTeamPack, PACK_LIMITS, parseTeamPack, validatePhrase } from '../../lib/ui-teampack.ts';
import { SETTINGS_LIMITS } from '../../lib/settings-clean.ts';
import { isSiteHost } from '../../lib/site-host.ts';

const custom: Settings = {
  enabled: false,
  sites: { 'support.example.com': true, 'mail.google.com': false },
  disabledCategories: ['sarcasm'],
  disabledRules: ['policy.per-our-policy'],
  sensitivity: 'high',
  customPhrases: [{ avoid: 'no worries', prefer: 'happy to help', note: 'Brand voice', category: 'dismissive', severity: 'info' }],
  voice: 'formal',
};

describe('team pack', () => {
  it('round-trips every shared setting through export and import', () => {
    const text = JSON.stringify(exportTeamPack(custom, new Date('2026-01-02T00:00:00Z')));
    const parsed = parseTeamPack(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { enabled: _e, ...shared } = custom;
    expect(parsed.settings).toEqual(shared);
  });

  it('keeps the personal master switch when applying a pack', () => {
    const parsed = parseTeamPack(JSON.stringify(exportTeamPack(custom)));
    if (!parsed.ok) throw new Error('expected ok');
    const next = applyTeamPack({ ...DEFAULT_SETTINGS, enabled: true }, parsed.settings);
    expect(next.enabled).toBe(true);
    expect(next.voice).toBe('formal');
    expect(next.customPhrases[0].avoid).toBe('no worries');
  });

  it('explains what is wrong with a bad file, listing every problem', () => {
    expect(parseTeamPack('{ not json')).toMatchObject({ ok: false, errors: [expect.stringContaining('not valid JSON')] });
    expect(parseTeamPack('{"hello": 1}')).toMatchObject({ ok: false, errors: [expect.stringContaining('not a Tactful team pack')] });
    expect(parseTeamPack(JSON.stringify({ format: 'tactful-team-pack', version: 7, settings: {} }))).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('version 7')],
    });
    const pack = exportTeamPack(custom);
    const broken = {
      ...pack,
      settings: {
        ...pack.settings,
        disabledCategories: ['sarcasm', 'rudeness'],
        sensitivity: 'extreme',
        customPhrases: [{ avoid: '' }, { avoid: 'ok', severity: 'fatal' }],
        sites: { 'a.com': 'yes' },
      },
    };
    const result = parseTeamPack(JSON.stringify(broken));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(5);
    expect(result.errors.join('\n')).toMatch(/Unknown category "rudeness"/);
    expect(result.errors.join('\n')).toMatch(/"sensitivity" must be low, normal or high, not "extreme"/);
    expect(result.errors.join('\n')).toMatch(/Phrase 1: "avoid" is empty/);
    expect(result.errors.join('\n')).toMatch(/Phrase 2: severity must be info, warning or error, not "fatal"/);
    expect(result.errors.join('\n')).toMatch(/Site "a.com": value must be true or false/);
  });

  it('validates a single phrase row from the options form', () => {
    expect(validatePhrase({ avoid: '  per our policy ', prefer: '', note: 'Say what you can do' })).toEqual({
      avoid: 'per our policy',
      note: 'Say what you can do',
    });
    expect(validatePhrase({ avoid: '   ' })).toBe('"avoid" is empty.');
    expect(validatePhrase({ avoid: 'x', category: 'rude' })).toMatch(/unknown category/);
  });
});

describe('team pack preview, merge and partial packs', () => {
  const pack = (settings: object) => JSON.stringify({ format: 'tactful-team-pack', version: 1, settings });
  const mine: Settings = { ...DEFAULT_SETTINGS, sensitivity: 'high', customPhrases: [{ avoid: 'no worries', prefer: 'happy to help' }, { avoid: 'ASAP' }] };

  it('accepts a pack that holds only phrases, and leaves every other setting as it is', () => {
    const parsed = parseTeamPack(pack({ customPhrases: [{ avoid: 'per our policy' }] }));
    expect(parsed).toEqual({ ok: true, settings: { customPhrases: [{ avoid: 'per our policy' }] } });
    if (!parsed.ok) return;
    const next = applyTeamPack(mine, parsed.settings, 'replace');
    expect(next).toMatchObject({ sensitivity: 'high', customPhrases: [{ avoid: 'per our policy' }] });
    expect(parseTeamPack(pack({}))).toMatchObject({ ok: false, errors: ['The pack holds no settings to import.'] });
  });

  it('rejects the same phrase twice in one pack, whatever its case and spacing', () => {
    const result = parseTeamPack(pack({ customPhrases: [{ avoid: 'Per our  policy' }, { avoid: 'calm down' }, { avoid: 'per our policy' }] }));
    expect(result).toEqual({ ok: false, errors: ['Phrase 3: "per our policy" is already phrase 1.'] });
  });

  it('merges phrases by their words (the pack wins), or replaces them, and says what would change before it does', () => {
    const incoming = { customPhrases: [{ avoid: 'No Worries', prefer: 'glad to help' }, { avoid: 'per our policy' }], voice: 'formal' as const };
    const merged = applyTeamPack(mine, incoming, 'merge');
    expect(merged.customPhrases.map((p) => p.avoid)).toEqual(['No Worries', 'ASAP', 'per our policy']);
    expect(merged.sensitivity).toBe('high');
    expect(describePackChanges(mine, incoming, 'merge')).toEqual([
      'Adds 1 phrase: “per our policy”',
      'Updates 1 phrase: “No Worries”',
      'Voice of suggested replies: warm → formal',
    ]);
    expect(describePackChanges(mine, incoming, 'replace')).toEqual([
      'Adds 1 phrase: “per our policy”',
      'Updates 1 phrase: “No Worries”',
      'Removes 1 of your phrases: “ASAP”',
      'Voice of suggested replies: warm → formal',
    ]);
    expect(describePackChanges(mine, { customPhrases: mine.customPhrases }, 'merge')).toEqual([]);
  });
});

describe('team pack sites', () => {
  const ACCEPTED = ['support.example.com', '*.zendesk.com', 'mail.google.com', 'Example.COM', 'a-b.example.co.uk', '*.acme.co.uk', 'x1.io', 'xn--bcher-kva.de'];
  const REJECTED = [
    'com', '*.com', '.', '*.', '*', '', 'io', '*.io', // a whole top-level domain
    'co.uk', '*.co.uk', '*.com.au', 'com.au', '*.github.io', // a public suffix anyone registers under
    '.example.com', 'example.com.', 'example..com', '-example.com', 'example-.com', 'exa_mple.com', '*.*.example.com', 'a.*.example.com',
    '10.0.0.1', '*.0.0.1', '127.1', '[::1]', '::1', 'example.com:8080', 'https://example.com', 'example.com/x', `${'a'.repeat(64)}.com`,
  ];
  const pack = (sites: Record<string, boolean>) => JSON.stringify({ format: 'tactful-team-pack', version: 1, settings: { sites } });

  it.each(ACCEPTED)('imports %s as a site', (site) => {
    const parsed = parseTeamPack(pack({ [site]: true }));
    expect(parsed).toEqual({ ok: true, settings: { sites: { [site.toLowerCase()]: true } } });
  });

  it.each(REJECTED)('refuses "%s" and names it', (site) => {
    const parsed = parseTeamPack(pack({ 'support.example.com': true, [site]: true }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toEqual([expect.stringContaining(`Site "${site}" is not a site address`)]);
  });

  it('holds the same rule for sites stored, pushed by policy or typed in options (one check)', () => {
    for (const site of ACCEPTED) expect(isSiteHost(site), site).toBe(true);
    for (const site of REJECTED) expect(isSiteHost(site), site).toBe(false);
  });

  it("caps a pack exactly as settings are capped, plus the file's size", () => {
    const { fileChars, ...rest } = PACK_LIMITS;
    expect(rest).toEqual(SETTINGS_LIMITS);
    expect(fileChars).toBeGreaterThan(0);
  });
});
