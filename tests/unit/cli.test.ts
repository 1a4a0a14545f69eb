// The `tactful` CLI as a user runs it: a child process on the bundled sample
// thread and on temp files, checking exit codes, line:col and JSON output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLORS, formatFile, formatSummary, lineStarts, NO_COLORS, pickPalette, positionAt, type FileReport } from '../../scripts/check.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'scripts/tactful.mjs');
const SAMPLES = join(ROOT, 'scripts/samples');
const REPLY = join(SAMPLES, 'thread-reply.txt');
const CUSTOMER = join(SAMPLES, 'thread-customer.txt');
const GOOD = join(SAMPLES, 'good-reply.txt');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function tactful(args: string[], input?: string): Run {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', env, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonFinding {
  category: string;
  severity: string;
  start: number;
  end: number;
  line: number;
  column: number;
  text?: string;
  suggestions: { label: string; replacement: string }[];
}
interface JsonReport {
  file: string;
  findings: JsonFinding[];
  customer: { upset: number; escalate: boolean; reasons: string[] };
}

/** "  3:1  error    dismissive  message  (→ …)" lines of the human output. */
function findingLines(stdout: string) {
  return [...stdout.matchAll(/^\s+(\d+):(\d+)\s+(error|warning|info)\s+([a-z_]+)\s+(.*)$/gm)].map((m) => ({
    line: Number(m[1]),
    column: Number(m[2]),
    severity: m[3],
    category: m[4],
    rest: m[5],
  }));
}

/** Independent oracle: 1-based line/col of the first occurrence of `needle`, by splitting lines. */
function whereIs(text: string, needle: string) {
  const lines = text.split(/\r\n|\n/);
  for (let i = 0; i < lines.length; i++) {
    const col = lines[i].indexOf(needle);
    if (col >= 0) return { line: i + 1, column: col + 1 };
  }
  throw new Error(`${needle} not in text`);
}

const tmp = mkdtempSync(join(tmpdir(), 'tactful-cli-'));

