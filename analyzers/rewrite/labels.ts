// Button labels for per-finding suggestions, read off what the rewrite does to
// its sentence (removes words, acknowledges, apologizes, offers, leaves a
// placeholder…) rather than off its position in a list: the side panel shows
// the label next to the preview, and a label that says "Keep the content only"
// over "I know this has been a real hassle" costs trust.
import type { Category, Suggestion } from '../types.ts';

const WORD = /[\p{L}\p{N}'’%$€£#-]+/gu;

/** Lower-cased words, quotes around them dropped ("'inspect'" reads as "inspect"). */
function words(s: string): string[] {
  return (s.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/^['’]+|['’]+$/g, '')).filter(Boolean);
}

/**
 * `after`'s words, in order, all taken from `before`: a pure removal. Returns
 * the removed stretches as written in `before` ("as I said", "100%"), or undefined.
 */
function removedRuns(before: string, after: string): string[] | undefined {
  const b = [...before.matchAll(WORD)];
  const a = words(after);
  const runs: string[] = [];
  let j = 0;
  let open: [number, number] | undefined;
  const close = () => {
    if (open) runs.push(before.slice(open[0], open[1]));
    open = undefined;
  };
  for (const m of b) {
    const w = m[0].toLowerCase().replace(/^['’]+|['’]+$/g, '');
    if (!w) continue;
    const at = m.index ?? 0;
    if (j < a.length && a[j] === w) {
      j++;
      close();
    } else if (open) open[1] = at + m[0].length;
    else open = [at, at + m[0].length];
  }
  close();
  return j === a.length ? runs : undefined;
}

/** Words of `after` that `before` did not have (as a multiset). */
function addedText(before: string, after: string): string {
  const pool = words(before);
  const out: string[] = [];
  for (const w of words(after)) {
    const i = pool.indexOf(w);
    if (i >= 0) pool.splice(i, 1);
    else out.push(w);
  }
  return out.join(' ');
}

/** Share of `before`'s content words (3+ letters) still in `after`. */
function kept(before: string, after: string): number {
  const content = words(before).filter((w) => w.length > 3);
  if (content.length === 0) return 0;
  const a = new Set(words(after));
  return content.filter((w) => a.has(w)).length / content.length;
}

const REMOVE_BY_CATEGORY: Partial<Record<Category, string>> = {
  defensive: 'Remove the defensive part',
  blame: 'Remove the blame',
  sarcasm: 'Remove the sarcasm',
  dismissive: 'Remove the brush-off',
  non_apology: 'Remove the non-apology',
  policy_shield: 'Remove the policy reference',
  overpromise: 'Remove the guarantee',
  insult: 'Remove the insult',
};

const RESTATE_BY_CATEGORY: Partial<Record<Category, string>> = {
  defensive: 'Restate it neutrally',
  blame: 'Say it without blame',
  sarcasm: 'Say it sincerely',
  dismissive: 'Say it plainly',
  non_apology: 'Apologize sincerely',
  policy_shield: 'Explain without the policy',
  overpromise: 'Promise only what you can keep',
  insult: 'Say it without the label',
  shouting: 'Use sentence case',
};

