// "Polish on device" (issue 4, optional): asks Chrome's built-in Rewriter (or
// the Prompt API) to smooth the rule-based suggested reply. The model never
// gets the last word: its output must keep every fact and placeholder, invent
// nothing, add no promise and pass the engine with no error-level finding, or
// it is discarded with a message. Nothing leaves the browser; the APIs are
// injected so the logic is testable without Chrome.
import { analyze } from '../analyzers/index.ts';
import { inventedFacts, lostFacts } from '../analyzers/facts.ts';
import { newPromises, placeholdersIn } from '../analyzers/rewrite/invariants.ts';
import type { Channel } from '../analyzers/types.ts';

export type Availability = 'available' | 'downloadable' | 'unavailable';

/** The subset of Chrome's Rewriter API we use (https://developer.chrome.com/docs/ai/rewriter-api). */
export interface RewriterSession {
  rewrite(text: string, options?: { context?: string }): Promise<string>;
  destroy?(): void;
}
export interface RewriterApi {
  availability(options?: Record<string, unknown>): Promise<string>;
  create(options?: Record<string, unknown>): Promise<RewriterSession>;
}
/** The subset of the Prompt API (LanguageModel) we use, as a fallback. */
export interface PromptSession {
  prompt(text: string): Promise<string>;
  destroy?(): void;
}
export interface PromptApi {
  availability(options?: Record<string, unknown>): Promise<string>;
  create(options?: Record<string, unknown>): Promise<PromptSession>;
}
export interface OnDeviceApis {
  Rewriter?: RewriterApi;
  LanguageModel?: PromptApi;
}

export interface PolishContext {
  /** The agent's original draft. */
  reply: string;
  customer?: string;
  channel?: Channel;
  /** Injected for tests; defaults to the browser's globals. */
  apis?: OnDeviceApis;
}

export type PolishResult = { ok: true; text: string; via: 'rewriter' | 'prompt' } | { ok: false; message: string };

/** The on-device AI entry points this browser exposes (`'Rewriter' in self`). */
export function detectApis(scope: object = globalThis): OnDeviceApis {
  const g = scope as Record<string, unknown>;
  return {
    Rewriter: 'Rewriter' in g ? (g.Rewriter as RewriterApi) : undefined,
    LanguageModel: 'LanguageModel' in g ? (g.LanguageModel as PromptApi) : undefined,
  };
}

function normalize(value: string): Availability {
  if (value === 'available' || value === 'readily') return 'available';
  if (value === 'downloadable' || value === 'downloading' || value === 'after-download') return 'downloadable';
  return 'unavailable';
}

async function availabilityOf(api: RewriterApi | PromptApi | undefined): Promise<Availability> {
  if (!api || typeof api.availability !== 'function') return 'unavailable';
  try {
    return normalize(await api.availability());
  } catch {
    return 'unavailable';
  }
}

/** Best availability across the Rewriter and Prompt APIs. */
export async function onDeviceAvailability(apis: OnDeviceApis = detectApis()): Promise<Availability> {
  const [r, p] = await Promise.all([availabilityOf(apis.Rewriter), availabilityOf(apis.LanguageModel)]);
  if (r === 'available' || p === 'available') return 'available';
  if (r === 'downloadable' || p === 'downloadable') return 'downloadable';
  return 'unavailable';
}

const INSTRUCTIONS =
  'Polish this customer-support reply so it reads naturally and warmly. Keep every number, amount, date, id, e-mail address, URL and name exactly as written. ' +
  'Keep every bracketed placeholder such as [date] or [action] unchanged. Do not add promises or guarantees, do not add facts, do not apologize twice. Return only the reply.';

export interface PolishCheck {
  ok: boolean;
  problems: string[];
}

/** The invariants the AI output must meet, relative to the draft and the rule-based suggestion. */
export function checkPolish(draft: string, suggested: string, polished: string, customer = '', channel: Channel = 'email'): PolishCheck {
  const problems: string[] = [];
  if (!polished.trim()) return { ok: false, problems: ['the model returned nothing'] };
  const lost = [...new Set([...lostFacts(draft, polished), ...lostFacts(suggested, polished)])];
  if (lost.length) problems.push(`it dropped ${lost.map((f) => `"${f}"`).join(', ')}`);
  const invented = inventedFacts(polished, [draft, suggested, customer]);
  if (invented.length) problems.push(`it added facts that were not in the draft (${invented.map((f) => `"${f}"`).join(', ')})`);
  const promises = newPromises(suggested, polished);
  if (promises.length) problems.push(`it added a promise (${promises.map((p) => `"${p}"`).join(', ')})`);
  const missingPlaceholders = placeholdersIn(suggested).filter((p) => !polished.includes(p));
  if (missingPlaceholders.length) problems.push(`it filled in or removed ${missingPlaceholders.join(', ')}`);
  const errors = analyze({ reply: polished, customer, channel }).findings.filter((f) => f.severity === 'error');
  if (errors.length) problems.push(`it reads as ${errors.map((f) => f.category.replace('_', ' ')).join(', ')}`);
  return { ok: problems.length === 0, problems };
}

async function runModel(apis: OnDeviceApis, suggested: string): Promise<{ text: string; via: 'rewriter' | 'prompt' } | null> {
  if ((await availabilityOf(apis.Rewriter)) !== 'unavailable' && apis.Rewriter) {
    const session = await apis.Rewriter.create({ tone: 'as-is', format: 'plain-text', length: 'as-is', sharedContext: INSTRUCTIONS });
    try {
      return { text: await session.rewrite(suggested, { context: INSTRUCTIONS }), via: 'rewriter' };
    } finally {
      session.destroy?.();
    }
  }
  if ((await availabilityOf(apis.LanguageModel)) !== 'unavailable' && apis.LanguageModel) {
    const session = await apis.LanguageModel.create({ initialPrompts: [{ role: 'system', content: INSTRUCTIONS }] });
    try {
      return { text: await session.prompt(suggested), via: 'prompt' };
    } finally {
      session.destroy?.();
    }
  }
  return null;
}

/**
 * Polishes the rule-based suggested reply on device. Two call forms:
 * `polishOnDevice(draft, suggested, context?)` and the side panel's
 * `polishOnDevice(suggested, { reply, customer })`.
 */
export async function polishOnDevice(a: string, b: string | PolishContext, c?: Partial<PolishContext>): Promise<PolishResult> {
  const context: PolishContext = typeof b === 'string' ? { ...c, reply: a } : b;
  const suggested = typeof b === 'string' ? b : a;
  const apis = context.apis ?? detectApis();
  let output: { text: string; via: 'rewriter' | 'prompt' } | null;
  try {
    output = await runModel(apis, suggested);
  } catch (e) {
    return { ok: false, message: `The on-device model failed (${e instanceof Error ? e.message : String(e)}); the rule-based reply is unchanged.` };
  }
  if (!output) return { ok: false, message: 'On-device AI is not available in this browser; the rule-based reply is unchanged.' };
  const text = output.text.trim();
  const check = checkPolish(context.reply, suggested, text, context.customer ?? '', context.channel ?? 'email');
  if (!check.ok) return { ok: false, message: `Discarded the on-device version: ${check.problems.join('; ')}.` };
  return { ok: true, text, via: output.via };
}
