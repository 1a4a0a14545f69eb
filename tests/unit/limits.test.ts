// The security review's limits (issue 10): team phrases are literal text, counts and
// lengths are capped, caches forget least recently used entries. Times are measured by
// `npx tsx scripts/bench-pathological.ts`; these tests assert what the user sees.
import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer } from '../../analyzers/index.ts';
import { MAX_FINDINGS, MAX_TEAM_PHRASES } from '../../analyzers/limits.ts';
import { literalPhraseSource, MAX_PHRASE_CHARS } from '../../analyzers/phrases/literal.ts';
import { LruMap, boundedCache } from '../../analyzers/text/memo.ts';
import { PACK_LIMITS, exportTeamPack, parseTeamPack, validatePhrase } from '../../lib/ui-teampack.ts';
import { DEFAULT_SETTINGS } from '../../lib/settings.ts';

const custom = (reply: string, avoid: string[]) =>
  analyze({ reply, customer: '' }, { customPhrases: avoid.map((a) => ({ avoid: a })) }).findings.filter((f) => f.ruleId.startsWith('custom/'));

describe('team phrases are literal text', () => {
  it('a "re:" phrase is text, not a regex: a 600-letter token is analyzed and not flagged', () => {
    // Ran as a raw regex before and took over a minute on this draft.
    const token = 'a'.repeat(600);
    expect(custom(`Please open ${token}! now.`, ['re:\\w+\\w+\\w+!'])).toEqual([]);
    expect(custom(`Please open ${token} now.`, ['re:(a+)+$'])).toEqual([]);
  });

  it('flags exactly the words written, whatever characters they contain', () => {
    const [hit] = custom('Any questions? Email re:\\w+ or call.', ['re:\\w+']);
    expect(hit?.text).toBe('re:\\w+');
    expect(custom('Any questions? Call us.', ['any questions?']).map((f) => f.text)).toEqual(['Any questions?']);
    expect(custom('Pay $5.99 (plus tax) today.', ['$5.99 (plus tax)']).map((f) => f.text)).toEqual(['$5.99 (plus tax)']);
    expect(custom('Pay $5x99 today.', ['$5.99'])).toEqual([]); // "." is a dot, not any character
    expect(custom('As per   our  policy we cannot.', ['as per our policy']).map((f) => f.text)).toEqual(['As per   our  policy']);
    expect(custom('It’s not possible.', ["it's not possible"])).toHaveLength(1); // straight and curly apostrophes alike
    expect(custom('Unfortunately not.', ['fortunate'])).toEqual([]); // whole words only
  });

  it('ignores empty and over-long phrases, and reads at most 500', () => {
    expect(literalPhraseSource('   ')).toBeUndefined();
    expect(literalPhraseSource('x'.repeat(MAX_PHRASE_CHARS + 1))).toBeUndefined();
    const many = Array.from({ length: MAX_TEAM_PHRASES + 100 }, (_, i) => `codeword${i}`);
    const hits = custom('We saw codeword10 and codeword550 today.', many).map((f) => f.text);
    expect(hits).toEqual(['codeword10']);
  });
});

describe('findings per draft', () => {
  it('keeps at most 200, every missing piece and the earliest phrase findings', () => {
    const reply = Array.from({ length: 400 }, () => 'Calm down.').join(' ');
    const { findings } = analyze({ reply, customer: 'I was charged twice and I am furious!!' });
    expect(findings.length).toBe(MAX_FINDINGS);
    const phrases = findings.filter((f) => f.end > f.start);
    expect(findings.some((f) => f.category === 'missing_apology')).toBe(true);
    expect(Math.max(...phrases.map((f) => f.start))).toBeLessThan(reply.length / 2);
  });
});

describe('caches forget the least recently used entry', () => {
  it('LruMap keeps what was read recently', () => {
    const lru = new LruMap<string, number>(2);
    lru.set('a', 1).set('b', 2);
    expect(lru.get('a')).toBe(1); // "a" is now the most recent
    lru.set('c', 3);
    expect([...lru.keys()]).toEqual(['a', 'c']);
    expect(lru.get('b')).toBeUndefined();
  });

  it('boundedCache recomputes only what was evicted', () => {
    let computed = 0;
    const cached = boundedCache<number>(2);
    const at = (k: string) => cached(k, () => ++computed);
    at('a');
    at('b');
    at('a');
    at('c'); // evicts "b", not the recently read "a"
    at('a');
    expect(computed).toBe(3);
    at('b');
    expect(computed).toBe(4);
  });

  it('an incremental session on a long draft still answers as a cold analysis after each edit', () => {
    const draft = Array.from({ length: 900 }, (_, i) => `Calm down, as I already explained the order ${i} shipped.`).join(' ');
    const session = createAnalyzer();
    session.update(draft, 'Where is my order??');
    const edited = draft.slice(0, 20_000) + 'x' + draft.slice(20_000);
    const warm = session.update(edited, 'Where is my order??');
    const cold = analyze({ reply: edited, customer: 'Where is my order??' });
    expect(warm.findings.map((f) => [f.ruleId, f.start, f.end])).toEqual(cold.findings.map((f) => [f.ruleId, f.start, f.end]));
  });
});

describe('team pack limits', () => {
  const pack = (settings: Record<string, unknown>) => JSON.stringify({ ...exportTeamPack(DEFAULT_SETTINGS), settings: { ...exportTeamPack(DEFAULT_SETTINGS).settings, ...settings } });

  it('refuses a pack with more than 500 phrases, and says so', () => {
    const phrases = Array.from({ length: PACK_LIMITS.phrases + 1 }, (_, i) => ({ avoid: `phrase ${i}` }));
    const result = parseTeamPack(pack({ customPhrases: phrases }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join(' ')).toMatch(/at most 500/);
    expect(parseTeamPack(pack({ customPhrases: phrases.slice(0, PACK_LIMITS.phrases) })).ok).toBe(true);
  });

  it('refuses an oversized file, long fields and too many sites or rules', () => {
    expect(parseTeamPack(' '.repeat(PACK_LIMITS.fileChars + 1)).ok).toBe(false);
    expect(validatePhrase({ avoid: 'calm down', note: 'n'.repeat(PACK_LIMITS.fieldChars + 1) })).toMatch(/longer than 500/);
    expect(validatePhrase({ avoid: 'x'.repeat(MAX_PHRASE_CHARS + 1) })).toMatch(/longer than 200/);
    const sites = Object.fromEntries(Array.from({ length: PACK_LIMITS.sites + 1 }, (_, i) => [`s${i}.example.com`, true]));
    expect(parseTeamPack(pack({ sites })).ok).toBe(false);
    expect(parseTeamPack(pack({ disabledRules: Array.from({ length: PACK_LIMITS.disabledRules + 1 }, (_, i) => `r${i}`) })).ok).toBe(false);
  });
});
