// Suggestions for a missing piece (empathy, an apology, a next step): a
// sentence from insertions.ts placed where it belongs — empathy and apology
// open the body, the next step closes it — and kept only when the analysis
// proves it: the piece no longer reads as missing, nothing new is flagged, and
// the text around it stays a sentence (the one after it starts with a capital).
import type { AnalysisContext } from '../context.ts';
import type { Finding, Suggestion } from '../types.ts';
import { readDraft, type Draft } from '../text/draft.ts';
import { apologySentence, empathySentence, hashText, nextStepSentence, type InsertionContext, type Voice } from './insertions.ts';
import { newFindings, reanalyze } from './reanalyze.ts';
import { newMechanicalProblems } from './mechanical.ts';
import { capitalizeFirst } from './tidy.ts';

const MAX_TRIED = 4;
/** Past this many characters a draft gets one candidate per missing piece; past MAX_PROVED, none. */
const LONG_DRAFT = 5_000;
const MAX_PROVED = 20_000;

/** Candidate sentences, the detector's own template first, then the insertion variants. */
function sentences(finding: Finding, context: AnalysisContext, reply: string): string[] {
  const seed = hashText(`${context.channel}\n${context.customer.text}\n${reply}`);
  const make = finding.category === 'missing_empathy' ? empathySentence : finding.category === 'missing_apology' ? apologySentence : nextStepSentence;
  const out = finding.suggestions.map((sg) => sg.replacement.trim()).filter(Boolean);
  for (const voice of ['warm', 'formal'] as Voice[])
    for (let i = 0; i < 4; i++) {
      const ctx: InsertionContext = { customer: context.customer, channel: context.channel, voice, seed: seed + i };
      out.push(make(ctx));
    }
  return [...new Set(out)];
}

/** The insertion as an edit: its range and its text, fitted to the words around it. */
function place(draft: Draft, finding: Finding, sentence: string): Suggestion {
  const reply = draft.reply;
  const label = finding.suggestions[0]?.label ?? 'Add it';
  const first = draft.sentences[0];
  const last = draft.sentences[draft.sentences.length - 1];
  if (!first || !last) return { label, replacement: sentence, start: finding.start, end: finding.end };
  if (finding.category !== 'missing_next_step') {
    // "Hi Dana, the refund…" → "Hi Dana, I understand… The refund…": the old first word takes the capital.
    const word = /^\S+/.exec(first.text)?.[0] ?? '';
    if (/^\p{Ll}/u.test(first.text)) return { label, replacement: `${sentence} ${capitalizeFirst(word)}`, start: first.start, end: first.start + word.length };
    return { label, replacement: `${sentence} `, start: first.start, end: first.start };
  }
  // After a last sentence with no closing mark ("Let me know"), the new one needs its own.
  const closed = /[.!?…]["'’”)]*$/.test(last.text);
  return { label, replacement: `${closed ? '' : '.'} ${sentence}`, start: last.end, end: last.end };
}

/** Returns the first insertion the analysis accepts, or none: a piece that would read wrong is not offered. */
export function fitMissingPiece(reply: string, finding: Finding, context: AnalysisContext): Suggestion[] {
  // Each candidate is proved by analyzing the whole draft again: on a pasted log or a
  // 100,000-character run-on that costs seconds, and no playbook sentence fits it anyway.
  if (reply.length > MAX_PROVED) return [];
  const tries = reply.length > LONG_DRAFT ? 1 : MAX_TRIED;
  const draft = readDraft(reply);
  const before = reanalyze(reply, context);
  // A few variants: each costs an analysis of the whole draft, and the lazy read must stay cheap.
  for (const sentence of sentences(finding, context, reply).slice(0, tries)) {
    const sg = place(draft, finding, sentence);
    const a = sg.start ?? finding.start;
    const b = sg.end ?? finding.end;
    const applied = reply.slice(0, a) + sg.replacement + reply.slice(b);
    const after = reanalyze(applied, context);
    if (after.missing.some((f) => f.category === finding.category)) continue;
    if (newFindings(before, after, a, b, sg.replacement.length - (b - a)).some((f) => f.severity !== 'info')) continue;
    if (newMechanicalProblems(reply, applied).length > 0) continue;
    return [sg];
  }
  return [];
}
