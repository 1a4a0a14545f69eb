// The on-device tone model beside the rules (analyzers/model/): what a user
// sees of it, that shipping it as int8 keeps its judgement, that training is
// reproducible, and that it generalizes better than the rules alone on the
// blind set (measured, never tuned on).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer, PHRASE_CATEGORIES, type Category } from '../../analyzers/index.ts';
import { QuantizedModel, encodeBase64, sigmoid } from '../../analyzers/model/classifier.ts';
import { judgeMissingPieces, shippedModel } from '../../analyzers/model/index.ts';
import { readCustomer } from '../../analyzers/customer.ts';
import { readDraft } from '../../analyzers/text/draft.ts';
import { DIMENSION, FEATURE_VERSION } from '../../analyzers/model/features.ts';
import { quantize, train, type Example } from '../../scripts/training/logistic.ts';
import { readTrainingDrafts, sentenceExamples } from '../../scripts/training/corpus.ts';
import { readCorpus, scoreCorpus } from '../../scripts/eval.ts';

const ROOT = join(import.meta.dirname, '../..');
const CATS = PHRASE_CATEGORIES as readonly Category[];
const UPSET = 'This is the second time my order arrived broken. I want this sorted today.';

/** A small slice of the corpus: enough to learn something, quick to train twice. */
function smallCorpus(): Example[] {
  const drafts = readTrainingDrafts(join(ROOT, 'training/drafts'), '/nonexistent').slice(0, 160);
  return drafts.flatMap((d, i) => sentenceExamples(d, i, CATS));
}

describe('tone model training', () => {
  const examples = smallCorpus();
  const opts = { epochs: 3, rate: 0.5, l2: 1e-3, seed: 7 };

  it('is reproducible: the same data gives the same bytes', { timeout: 120_000 }, () => {
    expect(examples.length).toBeGreaterThan(300);
    const a = quantize(train(CATS, examples, opts));
    const b = quantize(train(CATS, examples, opts));
    expect(encodeBase64(new Uint8Array(a.bytes.buffer))).toBe(encodeBase64(new Uint8Array(b.bytes.buffer)));
    expect(a.scale).toEqual(b.scale);
    // A different seed shuffles differently: the check above can tell runs apart.
    const c = quantize(train(CATS, examples, { ...opts, seed: 8 }));
    expect(encodeBase64(new Uint8Array(c.bytes.buffer))).not.toBe(encodeBase64(new Uint8Array(a.bytes.buffer)));
  });

  it('keeps its judgement when shipped as int8 weights', { timeout: 60_000 }, () => {
    const float = train(CATS, examples, opts);
    const { bytes, scale } = quantize(float);
    const head = { categories: [...CATS], bias: Array.from(float.bias), scale, weights: encodeBase64(new Uint8Array(bytes.buffer)), thresholds: {}, veto: {} };
    const shipped = new QuantizedModel({ featureVersion: FEATURE_VERSION, dimension: DIMENSION, sentence: head, draft: head, verifier: head }, head);
    let worst = 0;
    for (const e of examples.slice(0, 200)) {
      const a = float.logits(e.vector).map(sigmoid);
      const b = shipped.logits(e.vector).map(sigmoid);
      a.forEach((p, k) => (worst = Math.max(worst, Math.abs(p - b[k]))));
    }
    expect(worst).toBeLessThan(0.02);
  });
});

