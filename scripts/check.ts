// `tactful check`: lints reply drafts (files, directories or stdin) and prints
// ESLint-style findings. Exit code: 1 when any error-level finding exists,
// 0 otherwise, 2 when an input cannot be read.
import { closeSync, openSync, readSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../analyzers/index.ts';
import type { AnalyzeResult, Channel, ChecklistItem, Finding, Severity } from '../analyzers/types.ts';

/** 1-based line and column; the column counts UTF-16 code units, like the offsets. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Start offsets of every line. A line ends at "\r\n", "\n", a lone "\r",
 * U+2028 or U+2029 (the terminators ESLint and editors agree on).
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    } else if (c === 0x0a || c === 0x2028 || c === 0x2029) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Maps a UTF-16 offset to its line and column, by binary search over `starts`. */
export function positionAt(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

export interface LocatedFinding extends Finding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface FileReport extends Omit<AnalyzeResult, 'findings'> {
  file: string;
  findings: LocatedFinding[];
}

export interface CheckOptions {
  customer?: string;
  channel?: Channel;
}

export function checkText(file: string, reply: string, options: CheckOptions = {}): FileReport {
  const result = analyze({ reply, customer: options.customer, channel: options.channel });
  const starts = lineStarts(reply);
  const findings = result.findings.map((f) => {
    const from = positionAt(starts, f.start);
    const to = positionAt(starts, f.end);
    return { ...f, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  });
  return { file, ...result, findings };
}

// ---------------------------------------------------------------- inputs

/** Same name as cli.ts's UsageError: reported as a message with exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A draft this long is a log or a dump, not a reply: refused without reading the rest. */
export const MAX_INPUT_BYTES = 1024 * 1024;
/** Characters analyzed per draft, as in the extension; the rest is not checked (and a note says so). */
export const MAX_ANALYZED_CHARS = 100_000;

const DRAFT_EXTENSIONS = /\.(?:txt|md|eml|text)$/i;

/** Not a text draft (NUL bytes or invalid UTF-8): skipped, and the run exits 2. */
export class BinaryInputError extends UsageError {
  override name = 'BinaryInputError';
}

/** Reads at most `limit` + 1 bytes, so an oversized input is known without reading it all. */
function readBounded(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EAGAIN') continue; // non-blocking stdin not ready yet
      if ((err as NodeJS.ErrnoException).code === 'EOF') break;
      throw err;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
    total += n;
    if (total > limit) break;
  }
  return Buffer.concat(chunks);
}

/** Reads a draft file ("-" is stdin), without a UTF-8 byte-order mark. */
export function readInput(path: string): string {
  const name = path === '-' ? 'stdin' : `'${path}'`;
  let bytes: Buffer;
  try {
    const fd = path === '-' ? 0 : openSync(path, 'r');
    try {
      bytes = readBounded(fd, MAX_INPUT_BYTES);
    } finally {
      if (fd !== 0) closeSync(fd);
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : code === 'ELOOP' ? 'too many symbolic links' : code ?? String(err);
    throw new UsageError(`cannot read ${name}: ${why}`);
  }
  if (bytes.length > MAX_INPUT_BYTES) throw new UsageError(`${name} is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB; a reply draft is much smaller`);
  if (bytes.includes(0)) throw new BinaryInputError(`${name} is a binary file, not a text draft: skipped`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BinaryInputError(`${name} is not UTF-8 text: skipped`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Expands directories to the draft files (.txt, .md, .eml, .text) inside them, sorted. Each directory is read once, so a symlink loop ends. */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return; // a dangling link or a loop the system refuses to resolve
    }
    if (seen.has(real)) return;
    seen.add(real);
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = join(dir, name);
      let st;
      try {
        st = statSync(full);
      } catch {
        continue; // a broken or looping symlink is not a draft
      }
      if (st.isDirectory()) walk(full);
      else if (DRAFT_EXTENSIONS.test(name)) out.push(full);
    }
  };
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = p !== '-' && statSync(p).isDirectory();
    } catch {
      // Not found: readInput reports it with a clear message.
    }
    if (isDir) walk(p);
    else out.push(p);
  }
  return out;
}

// ---------------------------------------------------------------- output

export interface Palette {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

const ansi = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
export const COLORS: Palette = {
  red: ansi(31, 39),
  yellow: ansi(33, 39),
  blue: ansi(34, 39),
  green: ansi(32, 39),
  dim: ansi(2, 22),
  bold: ansi(1, 22),
  underline: ansi(4, 24),
};
const plain = (s: string) => s;
export const NO_COLORS: Palette = { red: plain, yellow: plain, blue: plain, green: plain, dim: plain, bold: plain, underline: plain };

/** Colors only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function pickPalette(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Palette {
  return stream.isTTY && !env.NO_COLOR ? COLORS : NO_COLORS;
}

/**
 * Text from a draft, a file name or a message, made safe for a terminal: control characters
 * (escape sequences could recolour, retitle or rewrite the screen) and bidirectional overrides
 * are dropped, whitespace runs become one space.
 */
export const safeText = (s: string) => s.replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]+/gu, (m) => (/\s/.test(m) ? ' ' : ''));
const oneLine = (s: string) => safeText(s).replace(/\s+/g, ' ').trim();
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function suggestionHint(f: Finding): string {
  const first = f.suggestions[0];
  if (!first) return '';
  const text = oneLine(first.replacement);
  if (f.start === f.end) return text ? `(→ add: "${clip(text, 70)}")` : '';
  return text ? `(→ "${clip(text, 70)}")` : '(→ remove it)';
}

function severityLabel(s: Severity, c: Palette): string {
  return s === 'error' ? c.red('error') : s === 'warning' ? c.yellow('warning') : c.blue('info');
}

