// The Tactful engine: pure TypeScript, no DOM, no browser APIs. Runs in Node
// (`npx tsx`), in the extension, and in tests.
import { readDraft } from './text/draft.ts';
import { readCustomer } from './customer.ts';
import { findPhraseIssues } from './phrases/index.ts';
import { findMissingPieces } from './missing.ts';
import { buildChecklist } from './checklist.ts';
import { scorePoliteness } from './tone.ts';
import type { AnalysisContext, CustomerReport } from './context.ts';
import type { AnalyzeInput, AnalyzeOptions, AnalyzeResult, Analyzer, Channel, Finding } from './types.ts';

export * from './types.ts';
export { readDraft } from './text/draft.ts';
export { readCustomer } from './customer.ts';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function run(
  reply: string,
  customer: CustomerReport,
  channel: Channel,
  options: AnalyzeOptions,
  cache?: Map<string, unknown>,
): AnalyzeResult {
  const draft = readDraft(reply);
  const context: AnalysisContext = { channel, customer, options };
  const phraseFindings = findPhraseIssues(draft, context, cache);
  const missing = findMissingPieces(draft, context, phraseFindings);
  const disabledCats = new Set(options.disabledCategories ?? []);
  const disabledRules = new Set(options.disabledRules ?? []);
  const findings = sortFindings(
    [...phraseFindings, ...missing].filter((f) => !disabledCats.has(f.category) && !disabledRules.has(f.ruleId)),
  );
  const { text: _text, facts: _facts, level: _level, problem: _problem, ...reading } = customer;
  return {
    findings,
    checklist: buildChecklist(draft, context, findings),
    tone: { politeness: scorePoliteness(draft) },
    customer: reading,
  };
}

/** Analyzes one reply draft (and the customer's message it answers, when known). */
export function analyze(input: AnalyzeInput, options: AnalyzeOptions = {}): AnalyzeResult {
  const reply = typeof input?.reply === 'string' ? input.reply : '';
  return run(reply, readCustomer(input?.customer ?? ''), input?.channel ?? 'email', options);
}

/**
 * An incremental session for editors: `update` returns what `analyze` would,
 * reusing per-sentence work for sentences that did not change and re-reading
 * the customer's message only when it changes.
 */
export function createAnalyzer(options: AnalyzeOptions & { channel?: Channel } = {}): Analyzer {
  let opts: AnalyzeOptions = options;
  const channel: Channel = options.channel ?? 'email';
  let customerText: string | undefined;
  let customer = readCustomer('');
  const cache = new Map<string, unknown>();
  return {
    update(reply: string, customerMessage?: string) {
      const text = customerMessage ?? '';
      if (text !== customerText) {
        customerText = text;
        customer = readCustomer(text);
        cache.clear();
      }
      // Bound memory in long sessions: sentence results are cheap to recompute.
      if (cache.size > 5000) cache.clear();
      return run(typeof reply === 'string' ? reply : '', customer, channel, opts, cache);
    },
    setOptions(next: AnalyzeOptions) {
      opts = next;
      cache.clear();
    },
  };
}

export { suggestReply } from './rewrite/index.ts';
export type { SuggestedReply, ReplyEdit, SuggestOptions } from './rewrite/index.ts';
