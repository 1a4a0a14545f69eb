// `npm run bench`: how fast Tactful checks a draft, beside alex and write-good
// on the same texts in the same run. Prints medians (p90, run counts) for
// drafts of about 100, 1,000 and 5,000 words, incremental one-character edits,
// a 100,000-character pathological draft, and heap use. A benchmark, not a test:
// the targets print PASS/FAIL and never fail the process.
//
//   npm run bench            (or: npx tsx scripts/bench.ts [--quick])
//   npx tsx scripts/bench.ts --suggest   (only the suggested-reply section)
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { text as alexText } from 'alex';
import { analyze, createAnalyzer, suggestReply } from '../analyzers/index.ts';
import { gzipSync } from 'node:zlib';
import { seeded } from './training/logistic.ts';

// write-good is CommonJS without type declarations: its documented API, typed here.
const writeGood = createRequire(import.meta.url)('write-good') as (text: string) => { index: number; offset: number; reason: string }[];

const QUICK = process.argv.includes('--quick');
const CUSTOMER = readFileSync(new URL('./samples/thread-customer.txt', import.meta.url), 'utf8');

// ---------------------------------------------------------------- draft generator

const NAMES = ['Dana', 'Rosa', 'Tomasz', 'Aiko', 'Priya', 'Jonas', 'Fatima', 'Luis', 'Grace', 'Mehmet'];
const PRODUCTS = ['Pro plan', 'standing desk', 'espresso grinder', 'annual licence', 'wool blanket', 'logo design', 'router', 'gift card'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'the 3rd', 'the 14th', 'last week'];
const TEAMS = ['billing', 'warehouse', 'shipping', 'engineering', 'returns'];

// Realistic support sentences: most are fine, about a quarter carry a problem
// the engine should flag (defensive, blame, dismissive, non-apology, policy,
// overpromise, shouting, sarcasm). Slots keep sentences from repeating verbatim.
const CLEAN = [
  "I've checked order #{n} and the {p} left our warehouse on {d}.",
  "I'm really sorry the {p} arrived damaged, that's not the experience we want for you.",
  'I can see why this has been so frustrating, especially after waiting since {d}.',
  "I've refunded ${m} to your card; it should appear within 3 to 5 business days.",
  "I'll ask our {t} team to look at this today and I'll email you by {d} with what they find.",
  'Would you prefer a replacement {p} or a full refund? Either is fine on our side.',
  'Thank you for sending the photos, they made it much quicker to confirm the problem.',
  "Your tracking number is {n}, and the carrier's site now shows it out for delivery.",
  "I've added a note to your account so nobody asks you to explain this again.",
  "If anything still looks wrong after {d}, just reply to this email and it comes straight to me.",
  'The invoice for ${m} has been corrected and the new copy is attached.',
  "I understand how much you were counting on the {p} for {d}, and I'm sorry we let you down.",
  "I'll personally follow up with the {t} team and keep you posted every step of the way.",
  'Good news: the {p} actually shipped this morning, a day earlier than planned.',
  'So the charge of ${m} appears twice on your statement, and you need one of them refunded. Is that right?',
];
const PROBLEM = [
  'As I already explained, order #{n} was shipped on {d}.',
  "You didn't enter the right address, so the {p} went back to the {t} team.",
  'Calm down, it is only ${m} and we will sort it out.',
  "Sorry you feel that way, but the {p} works as described.",
  'Per our policy, we cannot refund a {p} after 30 days.',
  'I guarantee this will never happen again.',
  'That is NOT what happened and we did everything correctly!!!',
  "Thanks for your patience, I'm sure waiting since {d} was a real treat.",
  "That's the {t} team's job, not mine.",
  'Actually, you are wrong about the ${m} charge.',
];
const GREETINGS = ['Hi {name},', 'Hello {name},', 'Dear {name},'];
const SIGNATURE = '\n\nBest regards,\nMarco\nCustomer Support, Loafly';

function fill(template: string, next: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  return template
    .replace('{n}', String(10000 + Math.floor(next() * 90000)))
    .replace('{m}', String(5 + Math.floor(next() * 495)))
    .replace('{p}', pick(PRODUCTS))
    .replace('{d}', pick(DAYS))
    .replace('{t}', pick(TEAMS))
    .replace('{name}', pick(NAMES));
}

