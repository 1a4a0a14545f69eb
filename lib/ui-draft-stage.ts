// Whether a draft has a body yet. An empty reply, or one holding only a
// greeting, a sign-off or quoted history, has nothing to judge: asking it for
// empathy, an apology and a next step is noise. Pure: no DOM.

export type DraftStage = 'empty' | 'body';

const GREETING = /^(hi|hello|hey|dear|good (morning|afternoon|evening)|greetings|hiya)\b[^.!?\n]{0,40}[,!.:]?$/i;
const SIGN_OFF =
  /^(best|best regards|kind regards|warm regards|regards|cheers|thanks|thank you|many thanks|sincerely|yours|all the best|talk soon|take care)\b[^\n]{0,20}[,!.]?$/i;
const QUOTE_START = /^On .{4,200} wrote:\s*$/;

/** The lines of the reply an agent wrote as its body: no greeting, sign-off, name line or quoted history. */
export function bodyText(reply: string): string {
  const lines = reply.split('\n').map((l) => l.trim());
  const kept: string[] = [];
  for (const line of lines) {
    if (QUOTE_START.test(line) || line === '--' || line === '-- ') break; // history or signature block follows
    if (!line || line.startsWith('>')) continue;
    kept.push(line);
  }
  if (kept.length && GREETING.test(kept[0])) kept.shift();
  // A sign-off ends the body; a short name line may follow it.
  const signOff = kept.findIndex((l) => SIGN_OFF.test(l));
  if (signOff >= 0 && kept.length - signOff <= 3) kept.splice(signOff);
  return kept.join('\n');
}

/**
 * 'body' once the reply has a finished sentence or a few lines' worth of
 * words of its own beyond greeting and sign-off; 'empty' before.
 */
export function draftStage(reply: string): DraftStage {
  const body = bodyText(reply);
  const words = body.split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w));
  const finishedSentence = /\p{L}[^.!?]*[.!?]/u.test(body);
  return words.length >= 8 || (words.length >= 1 && finishedSentence) ? 'body' : 'empty';
}