describe('tone model in the engine', () => {
  const modelFindings = (reply: string, customer = UPSET) => analyze({ reply, customer }).findings.filter((f) => f.ruleId.startsWith('model/'));

  it("'rules' never shows a model finding and 'model' shows no built-in rule's phrase finding", () => {
    const reply = "Hi Sam,\n\nAs I explained, you clicked the wrong size. Calm down, it's only a small delay.\n\nBest,\nAlex";
    expect(analyze({ reply, customer: UPSET }, { engine: 'rules' }).findings.some((f) => f.ruleId.startsWith('model/'))).toBe(false);
    const modelOnly = analyze({ reply, customer: UPSET }, { engine: 'model' }).findings.filter((f) => !f.category.startsWith('missing_'));
    expect(modelOnly.length).toBeGreaterThan(0);
    expect(modelOnly.every((f) => f.ruleId.startsWith('model/'))).toBe(true);
  });

  it('never vetoes a team phrase', () => {
    const reply = 'Thanks so much for waiting, the replacement ships today.';
    const result = analyze({ reply, customer: UPSET }, { customPhrases: [{ avoid: 'thanks so much', prefer: 'thank you', category: 'sarcasm' }] });
    expect(result.findings.some((f) => f.ruleId.startsWith('custom/'))).toBe(true);
  });

  it('explains a finding of its own with the words that drove it, inside the flagged clause', () => {
    // Writers' drafts are full of sentences like these; the model must flag at least some with an explanation.
    const replies = [
      'Best of luck finding someone who does it cheaper.',
      'Wow, a whole two days to answer, truly impressive work on your side.',
      'Look at the listing before you message me again.',
      "That's the layout you picked, so that's what you got.",
      "I've done this for twelve years and nobody else has ever complained.",
    ].map((s) => `Hi Sam,\n\n${s}\n\nBest,\nAlex`);
    const found = replies.flatMap((r) => modelFindings(r).map((f) => ({ f, r })));
    expect(found.length).toBeGreaterThan(0);
    for (const { f, r } of found) {
      expect(f.text).toBe(r.slice(f.start, f.end));
      expect(f.severity).toBe('warning');
      expect(f.rationale).toMatch(/^Playbook B/);
      const words = [...f.message.matchAll(/“([^”]+)”/g)].map((m) => m[1]);
      expect(words.length).toBeGreaterThan(0);
      const sentence = r.slice(r.lastIndexOf('\n', f.start) + 1, r.indexOf('\n', f.end));
      for (const w of words) expect(sentence.toLowerCase().replace(/[’]/g, "'")).toContain(w.split(' ')[0]);
    }
  });

  it('adds nothing to a draft with no body yet', () => {
    for (const reply of ['', 'Hi Sam,\n\nBest,\nAlex']) {
      expect(analyze({ reply, customer: UPSET }).findings).toEqual(analyze({ reply, customer: UPSET }, { engine: 'rules' }).findings);
    }
  });

  it('adds a missing piece only where the customer shows a problem, even when the model is sure', () => {
    // Thresholds of 0 make the model want every piece; only the customer's message may stop it.
    const eager = { ...shippedModel().draft, thresholds: { missing_empathy: 0, missing_apology: 0, missing_next_step: 0 } };
    const reply = 'Hi Ingrid,\n\nThat made my morning. I passed it on to Tomasz.\n\nBest,\nRoss';
    const added = (customerText: string) => {
      const context = { channel: 'email' as const, customer: readCustomer(customerText), options: {} };
      return judgeMissingPieces(readDraft(reply), context, [], [], [], 'combined', eager).map((f) => f.category);
    };
    expect(added('Just a note to say your driver today was brilliant, thank you!')).toEqual([]);
    expect(added('')).toEqual([]);
    expect(added(UPSET)).toContain('missing_apology');
  });

  it('gives the same findings incrementally as cold, with the model on', () => {
    const session = createAnalyzer();
    let text = "Hi Sam,\n\nThat's the layout you picked. We followed the brief exactly.\n\nBest,\nAlex";
    const edits = [
      (t: string) => t.replace('exactly.', 'exactly, and I can redo the header for free today.'),
      (t: string) => t.replace("That's the layout you picked. ", ''),
      (t: string) => t + '\n\nGood luck with the launch.',
    ];
    for (const edit of edits) {
      text = edit(text);
      expect(session.update(text, UPSET).findings).toEqual(analyze({ reply: text, customer: UPSET }).findings);
    }
  });
});

describe('tone model on the blind set (measured, never tuned on)', () => {
  const dir = join(ROOT, 'tests/blind');
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
  const items = files.flatMap((f) => readCorpus(join(dir, f)));

  it('generalizes better than the rules alone, without flagging more good replies', { timeout: 120_000 }, () => {
    expect(items.length).toBeGreaterThanOrEqual(300);
    const rules = scoreCorpus(items, 'blind', 'rules');
    const combined = scoreCorpus(items, 'blind', 'combined');
    expect(combined.micro.f1).toBeGreaterThan(rules.micro.f1);
    expect(combined.macroF1).toBeGreaterThan(rules.macroF1);
    expect(combined.falseFlagRate).toBeLessThanOrEqual(rules.falseFlagRate);
  });

  it('every blind draft is well-formed (spans are exact substrings)', () => {
    for (const item of items) for (const s of item.spans ?? []) expect(item.reply).toContain(s.text);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toMatch(/Never tune on it/);
  });
});