const countWords = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** A draft of about `words` words: greeting, paragraphs of 2–5 sentences, sign-off. */
export function makeDraft(words: number, seed: number, problemShare = 0.25): string {
  const next = seeded(seed);
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const size = 2 + Math.floor(next() * 4);
    const sentences: string[] = [];
    for (let i = 0; i < size && count < words; i++) {
      const pool = next() < problemShare ? PROBLEM : CLEAN;
      const sentence = fill(pool[Math.floor(next() * pool.length)], next);
      sentences.push(sentence);
      count += countWords(sentence);
    }
    paragraphs.push(sentences.join(' '));
  }
  return `${fill(GREETINGS[Math.floor(next() * GREETINGS.length)], next)}\n\n${paragraphs.join('\n\n')}${SIGNATURE}`;
}

/** Sentence spans of the body, to aim one-character edits at a random sentence. */
function sentenceSpans(draft: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const bodyEnd = draft.lastIndexOf(SIGNATURE);
  const re = /[^.!?\n]+[.!?]+/g;
  let m: RegExpExecArray | null;
  const from = draft.indexOf('\n\n') + 2;
  re.lastIndex = from;
  while ((m = re.exec(draft)) && m.index < bodyEnd) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

// ---------------------------------------------------------------- timing

interface Stats {
  median: number;
  p90: number;
  runs: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
  return { median: at(0.5), p90: at(0.9), runs: s.length };
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

type Tool = 'tactful' | 'tactful+suggestions' | 'alex' | 'write-good';
const TOOLS: Record<Tool, (text: string) => unknown> = {
  tactful: (text) => analyze({ reply: text, customer: CUSTOMER }),
  // Suggestions are rewritten and gated on first read (the side panel reads them; underlines don't):
  // this row reads every one, as serializing the result for the panel does.
  'tactful+suggestions': (text) => JSON.stringify(analyze({ reply: text, customer: CUSTOMER })),
  alex: (text) => alexText(text),
  'write-good': (text) => writeGood(text),
};

/**
 * Cold runs: each run checks a draft never seen before (a fresh seed, so every
 * sentence's order number, amount and product change and no cache can help),
 * with the three tools interleaved in a rotating order so machine noise hits all.
 */
function benchCold(words: number, runs: number): Record<Tool, Stats> {
  const samples: Record<Tool, number[]> = { tactful: [], 'tactful+suggestions': [], alex: [], 'write-good': [] };
  const order: Tool[] = ['tactful', 'tactful+suggestions', 'alex', 'write-good'];
  for (let r = 0; r < runs; r++) {
    const draft = makeDraft(words, 1000 * words + r);
    for (let k = 0; k < order.length; k++) {
      const tool = order[(r + k) % order.length];
      samples[tool].push(time(() => TOOLS[tool](draft)));
    }
  }
  return {
    tactful: stats(samples.tactful),
    'tactful+suggestions': stats(samples['tactful+suggestions']),
    alex: stats(samples.alex),
    'write-good': stats(samples['write-good']),
  };
}

/**
 * Incremental runs: a session warmed with the draft, then each update inserts
 * or deletes one character at a random spot of a random sentence (edits
 * accumulate, like typing).
 */
function benchIncremental(words: number, runs: number): Stats {
  let draft = makeDraft(words, 7 * words);
  const analyzer = createAnalyzer();
  analyzer.update(draft, CUSTOMER);
  analyzer.update(draft, CUSTOMER);
  const next = seeded(words);
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const spans = sentenceSpans(draft);
    const span = spans[Math.floor(next() * spans.length)];
    const at = span.start + 1 + Math.floor(next() * Math.max(1, span.end - span.start - 2));
    draft = r % 2 === 0 ? `${draft.slice(0, at)}x${draft.slice(at)}` : `${draft.slice(0, at)}${draft.slice(at + 1)}`;
    samples.push(time(() => analyzer.update(draft, CUSTOMER)));
  }
  return stats(samples);
}

// ---------------------------------------------------------------- pathological input

/** 100,000 characters on one line: no punctuation, words mixed with emoji, RTL text and marks. */
function strangeDraft(seed: number): string {
  const next = seeded(seed);
  const pieces = ['refund', 'order', 'please', 'the', 'you', 'never', 'CALM', 'DOWN', '😡', '👍🏽', '👨‍👩‍👧', 'مرحبا', 'שלום', '\u200f', '\u200d', '\u202e', 'é', 'ｆｕｌｌ', '🇫🇷'];
  let s = '';
  while (s.length < 100_000) s += `${pieces[Math.floor(next() * pieces.length)]} `;
  return s.slice(0, 100_000);
}

/** Inputs a user can paste that must still finish in bounded time. */
const PATHOLOGICAL = [
  { name: 'one line, no punctuation, emoji + RTL + ZWJ', make: () => strangeDraft(1) },
  { name: '"!" × 100,000', make: () => '!'.repeat(100_000) },
  { name: 'caps run, no spaces', make: () => 'A'.repeat(100_000) },
  { name: 'ordinary prose (~17k words)', make: () => makeDraft(17_000, 5).slice(0, 100_000) },
];
const PATHOLOGICAL_LIMIT_MS = 30_000;

/** Child-process mode: time one pathological draft and print JSON (so a runaway case can be stopped). */
function runPathological(index: number): void {
  const text = PATHOLOGICAL[index].make();
  const runs = QUICK ? 1 : 3;
  const samples: number[] = [];
  let findings = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    findings = analyze({ reply: text, customer: CUSTOMER }).findings.length;
    samples.push(performance.now() - t0);
  }
  console.log(JSON.stringify({ ...stats(samples), chars: text.length, findings }));
}

