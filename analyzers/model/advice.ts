// What a model finding says. The model knows the move, not the phrase, so its
// message names the move in plain words; the card adds the words that drove
// the score. Rationales cite the playbook line each move comes from.
import type { Category } from '../types.ts';

type PhraseCategory = Exclude<Category, `missing_${string}`>;

export const MODEL_ADVICE: Record<PhraseCategory, { message: string; rationale: string }> = {
  defensive: {
    message: 'This reads as proving yourself right rather than helping; lead with what you will do.',
    rationale: 'Playbook B, defensive (000 §2, 002): "even if the customer is wrong, pointing it out only makes it worse"',
  },
  blame: {
    message: 'This places the cause on the customer or someone else; own the problem and say what you will do.',
    rationale: 'Playbook B, blame-shifting (002): "most common mistake: looking for the cause in the customer himself"; 004: don\'t throw staff under the bus',
  },
  sarcasm: {
    message: 'This may read as sarcastic or falsely polite to someone who is already upset.',
    rationale: 'Playbook B, sarcasm / false politeness (002): "never resort to sarcasm or obviously false politeness"',
  },
  dismissive: {
    message: 'This makes the problem sound smaller than it feels to them, or tells them how to feel.',
    rationale: 'Playbook B, dismissive (003): "nothing heats up an upset customer faster than being told to calm down"',
  },
  non_apology: {
    message: 'This apology may read as hollow or conditional; apologize for their experience, plainly.',
    rationale: 'Playbook B, non-apology (003, 002): "an apology that blames or retracts"; Playbook A step 3: "Apologizing does not admit guilt"',
  },
  policy_shield: {
    message: 'This gives a rule or a limit as the whole answer; add what you can do instead.',
    rationale: 'Playbook B, hiding behind policy (002 §6): "powerlessness creates a new emotional problem"',
  },
  overpromise: {
    message: 'This promises more than you may be able to keep; say what you will do and when.',
    rationale: 'Playbook B, over-promising (003): "don\'t promise what you can\'t deliver"; Playbook A step 8',
  },
  shouting: {
    message: 'Capitals or stacked punctuation read as shouting.',
    rationale: 'Playbook B, shouting (002): ALL CAPS and stacked "!!!" or "???" are themselves signs of anger',
  },
  insult: {
    message: 'This may read as contempt for the customer or their request.',
    rationale: 'Playbook B, insult / contempt (003): "the labels you give a customer change how you speak to them"',
  },
};
