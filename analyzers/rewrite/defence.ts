// Whether the reply still argues that the customer's problem is not one: "the
// files are exactly the size you approved" beside the problem "the wrong
// size". An apology naming that problem would then contradict the next
// sentence, so the suggested reply apologizes for the experience instead.

/** Insisting we got it right, or that they chose it. */
const DEFENCE =
  /\b(?:exactly|precisely|(?:is|are|was|were) (?:correct|accurate|right|as (?:described|ordered|agreed))|as (?:you )?(?:approved|ordered|requested|agreed|specified)|what you (?:approved|ordered|asked for|requested|chose|selected)|you (?:approved|signed off|agreed to|chose|selected|ordered)|not (?:our|my) (?:fault|mistake|error)|(?:we|i) did nothing wrong)\b/i;

const STOP = new Set(['this', 'that', 'with', 'your', 'from', 'have', 'been', 'about', 'their', 'there', 'they', 'them', 'some', 'wrong', 'issue', 'problem', 'trouble']);

function contentWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => !STOP.has(w)));
}

/** True when a sentence defends the point `problem` names (or, with no problem read, defends at all). */
export function defendsPoint(sentences: string[], problem: string | undefined): boolean {
  const words = problem ? contentWords(problem) : undefined;
  return sentences.some((s) => {
    if (!DEFENCE.test(s)) return false;
    if (!words || words.size === 0) return true;
    const own = contentWords(s);
    return [...words].some((w) => own.has(w) || own.has(w.replace(/s$/, '')) || own.has(`${w}s`));
  });
}
