// Features of a whole draft for the missing-piece head of the tone model:
// does this customer's message call for empathy, an apology, a next step, and
// does the reply give them? The rules' own reading is part of the input (what
// they think the customer needs, which moves they found in the reply), so the
// model learns where to trust it: "export my data" needs no apology; "a week
// without internet" does, however calmly it is put.
import type { CustomerReport } from '../context.ts';
import type { Draft } from '../text/draft.ts';
import type { Channel, Finding } from '../types.ts';
import type { ReplyMoves } from '../missing.ts';
import { FeatureBuilder, type FeatureVector } from './features.ts';

export interface DraftReading {
  draft: Draft;
  customer: CustomerReport;
  channel: Channel;
  moves: ReplyMoves;
  /** Phrase findings after the sentence head (what the reply does wrong). */
  phraseFindings: Finding[];
  /** Missing pieces the rules raised. */
  ruleMissing: Finding[];
}

/** A customer message or reply longer than this is read from its start only (pasted logs). */
const MAX_CHARS = 3000;

export function draftFeatures(reading: DraftReading): FeatureVector {
  const { draft, customer, channel, moves, phraseFindings, ruleMissing } = reading;
  const f = new FeatureBuilder();
  const customerText = customer.text.slice(0, MAX_CHARS);
  if (customerText.trim()) f.addWords('c', customerText, false);
  else f.add('c:empty', 1);
  f.add(`c:level_${customer.level}`, 1);
  if (customer.hasProblem) f.add('c:problem', 1);
  if (customer.needsEmpathy) f.add('c:needs_empathy', 1);
  if (customer.selfCaused) f.add('c:self_caused', 1);
  if ((customer.stakes?.length ?? 0) > 0) f.add('c:stakes', 1);
  if (customer.escalate) f.add('c:escalate', 1);
  if (/\?/.test(customerText)) f.add('c:question', 1);

  const body = draft.reply.slice(draft.body.start, Math.min(draft.body.end, draft.body.start + MAX_CHARS));
  f.addWords('r', body, false, 0.7);
  const sentences = draft.sentences.length;
  f.add(`r:sentences_${sentences <= 1 ? 1 : sentences <= 3 ? 3 : sentences <= 6 ? 6 : 'many'}`, 1);
  for (const [move, sentence] of Object.entries(moves)) if (sentence) f.add(`m:${move}`, 1);
  for (const category of new Set(phraseFindings.filter((x) => x.severity !== 'info').map((x) => x.category))) f.add(`p:${category}`, 1);
  for (const x of ruleMissing) f.add(`rule:${x.category}:${x.severity}`, 1);
  f.add(`ch:${channel}`, 1);
  f.add('bias', 1);
  return f.build();
}