function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

/** Runs V8's collector when it can be exposed (`--expose-gc`, or switched on at run time). */
function collectGarbage(): boolean {
  let gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      return false;
    }
  }
  gc();
  gc();
  return true;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
/** A signed difference: "+3.0 MB", "-0.1 MB". */
const delta = (bytes: number) => `${bytes < 0 ? '-' : '+'}${mb(Math.abs(bytes))}`;

/** What the on-device tone model (analyzers/model/) costs: the engine with rules only vs rules + model, beside alex. */
function benchToneModel(): void {
  console.log('\nTone model (rules only vs rules + model, 1,000 words, cold; same run)');
  const runs = QUICK ? 8 : 30;
  const rows: [string, number][] = [
    ['typical (a quarter of sentences flagged)', 0.25],
    ['dense (four in five sentences flagged)', 0.8],
  ];
  for (const [label, share] of rows) {
    const drafts = Array.from({ length: runs }, (_, i) => makeDraft(1000, 9000 + i, share));
    const timeOf = (fn: (d: string) => unknown) => stats(drafts.map((d) => time(() => fn(d)))).median;
    const rules = timeOf((d) => analyze({ reply: d, customer: CUSTOMER }, { engine: 'rules' }));
    const combined = timeOf((d) => analyze({ reply: d, customer: CUSTOMER }));
    const alex = timeOf((d) => alexText(d));
    console.log(`  ${label.padEnd(42)} rules ${fmt(rules)} ms, rules + model ${fmt(combined)} ms (+${fmt(combined - rules)}), alex ${fmt(alex)} ms: ${(combined / alex).toFixed(2)} × alex`);
  }
  const session = createAnalyzer();
  const draft = makeDraft(1000, 77);
  session.update(draft, CUSTOMER);
  const spans = sentenceSpans(draft);
  const edits = spans.slice(0, QUICK ? 30 : 200).map((s, i) => `${draft.slice(0, s.start + 1)}${'xyz'[i % 3]}${draft.slice(s.start + 1)}`);
  console.log(`  incremental 1-char edit with the model: ${fmt(stats(edits.map((e) => time(() => session.update(e, CUSTOMER)))).median)} ms median`);
  const weights = readFileSync(new URL('../analyzers/model/weights.json', import.meta.url));
  console.log(`  weights: ${(weights.length / 1024).toFixed(0)} KB, ${(gzipSync(weights, { level: 9 }).length / 1024).toFixed(0)} KB gzipped (background bundle only; the content script never loads the engine)`);
}

/** A dense draft (four in five sentences flagged) of at least `chars` characters, from the same generator. */
function denseDraftOf(chars: number, seed: number): string {
  let words = Math.ceil(chars / 6);
  let draft = makeDraft(words, seed, 0.8);
  while (draft.length < chars) draft = makeDraft((words += 10), seed, 0.8);
  return draft;
}