/** Greedy word wrap, so a long list of reasons stays readable in a terminal. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Checklist items as "✔ label" marks, wrapped by item so colors never split. */
function checklistLines(items: ChecklistItem[], c: Palette, width: number): string[] {
  const plainMark = (i: ChecklistItem) => `${i.status === 'done' ? '✔' : i.status === 'missing' ? '✖' : '–'} ${i.label}`;
  const color = (i: ChecklistItem) => (i.status === 'done' ? c.green : i.status === 'missing' ? c.red : c.dim);
  const lines: string[] = [];
  let plainLength = 0;
  let line = '';
  for (const item of items) {
    const mark = plainMark(item);
    if (line && plainLength + 2 + mark.length > width) {
      lines.push(line);
      line = '';
      plainLength = 0;
    }
    line += (line ? '  ' : '') + color(item)(mark);
    plainLength += (plainLength ? 2 : 0) + mark.length;
  }
  if (line) lines.push(line);
  return lines;
}

/** One file's block: name, customer reading (when a customer message was given), findings. */
export function formatFile(report: FileReport, c: Palette, opts: { withCustomer: boolean; quiet: boolean }): string {
  const shown = opts.quiet ? report.findings.filter((f) => f.severity === 'error') : report.findings;
  const lines: string[] = [];
  if (shown.length === 0 && !opts.withCustomer) return '';
  lines.push(c.underline(oneLine(report.file)));
  if (opts.withCustomer) {
    const r = report.customer;
    const verdict = r.escalate ? c.red(c.bold('escalate: consider handing over to a manager or colleague')) : 'no escalation needed';
    lines.push(`  customer: upset ${r.upset.toFixed(2)}, ${verdict}`);
    if (r.reasons.length > 0) for (const l of wrap(r.reasons.map(oneLine).join(' · '), 96)) lines.push(c.dim(`    ${l}`));
    if (report.checklist.length > 0) {
      lines.push('  checklist:');
      for (const l of checklistLines(report.checklist, c, 92)) lines.push(`    ${l}`);
    }
  }
  const rows = shown.map((f) => ({
    where: `${f.line}:${f.column}`,
    severity: f.severity,
    category: oneLine(f.category),
    message: oneLine(f.message),
    hint: suggestionHint(f),
  }));
  const whereW = Math.max(0, ...rows.map((r) => r.where.length));
  const sevW = Math.max(0, ...rows.map((r) => r.severity.length));
  const catW = Math.max(0, ...rows.map((r) => r.category.length));
  for (const r of rows) {
    const sev = severityLabel(r.severity, c) + ' '.repeat(sevW - r.severity.length);
    const hint = r.hint ? `  ${c.dim(r.hint)}` : '';
    lines.push(`  ${c.dim(r.where.padStart(whereW))}  ${sev}  ${r.category.padEnd(catW)}  ${r.message}${hint}`);
  }
  return lines.join('\n');
}

/** "✖ 5 problems (2 errors, 3 warnings)", or a check mark when there is nothing to report. */
export function formatSummary(reports: FileReport[], c: Palette, quiet: boolean): string {
  const all = reports.flatMap((r) => r.findings).filter((f) => !quiet || f.severity === 'error');
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  const infos = all.length - errors - warnings;
  if (all.length === 0) return c.green(`✔ no problems in ${plural(reports.length, 'file')}`);
  const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
  if (infos > 0) parts.push(`${infos} info`);
  const line = `✖ ${plural(all.length, 'problem')} (${parts.join(', ')})`;
  return c.bold(errors > 0 ? c.red(line) : c.yellow(line));
}

export interface CheckRun {
  files: string[];
  customerFile?: string;
  channel?: Channel;
  json: boolean;
  quiet: boolean;
}

/** Runs `check`, writing to `out` (and notes to `note`); returns the exit code (0 clean or warnings only, 1 errors, 2 a file skipped). */
export function runCheck(run: CheckRun, out: (s: string) => void, palette: Palette, note: (s: string) => void = (s) => process.stderr.write(`${s}\n`)): number {
  const customer = run.customerFile === undefined ? undefined : readInput(run.customerFile);
  const paths = expandPaths(run.files);
  if (paths.length === 0) throw new UsageError('no draft files found (looked for .txt, .md, .eml, .text)');
  if (paths.filter((p) => p === '-').length > 1 || (run.customerFile === '-' && paths.includes('-'))) {
    throw new UsageError('stdin ("-") can be read only once');
  }
  // Read everything first so a missing file fails the run before any output, like ESLint.
  // Binary files are skipped with a note; the others are still checked.
  let skipped = 0;
  const inputs = paths.flatMap((file) => {
    try {
      return [{ file: file === '-' ? '<stdin>' : file, text: readInput(file) }];
    } catch (err) {
      if (!(err instanceof BinaryInputError)) throw err;
      skipped++;
      note(`tactful: ${safeText(err.message)}`);
      return [];
    }
  });
  const reports = inputs.map(({ file, text }) => {
    if (text.length > MAX_ANALYZED_CHARS) note(`tactful: ${oneLine(file)}: only the first ${MAX_ANALYZED_CHARS.toLocaleString('en')} characters were checked`);
    return checkText(file, text.slice(0, MAX_ANALYZED_CHARS), { customer: customer?.slice(0, MAX_ANALYZED_CHARS), channel: run.channel });
  });
  if (run.json) {
    out(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
  } else {
    const blocks = reports
      .map((r) => formatFile(r, palette, { withCustomer: customer !== undefined, quiet: run.quiet }))
      .filter((b) => b !== '');
    out([...blocks, formatSummary(reports, palette, run.quiet)].join('\n\n'));
  }
  if (skipped > 0) return 2;
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
