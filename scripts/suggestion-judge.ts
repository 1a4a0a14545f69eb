// The test-time judge of per-finding suggestions (issue 8): applies one
// suggestion to its draft and asks what a reader would ask. Is the flag gone?
// Did a new one appear? Does Harper, an independent grammar checker, find
// anything new in the edited lines? Is the text mechanically clean? Harper is a
// dev dependency and never part of the extension: the product relies on the
// gate (analyzers/rewrite/gate.ts), this only grades it.
import { Dialect, LocalLinter } from 'harper.js';
import { binaryInlined } from 'harper.js/binaryInlined';
import { analyze } from '../analyzers/index.ts';
import { newMechanicalProblems } from '../analyzers/rewrite/mechanical.ts';
import type { AnalyzeInput, AnalyzeOptions, Finding, Suggestion } from '../analyzers/types.ts';

export interface Verdict {
  /** The reply with the suggestion applied. */
  applied: string;
  problems: string[];
}

export type CheckName = 'flag' | 'new flag' | 'harper' | 'mechanical';

/** The check a problem string belongs to (problems are prefixed with it). */
export function checkOf(problem: string): CheckName {
  return problem.split(':')[0] as CheckName;
}

function multisetMinus(after: string[], before: string[]): string[] {
  const had = [...before];
  return after.filter((x) => {
    const i = had.indexOf(x);
    if (i < 0) return true;
    had.splice(i, 1);
    return false;
  });
}

/** [start, end) of the lines holding [a, b). */
function linesAround(text: string, a: number, b: number): [number, number] {
  const start = text.lastIndexOf('\n', a - 1) + 1;
  const nl = text.indexOf('\n', b);
  return [start, nl < 0 ? text.length : nl];
}

export interface SuggestionJudge {
  judge(input: AnalyzeInput, finding: Finding, sg: Suggestion, before: Finding[], options?: AnalyzeOptions): Promise<Verdict>;
  /** Harper's lints on a text, as "Kind: problem text" (for regression tests). */
  lints(text: string): Promise<string[]>;
}

/** Loads Harper (a few seconds: it compiles its WASM) and returns the judge. */
export async function createSuggestionJudge(): Promise<SuggestionJudge> {
  const harper = new LocalLinter({ binary: binaryInlined, dialect: Dialect.American });
  await harper.setup();
  const lintCache = new Map<string, string[]>();
  async function lints(text: string): Promise<string[]> {
    const hit = lintCache.get(text);
    if (hit) return hit;
    const found = (await harper.lint(text, { language: 'plaintext' })).map((l) => `${l.lint_kind()}: ${l.get_problem_text().toLowerCase()}`);
    lintCache.set(text, found);
    return found;
  }

  async function judge(input: AnalyzeInput, finding: Finding, sg: Suggestion, before: Finding[], options: AnalyzeOptions = {}): Promise<Verdict> {
    const reply = input.reply;
    const a = sg.start ?? finding.start;
    const b = sg.end ?? finding.end;
    const applied = reply.slice(0, a) + sg.replacement + reply.slice(b);
    const delta = sg.replacement.length - (b - a);
    const editEnd = a + sg.replacement.length;
    const problems: string[] = [];
    const after = analyze({ ...input, reply: applied }, options).findings;

    // Phrase findings away from the edit are matched by rule and place (shifted past it); those on the
    // new words are judged against what the old words had flagged; missing pieces by category.
    const overlaps = (f: Finding, s: number, e: number) => f.start < e && f.end > s;
    const oldAtEdit = new Set(before.filter((f) => f.start !== f.end && (overlaps(f, a, b) || (a === b && f.start < a && f.end > a))).map((f) => f.ruleId));
    const oldMissing = new Set(before.filter((f) => f.start === f.end).map((f) => f.category));
    const oldKeys = new Set(before.filter((f) => f.start !== f.end).map((f) => `${f.ruleId}@${f.start}-${f.end}`));
    for (const f of after) {
      if (f.start === f.end) {
        if (f.category === finding.category) problems.push(`flag: ${f.category} still missing`);
        else if (!oldMissing.has(f.category)) problems.push(`new flag: ${f.category}`);
        continue;
      }
      const text = applied.slice(f.start, f.end);
      const away = f.end <= a || f.start >= editEnd;
      const [s, e] = f.start >= editEnd ? [f.start - delta, f.end - delta] : [f.start, f.end];
      if (away && oldKeys.has(`${f.ruleId}@${s}-${e}`)) continue;
      if (!away) {
        if (f.category === finding.category) problems.push(`flag: ${f.category} "${text}" still there`);
        else if (!oldAtEdit.has(f.ruleId)) problems.push(`new flag: ${f.category} "${text}"`);
        continue;
      }
      problems.push(`new flag: ${f.category} "${text}" elsewhere`);
    }

    const [ls, le] = linesAround(reply, a, b);
    const [ns, ne] = linesAround(applied, a, editEnd);
    const oldLines = reply.slice(ls, le);
    const newLines = applied.slice(ns, ne);
    for (const l of multisetMinus(await lints(newLines), await lints(oldLines))) problems.push(`harper: ${l}`);
    for (const p of newMechanicalProblems(oldLines, newLines)) problems.push(`mechanical: ${p}`);
    // A repeated run may reach across lines: "I'm sorry about the delay" inserted above an apology that says the same.
    for (const p of newMechanicalProblems(reply, applied)) if (p.startsWith('repeated') && !problems.includes(`mechanical: ${p}`)) problems.push(`mechanical: ${p}`);
    return { applied, problems };
  }

  return { judge, lints };
}