/**
 * The side panel's suggested reply (suggestReply, run in a worker) on dense drafts of about 2,000 and
 * 8,000 characters: wall time of each run, cold (a fresh draft per run, so no cache helps).
 */
function benchSuggest(): void {
  console.log('\nSuggested reply (suggestReply, dense drafts: four in five sentences flagged; cold, one fresh draft per run)');
  suggestReply({ reply: denseDraftOf(600, 1), customer: CUSTOMER }); // warm-up
  const runs = QUICK ? 1 : 3;
  for (const chars of [2000, 8000]) {
    const samples: number[] = [];
    const cpu: number[] = [];
    let size = 0;
    let edits = 0;
    let findings = 0;
    for (let r = 0; r < runs; r++) {
      const reply = denseDraftOf(chars, 31 * chars + r);
      size = reply.length;
      findings = analyze({ reply, customer: CUSTOMER }).findings.length;
      let result: { edits: unknown[] } = { edits: [] };
      const c0 = process.cpuUsage();
      samples.push(time(() => (result = suggestReply({ reply, customer: CUSTOMER }))));
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      edits = result.edits.length;
    }
    const s = stats(samples);
    // CPU time beside wall time: on a shared machine the wall clock also counts other processes.
    console.log(
      `  ~${chars.toLocaleString('en')} chars (last: ${size.toLocaleString('en')} chars, ${findings} findings, ${edits} edits): ${fmt(s.median)} ms median (max ${fmt(Math.max(...samples))}), CPU ${fmt(stats(cpu).median)} ms median, of ${s.runs}`,
    );
  }
  // The worst case seen: every sentence carries three flags (scripts/bench-pathological.ts's dense sentence). One run.
  const reply = Array.from({ length: 40 }, (_, i) => `Calm down, as I already explained you didn't read the terms ${i}.`).join(' ').slice(0, 2000);
  const c0 = process.cpuUsage();
  const wall = time(() => suggestReply({ reply, customer: CUSTOMER }));
  const c = process.cpuUsage(c0);
  console.log(`  ${reply.length.toLocaleString('en')} chars, three flags in every sentence: ${fmt(wall)} ms, CPU ${fmt((c.user + c.system) / 1000)} ms, one run`);
}