describe('line and column from UTF-16 offsets', () => {
  it('counts \\r\\n as one line break and columns in UTF-16 units', () => {
    const text = 'Hi,\r\n\r\n😀 Calm down.\rNext\u2028last';
    const starts = lineStarts(text);
    expect(positionAt(starts, 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt(starts, text.indexOf('Calm'))).toEqual({ line: 3, column: 4 });
    expect(positionAt(starts, text.indexOf('Next'))).toEqual({ line: 4, column: 1 });
    expect(positionAt(starts, text.indexOf('last'))).toEqual({ line: 5, column: 1 });
    expect(positionAt(starts, text.length)).toEqual({ line: 5, column: 5 });
  });
});

describe('stylish output', () => {
  const finding = (over: Partial<FileReport['findings'][number]>): FileReport['findings'][number] => ({
    ruleId: 'r',
    category: 'dismissive',
    severity: 'error',
    start: 0,
    end: 9,
    message: 'Telling an upset\ncustomer how to feel makes it worse.',
    rationale: '',
    suggestions: [{ label: 'Acknowledge', replacement: 'I understand why you are upset' }],
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 10,
    ...over,
  });
  const report: FileReport = {
    file: 'macros/refund.txt',
    findings: [
      finding({}),
      finding({ category: 'missing_apology', severity: 'warning', start: 20, end: 20, line: 12, column: 3, suggestions: [{ label: 'Apologize', replacement: "I'm sorry\nabout the double charge." }] }),
      finding({ category: 'insult', severity: 'info', line: 2, column: 5, suggestions: [{ label: 'Remove', replacement: '' }] }),
    ],
    checklist: [],
    tone: { politeness: 0 },
    customer: { upset: 0.9, escalate: true, reasons: ['Asks for a manager'] },
  };

  it('prints aligned line:col, severity, category, one-line message and the first suggestion', () => {
    const out = formatFile(report, NO_COLORS, { withCustomer: false, quiet: false }).split('\n');
    expect(out[0]).toBe('macros/refund.txt');
    expect(out[1]).toBe('   1:1  error    dismissive       Telling an upset customer how to feel makes it worse.  (→ "I understand why you are upset")');
    expect(out[2]).toBe('  12:3  warning  missing_apology  Telling an upset customer how to feel makes it worse.  (→ add: "I\'m sorry about the double charge.")');
    expect(out[3]).toContain('   2:5  info     insult');
    expect(out[3]).toContain('(→ remove it)');
  });

  it('summarizes counts, shows the customer reading, and --quiet keeps errors only', () => {
    expect(formatSummary([report], NO_COLORS, false)).toBe('✖ 3 problems (1 error, 1 warning, 1 info)');
    expect(formatSummary([report], NO_COLORS, true)).toBe('✖ 1 problem (1 error, 0 warnings)');
    expect(formatSummary([{ ...report, findings: [] }], NO_COLORS, false)).toBe('✔ no problems in 1 file');
    const withCustomer = formatFile(report, NO_COLORS, { withCustomer: true, quiet: true });
    expect(withCustomer).toContain('customer: upset 0.90, escalate');
    expect(withCustomer).toContain('Asks for a manager');
    expect(withCustomer).not.toContain('missing_apology');
  });

  it('colors only on a terminal without NO_COLOR', () => {
    expect(pickPalette({ isTTY: true }, {})).toBe(COLORS);
    expect(pickPalette({ isTTY: true }, { NO_COLOR: '1' })).toBe(NO_COLORS);
    expect(pickPalette({ isTTY: false }, {})).toBe(NO_COLORS);
    expect(pickPalette({}, {})).toBe(NO_COLORS);
  });
});

describe('tactful check', { timeout: 30_000 }, () => {
  it('flags the bad sample draft, points line:col at the flagged words, and exits 1', () => {
    const run = tactful(['check', REPLY, '--customer', CUSTOMER]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const text = readFileSync(REPLY, 'utf8');
    const lines = findingLines(run.stdout);
    const calm = whereIs(text, 'Calm down');
    expect(lines).toContainEqual(expect.objectContaining({ ...calm, category: 'dismissive' }));
    const already = whereIs(text, 'As I already explained');
    expect(lines).toContainEqual(expect.objectContaining({ ...already, category: 'defensive' }));
    expect(lines.some((l) => l.severity === 'error')).toBe(true);
    expect(run.stdout.split('\n')[0]).toContain('thread-reply.txt');
    // The customer reading: a furious customer asking for a manager.
    expect(run.stdout).toMatch(/customer: upset (0\.[5-9]\d|1\.00), escalate/);
    // Summary counts agree with the finding lines.
    const errors = lines.filter((l) => l.severity === 'error').length;
    const warnings = lines.filter((l) => l.severity === 'warning').length;
    expect(run.stdout).toContain(`✖ ${lines.length} problem${lines.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning`);
    // Piped output carries no color codes.
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('never reports the quoted "On … wrote:" history or the signature', () => {
    const run = tactful(['check', REPLY, '--customer', CUSTOMER, '--json']);
    const report = JSON.parse(run.stdout) as JsonReport;
    const text = readFileSync(REPLY, 'utf8');
    const quoteStart = text.indexOf('On Tue, Mar 4');
    const signoff = text.indexOf('Best regards,');
    expect(quoteStart).toBeGreaterThan(0);
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) expect(f.end, JSON.stringify(f)).toBeLessThanOrEqual(signoff);
    expect(report.findings.some((f) => f.category === 'insult')).toBe(false);
  });

  it('exits 0 on the good reply to the same furious customer', () => {
    const run = tactful(['check', GOOD, '--customer', CUSTOMER, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('--json prints the analysis with the file name and line/column on each finding', () => {
    const run = tactful(['check', REPLY, '--json']);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.file).toBe(REPLY);
    expect(Array.isArray(report.findings)).toBe(true);
    const text = readFileSync(REPLY, 'utf8');
    const calm = report.findings.find((f) => f.category === 'dismissive');
    expect(calm).toBeDefined();
    expect(text.slice(calm!.start, calm!.end)).toMatch(/calm down/i);
    expect({ line: calm!.line, column: calm!.column }).toEqual(whereIs(text, text.slice(calm!.start, calm!.end)));
  });

  it('reads the draft from stdin with "-" and reports it like the file', () => {
    const fromFile = JSON.parse(tactful(['check', REPLY, '--json']).stdout) as JsonReport;
    const run = tactful(['check', '-', '--json'], readFileSync(REPLY, 'utf8'));
    expect(run.code).toBe(1);
    const fromStdin = JSON.parse(run.stdout) as JsonReport;
    expect(fromStdin.file).toBe('<stdin>');
    expect(fromStdin.findings).toEqual(fromFile.findings);
  });

  it('keeps line:col right in a CRLF file with emoji before the flagged phrase', () => {
    const file = join(tmp, 'crlf.txt');
    writeFileSync(file, 'Hi Sam,\r\n\r\nThanks for writing.\r\n🙂 Calm down, please.\r\n\r\nBest,\r\nAna\r\n');
    const run = tactful(['check', file]);
    const calm = findingLines(run.stdout).find((l) => l.category === 'dismissive');
    // Line 4; the emoji is two UTF-16 units, so "Calm" starts at column 4.
    expect(calm).toMatchObject({ line: 4, column: 4 });
  });

  it('lints several files at once (a macro library) with a combined exit code', () => {
    const dir = join(tmp, 'macros');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a-good.txt'), readFileSync(GOOD, 'utf8'));
    writeFileSync(join(dir, 'b-bad.txt'), readFileSync(REPLY, 'utf8'));
    const both = tactful(['check', join(dir, 'a-good.txt'), join(dir, 'b-bad.txt'), '--customer', CUSTOMER]);
    expect(both.code).toBe(1);
    expect(both.stdout).toContain('a-good.txt');
    expect(both.stdout).toContain('b-bad.txt');
    const viaDir = tactful(['check', dir, '--json', '--customer', CUSTOMER]);
    const reports = JSON.parse(viaDir.stdout) as JsonReport[];
    expect(reports.map((r) => r.file.split('/').pop())).toEqual(['a-good.txt', 'b-bad.txt']);
    expect(viaDir.code).toBe(1);
    const goodOnly = tactful(['check', join(dir, 'a-good.txt'), '--customer', CUSTOMER]);
    expect(goodOnly.code).toBe(0);
  });

  it('exits 2 with a clear message, not a stack trace, for a missing file', () => {
    const run = tactful(['check', join(tmp, 'does-not-exist.txt')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("cannot read '");
    expect(run.stderr).toContain('does-not-exist.txt');
    expect(run.stderr).toContain('no such file');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });

  it('exits 2 on usage mistakes and prints help on --help', () => {
    expect(tactful(['check']).code).toBe(2);
    const unknown = tactful(['check', REPLY, '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--bogus'");
    expect(tactful(['check', REPLY, '--channel', 'fax']).code).toBe(2);
    expect(tactful(['lint', REPLY]).code).toBe(2);
    const help = tactful(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('tactful check FILE');
    expect(help.stdout).toContain('tactful eval FILE.jsonl');
  });
});

describe('the package bin', { timeout: 60_000 }, () => {
  it('runs from the repo as `npx tactful` without a build step', () => {
    const r = spawnSync('npx', ['tactful', 'check', '-', '--json'], { cwd: ROOT, input: 'Calm down, please.', encoding: 'utf8' });
    expect(r.status).not.toBe(2);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.file).toBe('<stdin>');
    expect(report.findings.some((f) => f.category === 'dismissive')).toBe(true);
  });
});

describe('tactful eval', { timeout: 30_000 }, () => {
  it('scores a small corpus file and prints JSON with micro F1', () => {
    const file = join(tmp, 'mini.jsonl');
    const items = [
      { id: 'a', channel: 'email', customer: 'You charged me twice!!!', reply: 'Calm down. As I already explained, you clicked twice.', labels: ['dismissive', 'defensive', 'blame', 'missing_apology'] },
      { id: 'b', channel: 'email', customer: 'Thanks, all good now.', reply: 'Glad to hear it, Sam. Have a lovely weekend!', labels: [] },
    ];
    writeFileSync(file, items.map((i) => JSON.stringify(i)).join('\n'));
    const run = tactful(['eval', file, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { items: number; micro: { f1: number }; falseFlagRate: number };
    expect(report.items).toBe(2);
    expect(report.micro.f1).toBeGreaterThan(0.5);
    expect(report.falseFlagRate).toBe(0);
  });

  it('exits 2 with a message for a missing corpus file', () => {
    const run = tactful(['eval', join(tmp, 'nope.jsonl')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no such file');
  });
});

describe('tactful check on hostile inputs (security review)', { timeout: 60_000 }, () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'tactful-hostile-'));

  it('refuses a file over 1 MB at once, with exit code 2', () => {
    const d = dir();
    const big = join(d, 'big.txt');
    writeFileSync(big, 'Calm down. '.repeat(100_000)); // 1.1 MB: ran out of memory after 300 s before
    const r = tactful(['check', big]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/larger than 1 MB/);
  });

  it('checks only the first 100,000 characters of a long draft, and says so', () => {
    const d = dir();
    const long = join(d, 'long.txt');
    writeFileSync(long, `${'We are looking into it. '.repeat(4_200)}\nCalm down.`);
    const r = tactful(['check', long, '--json']);
    expect(r.stderr).toMatch(/only the first 100,000 characters/);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.findings.some((f) => f.category === 'dismissive')).toBe(false); // "Calm down" sits past the cap
  });

  it('skips binary files with a note and exits 2, still checking the text files', () => {
    const d = dir();
    writeFileSync(join(d, 'logo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a, 0x1a, 0x00, 0x00]));
    writeFileSync(join(d, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x6c, 0x6d, 0x20, 0xe9, 0xe9, 0xff]));
    writeFileSync(join(d, 'reply.txt'), 'Calm down, it is only a delay.');
    const r = tactful(['check', d]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/logo\.txt' is a binary file/);
    expect(r.stderr).toMatch(/latin1\.txt' is not UTF-8 text/);
    expect(findingLines(r.stdout).some((f) => f.category === 'dismissive')).toBe(true);
  });

  it('prints no terminal escape sequences from the draft or the file name', () => {
    const d = dir();
    const evil = join(d, 'a\u001b]0;pwned\u0007b.txt');
    writeFileSync(evil, 'Calm down\u001b[2J\u001b[31m now, \u009b1mplease.');
    const r = tactful(['check', evil]);
    expect(r.stdout).toMatch(/dismissive/);
    // NO_COLOR output (not a terminal): not a single control character besides newlines.
    expect(/[\p{Cc}]/u.test(r.stdout.replace(/\n/g, ''))).toBe(false);
    const missing = tactful(['check', join(d, 'gone\u001b[2J.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toContain('\u001b');
  });

  it('does not follow a symlink loop', () => {
    const d = dir();
    mkdirSync(join(d, 'macros'));
    writeFileSync(join(d, 'macros', 'reply.txt'), 'Calm down, it is only a delay.');
    symlinkSync('..', join(d, 'macros', 'up'));
    symlinkSync('loop-b', join(d, 'loop-a'));
    symlinkSync('loop-a', join(d, 'loop-b'));
    const r = tactful(['check', d, '--json']);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    const reports = JSON.parse(r.stdout) as JsonReport | JsonReport[];
    const files = (Array.isArray(reports) ? reports : [reports]).map((x) => x.file);
    expect(files).toEqual([join(d, 'macros', 'reply.txt')]);
    expect(r.code).toBe(1);
  });
});
