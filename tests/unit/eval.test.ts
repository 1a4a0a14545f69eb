// scripts/eval.ts scores a labeled corpus: check its arithmetic on a tiny corpus
// whose right answers are known, and that it reads the shared dev set.
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runEval, scoreCorpus, readCorpus } from '../../scripts/eval.ts';
import { hasShared, sharedPath } from '../shared.ts';

const items = [
  // true positive for sarcasm, with a span the engine must overlap
  { id: 'a', customer: 'The app keeps crashing!', reply: 'Wow, great idea, have you tried turning it on?', labels: ['sarcasm'], spans: [{ label: 'sarcasm', text: 'Wow, great idea' }] },
  // clean reply, predicted clean
  { id: 'b', customer: 'Do you ship to Norway?', reply: 'Yes, we ship to Norway in 3-5 days.', labels: [] },
  // gold label the engine cannot see (false negative for insult)
  { id: 'c', customer: 'Where is my parcel?', reply: 'It is on its way and arrives Friday.', labels: ['insult'] },
];

describe('eval', () => {
  it('computes per-label precision/recall/F1, micro F1, clean false-flag rate and span hits', () => {
    const report = scoreCorpus(items);
    const sarcasm = report.labels.find((l) => l.label === 'sarcasm')!;
    expect(sarcasm).toMatchObject({ tp: 1, fp: 0, fn: 0, support: 1, precision: 1, recall: 1, f1: 1 });
    const insult = report.labels.find((l) => l.label === 'insult')!;
    expect(insult).toMatchObject({ tp: 0, fn: 1, support: 1, recall: 0, f1: 0 });
    expect(report.cleanReplies).toBe(1);
    expect(report.falseFlagRate).toBe(0);
    expect(report.spans).toBe(1);
    expect(report.spanHitRate).toBe(1);
    expect(report.labels.map((l) => l.label)).toContain('escalate');
    expect(report.micro.recall).toBeLessThan(1);
  });

  it('runEval reads JSONL and prints JSON with --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tactful-eval-'));
    const file = join(dir, 'mini.jsonl');
    writeFileSync(file, items.map((i) => JSON.stringify(i)).join('\n') + '\n');
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
    try {
      const report = await runEval(file, { json: true });
      expect(JSON.parse(out.join('')).items).toBe(3);
      expect(report.items).toBe(3);
    } finally {
      spy.mockRestore();
    }
  });

  it.runIf(hasShared('corpus/dev.jsonl', 'the dev-set targets'))('meets the dev-set targets for the phrase labels', () => {
    const report = scoreCorpus(readCorpus(sharedPath('corpus/dev.jsonl')));
    expect(report.falseFlagRate).toBeLessThanOrEqual(0.05);
    for (const l of report.labels) {
      if (l.support >= 5 && !l.label.startsWith('missing_') && l.label !== 'escalate') expect(l.f1, l.label).toBeGreaterThanOrEqual(0.8);
    }
  });
});