function main(): void {
  const sizes = [
    { words: 100, cold: QUICK ? 20 : 150, incremental: QUICK ? 50 : 400 },
    { words: 1000, cold: QUICK ? 8 : 40, incremental: QUICK ? 50 : 300 },
    { words: 5000, cold: QUICK ? 3 : 12, incremental: QUICK ? 20 : 100 },
  ];
  console.log(`Tactful benchmark: node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}${QUICK ? ' (quick)' : ''}`);
  console.log('Times in ms, median (p90) over the run count; ratio = Tactful ÷ other tool (lower is better for Tactful).\n');

  // Warm up the JIT and lazy module state of all three tools on a throwaway draft.
  const warm = makeDraft(1000, 42);
  for (let i = 0; i < 5; i++) for (const tool of Object.keys(TOOLS) as Tool[]) TOOLS[tool](warm);
  benchIncremental(300, 30);

  const header = ['draft', 'measure', 'Tactful', 'runs', 'alex', 'write-good', 'ratio alex', 'ratio w-g'];
  const rows: string[][] = [];
  const cold1000 = { ours: 0, full: 0, alex: 0 };
  let incremental1000 = 0;
  for (const size of sizes) {
    const cold = benchCold(size.words, size.cold);
    const words = `${size.words.toLocaleString('en')} words`;
    rows.push([
      words,
      'cold analyze',
      `${fmt(cold.tactful.median)} (${fmt(cold.tactful.p90)})`,
      String(cold.tactful.runs),
      `${fmt(cold.alex.median)} (${fmt(cold.alex.p90)})`,
      `${fmt(cold['write-good'].median)} (${fmt(cold['write-good'].p90)})`,
      (cold.tactful.median / cold.alex.median).toFixed(2),
      (cold.tactful.median / cold['write-good'].median).toFixed(2),
    ]);
    const full = cold['tactful+suggestions'];
    rows.push([
      words,
      '  + read every suggestion',
      `${fmt(full.median)} (${fmt(full.p90)})`,
      String(full.runs),
      '',
      '',
      (full.median / cold.alex.median).toFixed(2),
      (full.median / cold['write-good'].median).toFixed(2),
    ]);
    const inc = benchIncremental(size.words, size.incremental);
    rows.push([words, '1-char edit, update()', `${fmt(inc.median)} (${fmt(inc.p90)})`, String(inc.runs), '—', '—', '—', '—']);
    if (size.words === 1000) {
      cold1000.ours = cold.tactful.median;
      cold1000.full = cold['tactful+suggestions'].median;
      cold1000.alex = cold.alex.median;
      incremental1000 = inc.median;
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));

  console.log('\nTargets');
  const coldRatio = cold1000.ours / cold1000.alex;
  console.log(
    `  ${coldRatio <= 0.35 ? 'PASS' : 'FAIL'}  cold 1,000 words ≤ 0.35 × alex: ${fmt(cold1000.ours)} ms vs ${fmt(cold1000.alex)} ms = ${coldRatio.toFixed(2)} ×`,
  );
  console.log(`  info  the same with every suggestion rewritten and gated: ${fmt(cold1000.full)} ms = ${(cold1000.full / cold1000.alex).toFixed(2)} × alex`);
  console.log(`  ${incremental1000 <= 1 ? 'PASS' : 'FAIL'}  incremental edit on 1,000 words ≤ 1 ms median: ${fmt(incremental1000)} ms`);

  benchToneModel();
  benchSuggest();

  console.log(`\nPathological 100,000-character drafts (cold analyze, Tactful only; each in a child process stopped after ${PATHOLOGICAL_LIMIT_MS / 1000} s)`);
  for (let i = 0; i < PATHOLOGICAL.length; i++) {
    const { name, make } = PATHOLOGICAL[i];
    const started = performance.now();
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), `--pathological=${i}`, ...(QUICK ? ['--quick'] : [])], {
      encoding: 'utf8',
      timeout: PATHOLOGICAL_LIMIT_MS,
    });
    const label = `  ${name.padEnd(46)}`;
    if (child.status === 0) {
      const r = JSON.parse(child.stdout) as { median: number; runs: number; chars: number; findings: number };
      console.log(`${label} ${fmt(r.median).padStart(7)} ms median of ${r.runs}, ${r.chars.toLocaleString('en')} chars, ${r.findings} findings`);
    } else if (child.error || child.signal) {
      console.log(`${label} FAIL  did not finish within ${fmt(performance.now() - started)} ms (${make().length.toLocaleString('en')} chars)`);
    } else {
      console.log(`${label} FAIL  crashed: ${child.stderr.trim().split('\n')[0]}`);
    }
  }

  console.log('\nMemory');
  const canGc = collectGarbage();
  const base = process.memoryUsage().heapUsed;
  const big = makeDraft(5000, 99);
  const result = analyze({ reply: big, customer: CUSTOMER });
  const justAfter = process.memoryUsage().heapUsed;
  collectGarbage();
  const retained = process.memoryUsage().heapUsed;
  const session = createAnalyzer();
  session.update(big, CUSTOMER);
  collectGarbage();
  const withSession = process.memoryUsage().heapUsed;
  console.log(`  heap used before: ${mb(base)}${canGc ? ' (after forced GC)' : ' (GC not available: numbers are noisy)'}`);
  console.log(`  right after analyzing the 5,000-word draft: ${mb(justAfter)} (${delta(justAfter - base)}; young-generation GCs may already have run)`);
  console.log(`  after GC, holding the result (${result.findings.length} findings): ${mb(retained)} (${delta(retained - base)})`);
  console.log(`  plus a createAnalyzer session warmed with that draft: ${mb(withSession)} (${delta(withSession - retained)} for its cache)`);
  console.log(`  rss: ${mb(process.memoryUsage().rss)}`);
}

const pathological = process.argv.find((a) => a.startsWith('--pathological='));
if (pathological) runPathological(Number(pathological.split('=')[1]));
else if (process.argv.includes('--suggest')) benchSuggest();
// Run only as a script: profiling scripts import makeDraft from here.
else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
