// Times the security review's pathological inputs (issue 10) through the whole engine.
// Run: npx tsx scripts/bench-pathological.ts   (target: each under 1 s; the dense 100k draft
// with every suggestion read ≤ 3 s cold and ≤ 0.5 s per keystroke after that).
import { analyze, createAnalyzer } from '../analyzers/index.ts';
import type { AnalyzeOptions } from '../analyzers/types.ts';

const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;
const readAll = (r: ReturnType<typeof analyze>) => r.findings.reduce((n, f) => n + f.suggestions.length, 0);

function time(name: string, reply: string, options: AnalyzeOptions = {}, customer = 'I was charged twice!!') {
  const t0 = performance.now();
  const r = analyze({ reply, customer }, options);
  const found = performance.now() - t0;
  readAll(r);
  console.log(`${name}: ${found.toFixed(0)} ms to analyze, ${ms(t0)} with every suggestion read (${r.findings.length} findings)`);
}

const token = 'a'.repeat(400);
time('100,000 newlines', 'Hi Dana,\n\nCalm down.' + '\n'.repeat(100_000) + 'Best,\nMarco');
time('400-letter token, team phrase "re:\\w+\\w+\\w+!"', `Please open ${token} now.`, { customPhrases: [{ avoid: 're:\\w+\\w+\\w+!' }] });
time('600-letter token, team phrase "re:(a+)+$"', `Link: ${'a'.repeat(600)}!`, { customPhrases: [{ avoid: 're:(a+)+$' }] });
time('400-letter token, 500 team phrases', `Please open ${token} now.`, { customPhrases: Array.from({ length: 500 }, (_, i) => ({ avoid: `phrase number ${i} a+a+a+` })) });
time('odd Unicode (combining marks, RTL, emoji, lone surrogates)', ('Calm down\u0301\u0301 \u202eplease\u202c 👩🏽‍💻 \ud800 ').repeat(4_000));
time('100,000 characters of "!?"', '!?'.repeat(50_000));

const dense = Array.from({ length: 1_400 }, (_, i) => `Calm down, as I already explained you didn't read the terms ${i}.`).join(' ').slice(0, 100_000);
const session = createAnalyzer();
let t0 = performance.now();
let r = session.update(dense, 'I was charged twice and nobody answers!!');
readAll(r);
console.log(`dense 100,000-character draft: cold ${ms(t0)} with every suggestion read (${r.findings.length} findings)`);
const keys: number[] = [];
for (let k = 0; k < 5; k++) {
  const edited = dense.slice(0, 50_000 + k) + 'x' + dense.slice(50_000 + k);
  t0 = performance.now();
  r = session.update(edited, 'I was charged twice and nobody answers!!');
  readAll(r);
  keys.push(performance.now() - t0);
}
console.log(`dense 100,000-character draft: per keystroke ${keys.map((k) => k.toFixed(0)).join(', ')} ms with every suggestion read`);
