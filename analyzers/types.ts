// The engine's public contract. Other parts of Tactful (extension, CLI,
// evaluation) and outside measurement depend on these names: extend, don't rename.

export type Channel = 'email' | 'zendesk' | 'marketplace';

export type Severity = 'info' | 'warning' | 'error';

/** Exactly the label names of ../shared/corpus/README.md (escalate lives in `customer.escalate`). */
export const CATEGORIES = [
  'defensive',
  'blame',
  'sarcasm',
  'dismissive',
  'non_apology',
  'policy_shield',
  'overpromise',
  'shouting',
  'insult',
  'missing_empathy',
  'missing_apology',
  'missing_next_step',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const PHRASE_CATEGORIES: readonly Category[] = CATEGORIES.filter((c) => !c.startsWith('missing_'));
export const MISSING_CATEGORIES: readonly Category[] = CATEGORIES.filter((c) => c.startsWith('missing_'));

export interface AnalyzeInput {
  reply: string;
  customer?: string;
  channel?: Channel;
}

export interface Suggestion {
  label: string;
  /** Replaces `reply.slice(finding.start, finding.end)`; for a missing piece, the text to insert at `start`. */
  replacement: string;
  /** When set, replaces `reply.slice(start, end)` instead of the finding's span (a rewrite that must reach past it, e.g. the whole sentence). */
  start?: number;
  end?: number;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  /** UTF-16 offsets into `reply`. A missing-piece finding has start === end. */
  start: number;
  end: number;
  message: string;
  /** Why, citing ../shared/playbook.md. */
  rationale: string;
  suggestions: Suggestion[];
  /** The flagged text, `reply.slice(start, end)` (empty for a missing piece). */
  text?: string;
}

export type ChecklistStatus = 'done' | 'missing' | 'not_needed';

export interface ChecklistItem {
  id: string;
  label: string;
  status: ChecklistStatus;
  /** Playbook part A step number this item encodes. */
  step?: number;
  rationale?: string;
}

export interface CustomerReading {
  /** 0..1, how upset the customer's message reads. */
  upset: number;
  /** Abusive, threatening, legal/safety threat, asks for a manager: hand over instead of arguing. */
  escalate: boolean;
  /** Human-readable reasons for `upset` and `escalate`. */
  reasons: string[];
}

export interface AnalyzeResult {
  findings: Finding[];
  checklist: ChecklistItem[];
  tone: {
    /** -1..1, higher = more polite. */
    politeness: number;
  };
  customer: CustomerReading;
}

/** A phrase the user or their team wants avoided ("avoid → prefer", with a note). */
export interface CustomPhrase {
  avoid: string;
  prefer?: string;
  note?: string;
  category?: Category;
  severity?: Severity;
}

export interface AnalyzeOptions {
  /** Rule ids to switch off. */
  disabledRules?: string[];
  /** Categories to switch off. */
  disabledCategories?: Category[];
  /** 'low' reports only what is clearly wrong; 'high' also reports borderline wording. Default 'normal'. */
  sensitivity?: 'low' | 'normal' | 'high';
  /** The team's own phrase rules, honored like built-in ones. */
  customPhrases?: CustomPhrase[];
  /**
   * Which judges flag phrases: the phrase rules, the on-device tone model, or
   * both (default): the model adds what no rule caught and vetoes rule hits it
   * is confident are harmless (analyzers/model/).
   */
  engine?: 'rules' | 'model' | 'combined';
}

export interface Analyzer {
  /** Same result as `analyze`, reusing the work done for unchanged sentences. */
  update(reply: string, customer?: string): AnalyzeResult;
  setOptions?(options: AnalyzeOptions): void;
}