/** What an offer in the new words offers. */
function offerLabel(added: string, after: string): string | undefined {
  const t = after.toLowerCase();
  if (/let's make sure i understand what you need/.test(t)) return 'Ask what they need';
  if (/i'd like to get this right/.test(t)) return 'Say you want to get it right';
  if (/let me walk you through|let me explain/.test(t)) return 'Offer to walk them through it';
  if (/\b(?:follow (?:it|this) up|take (?:it|this) up|chase|pass (?:it|this) (?:on|to))\b/.test(t) && /\b(?:follow|take|chase|pass)\b/.test(added)) return 'Offer to follow it up';
  if (/\blet me (?:check|look|go through|find out|see)\b|\blet's (?:find out|check)\b|\blet me know if i've missed\b/.test(t)) return 'Offer to look into it';
  if (/\bi can help\b/.test(t)) return 'Say you can help';
  if (/\b(?:let me help|let's (?:sort|make sure|check))\b/.test(t)) return 'Offer to help';
  if (/\bif it helps\b|\bit might help to\b/.test(t)) return 'Suggest it as an option';
  return undefined;
}

/** A label for one rewrite of `before` (the sentence) into `after` ('' drops it). */
export function describeRewrite(before: string, after: string, category: Category): string {
  if (after.trim() === '') return 'Remove the sentence';
  if (words(before).join(' ') === words(after).join(' ')) {
    const lettersSame = before.replace(/[^\p{L}]/gu, '') === after.replace(/[^\p{L}]/gu, '');
    if (lettersSame) return /[!?]{2,}/.test(before) ? 'Use one punctuation mark' : 'Drop the scare quotes';
    return 'Use sentence case';
  }
  if (/\[alternative\]/.test(after)) {
    if (after.toLowerCase().startsWith(before.replace(/[.!?…]+$/, '').toLowerCase())) return 'Add what you can do instead';
    if (/\b(?:i'm not able to|i can't)\b/i.test(after) && !/\b(?:i'm not able to|i can't)\b/i.test(before) && /myself\b/.test(after)) return 'Own the limit, then offer';
    return /\bbut I can \[alternative\]/i.test(after) ? 'Offer an alternative' : 'Say what you can do instead';
  }
  if (/\[action\]/.test(after)) return "Say what you've done to prevent it";
  if (/\[date\]/.test(after)) return 'Give a date for the update';
  const runs = removedRuns(before, after);
  if (runs) {
    const quoted = before.match(/['‘"“][\p{L}-]+(?: [\p{L}-]+)?['’"”]/gu);
    if (quoted && runs.every((r) => quoted.some((q) => q.includes(r)))) return 'Drop the doubted word';
    const n = runs.reduce((k, r) => k + words(r).length, 0);
    if (runs.length === 1 && n <= 6) return `Cut “${runs[0]}”`;
    if (runs.length === 2 && n <= 4) return `Cut “${runs[0]}” and “${runs[1]}”`;
    return REMOVE_BY_CATEGORY[category] ?? 'Remove this phrase';
  }
  const added = addedText(before, after);
  const keepsContent = kept(before, after) >= 0.5;
  if (/\b(?:sorry|apologi[sz]e|apologies)\b/.test(added) || (category === 'non_apology' && /\b(?:sorry|apologi[sz]e)\b/i.test(after))) {
    if (/\bwe (?:got|didn't|should|made)\b|\bour mistake\b|\bshould have caught\b/i.test(after)) return 'Own the mistake';
    if (/\beasy to miss\b/i.test(after)) return 'Apologize it was easy to miss';
    if (/\bextra step\b/i.test(after)) return 'Apologize and pass it on';
    if (/\bgot through\b/i.test(after)) return 'Apologize it got through';
    const about = /\bsorry (?:about|for) ((?:the|this|your|our) [\p{L} -]{1,30}?)(?=[.,!?;]|$)/iu.exec(after);
    const what = about ? about[1].replace(/^(?:the|this) trouble.*$/i, 'the trouble') : undefined;
    const head =
      what && what.split(/\s+/).length <= 4
        ? `Apologize for ${what}`
        : /\bsorry (?:this|that) happened\b/i.test(after)
          ? 'Apologize for what happened'
          : /\b(?:wasn't|weren't) clearer\b/i.test(after)
            ? 'Apologize it wasn’t clearer'
            : /\bexplained better\b/i.test(after)
              ? 'Apologize for the explanation'
              : /\blet you down\b/i.test(after)
                ? 'Apologize it let them down'
                : /\bwhat you expected\b/i.test(after)
                  ? 'Apologize it fell short'
                  : 'Apologize sincerely';
    if (!keepsContent) return head;
    if (/[.!?]\s+\p{Lu}/u.test(after.trim())) return `${head}, then explain`;
    return /,\s*but\b/i.test(after) ? `${head}, keeping the “but”` : head;
  }
  if (/\b(?:understand|frustrating|hassle|see why)\b/.test(added)) {
    const head = /\bhassle\b/.test(added) ? 'Acknowledge the hassle' : /\bsee why\b/.test(added) && !/\bframe\b/.test(added) ? 'Show you see why' : 'Acknowledge the frustration';
    return keepsContent && /[.!?]\s+\p{Lu}/u.test(after.trim()) ? `${head}, then explain` : head;
  }
  if (/\bthanks?\b|\bthank you\b/.test(added)) {
    if (/\bpatience\b/i.test(after)) return 'Thank them for their patience';
    if (/\bbearing with\b/i.test(after)) return 'Thank them for bearing with you';
    if (/\bfor (?:flagging|spotting|noticing|catching|finding|raising)\b/i.test(after)) return 'Thank them for raising it';
    return 'Thank them instead';
  }
  if (/\bglad you raised\b/i.test(after)) return 'Welcome the report';
  if (/\?\s*$/.test(after) && /\?+\s*$/.test(before)) return 'Ask it plainly';
  if (/\bas soon as\b/.test(added)) return 'Say “as soon as”';
  if (category === 'overpromise' || /\b(?:guarantee|promise|assure|100)\b/i.test(before)) {
    if (/\bi expect\b/.test(added)) return 'Soften to “I expect”';
    if (/\bshould(?:n't)?\b/.test(added)) return /\bshouldn't\b/.test(added) ? 'Soften to “shouldn’t”' : 'Soften to “should”';
    if (/\bconfident\b/.test(added)) return 'Soften to “confident”';
    if (/\bprevent\b/.test(added)) return /\beverything we can\b/.test(added) ? 'Say you’re working to prevent it' : 'Say you’ll help prevent a repeat';
  }
  if (/\bi expect\b/.test(added)) return 'Say what you expect';
  if (/\bshould clear up\b/i.test(after)) return 'Say it should clear up';
  if (/\bi missed\b/.test(added)) return 'Say you missed it';
  if (/\bi didn't have\b/.test(added)) return 'Say what you were missing';
  if (/\bdidn't reach you\b/i.test(after) && /\breach\b/.test(added)) return 'Say it didn’t reach them';
  if (/\bmay not have reached\b/i.test(after)) return 'Say it may not have reached them';
  if (/\bdidn't come through\b/i.test(after)) return 'Say it didn’t come through';
  if (/\bdon't see\b.*\bon my side\b/i.test(after)) return 'Say you don’t see it yet';
  if (/\beasy to miss\b/i.test(after)) return 'Say it was easy to miss';
  if (/\bour records show\b/i.test(after) && !/\bour records show\b/i.test(before)) return 'Say what the records show';
  if (/\bshould have let you know\b/i.test(after)) return 'Own the missing heads-up';
  if (/\bshould have caught\b/i.test(after)) return 'Own the mistake';
  if (/^i have .* down as\b/i.test(after) || /\bnotes show\b/i.test(added)) return /\blet me\b/i.test(added) ? 'Say what your notes show, offer to look' : 'Say what your notes show';
  if (/^from what i can see\b/i.test(after)) return 'Say it as what you can see';
  if (/\bas i read it\b/i.test(after)) return 'Say it as your reading';
  const offer = offerLabel(added, after);
  // "Every jacket is normally measured…, so let me check": the statement stays (softened) and an offer follows.
  const sameOpening = words(before).slice(0, 2).join(' ') === words(after).slice(0, 2).join(' ') || /\b(?:normally|looks?|shows)\b/.test(added);
  if (offer) return keepsContent && sameOpening && !/^(?:Ask|Say you)/.test(offer) ? `Keep the point, ${offer[0].toLowerCase()}${offer.slice(1)}` : offer;
  if (/\bnormally\b/.test(added)) return 'Soften “always” to “normally”';
  if (/\b(?:it looks like|may have|might have|didn't (?:reach|come through)|easy to miss)\b/.test(added + ' ' + after.toLowerCase()) && category === 'blame') return 'Say it without blame';
  if (/\b(?:on file|our records|i can see|on my side|from what i can see|i don't see|i can't find)\b/.test(after.toLowerCase())) return 'Say what you can see';
  return RESTATE_BY_CATEGORY[category] ?? 'Rephrase';
}

/** Words one text has and the other lacks, both ways. */
function wordDiff(a: string, b: string): number {
  const norm = (t: string) => words(t.replace(/’/g, "'"));
  const x = norm(a);
  const y = norm(b);
  return x.filter((w) => !y.includes(w)).length + y.filter((w) => !x.includes(w)).length;
}

/**
 * Labels within one finding stay distinct: an option that says the same as an
 * earlier one in other small words ("sorry about the trouble" / "sorry for the
 * trouble") goes, and a repeated label says how the later option differs.
 */
export function distinctLabels(suggestions: Suggestion[]): Suggestion[] {
  const seen = new Map<string, number>();
  const kept = suggestions.filter((sg, i) => !suggestions.slice(0, i).some((o) => o.label === sg.label && wordDiff(o.replacement, sg.replacement) <= 3));
  return kept.map((sg, i) => {
    const first = seen.get(sg.label);
    if (first === undefined) {
      seen.set(sg.label, i);
      return sg;
    }
    const other = kept[first].replacement;
    const note = sg.replacement.length < other.length ? 'shorter' : sg.replacement.length > other.length ? 'longer' : 'other wording';
    let label = `${sg.label} (${note})`;
    for (let n = 2; seen.has(label); n++) label = `${sg.label} (${note} ${n})`;
    seen.set(label, i);
    return { ...sg, label };
  });
}
