// Times the security review's pathological inputs (issue 10) through the whole engine.
// Run: npx tsx scripts/bench-pathological.ts   (target: each under 1 s; the dense 100k draft
// with every suggestion read ≤ 3 s cold and ≤ 0.5 s per keystroke after that).
import { text as alexText } from 'alex';
import { analyze, createAnalyzer } from '../analyzers/index.ts';
import type { AnalyzeOptions } from '../analyzers/types.ts';

let t0 = 0;
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

// A draft dense with flags at the analysis cap, beside alex on the same text (the reference, same run).
// CPU time is printed beside wall time: on a shared machine the wall clock also counts other processes.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const dense = Array.from({ length: 1_400 }, (_, i) => `Calm down, as I already explained you didn't read the terms ${i}.`).join(' ').slice(0, 100_000);
const DENSE_CUSTOMER = 'I was charged twice and nobody answers!!';
t0 = performance.now();
let c0 = cpuMs();
alexText(dense);
const alexMs = performance.now() - t0;
const alexCpu = cpuMs() - c0;
const session = createAnalyzer();
t0 = performance.now();
c0 = cpuMs();
let r = session.update(dense, DENSE_CUSTOMER);
const underlined = performance.now() - t0;
const underlinedCpu = cpuMs() - c0;
const read = readAll(r);
const cold = performance.now() - t0;
const coldCpu = cpuMs() - c0;
console.log(
  `dense 100,000-character draft: first underline (findings) after ${underlined.toFixed(0)} ms (CPU ${underlinedCpu.toFixed(0)} ms); cold ${cold.toFixed(0)} ms (CPU ${coldCpu.toFixed(0)} ms) with every suggestion read (${r.findings.length} findings, ${read} suggestions); alex ${alexMs.toFixed(0)} ms (CPU ${alexCpu.toFixed(0)} ms): ${(cold / alexMs).toFixed(2)} × alex, by CPU ${(coldCpu / alexCpu).toFixed(2)} ×`,
);
const keys: number[] = [];
const keyFindings: number[] = [];
const cards: number[] = [];
for (let k = 0; k < 5; k++) {
  const edited = dense.slice(0, 50_000 + k) + 'x' + dense.slice(50_000 + k);
  t0 = performance.now();
  r = session.update(edited, DENSE_CUSTOMER);
  keyFindings.push(performance.now() - t0);
  // What a card asks after a keystroke: the suggestions of one finding.
  const t1 = performance.now();
  void r.findings[Math.floor(r.findings.length / 2)]?.suggestions.length;
  cards.push(performance.now() - t1);
  readAll(r);
  keys.push(performance.now() - t0);
}
const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
console.log(`dense 100,000-character draft: per keystroke ${list(keys)} ms with every suggestion read (findings alone ${list(keyFindings)} ms; one card's suggestions ${list(cards)} ms)`);
console.log(`  ${cold <= 3000 ? 'PASS' : 'FAIL'}  cold with every suggestion read ≤ 3,000 ms: ${cold.toFixed(0)} ms wall, ${coldCpu.toFixed(0)} ms CPU`);
console.log(`  ${Math.max(...keys) <= 500 ? 'PASS' : 'FAIL'}  every keystroke with every suggestion read ≤ 500 ms: worst ${Math.max(...keys).toFixed(0)} ms`);
