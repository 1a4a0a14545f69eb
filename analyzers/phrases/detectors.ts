// Built-in detectors for what a phrase pattern cannot express: shouting in
// capitals (telling words from acronyms and ids) and stacked !!/??/?!.

/** Common all-caps tokens that are not shouting. */
const ACRONYMS = new Set(
  (
    'OK PDF VAT USD EUR GBP CAD AUD JPY CHF SEK NOK DKK ASAP FAQ ID IDS URL API SMS MMS CEO CTO CFO HR IT PC PIN ' +
    'UK US USA EU UN NYC LA UTC GMT CET EST PST CST BST AM PM TV DVD CD USB HDMI GPS ATM SSN IBAN BIC SWIFT RMA ' +
    'SKU QA UX UI CSV JSON XML HTML CSS PNG JPG JPEG GIF SVG MP3 MP4 ZIP RAR DOC DOCX XLS XLSX PPT AI PSD EPS ' +
    'SSL VPN DNS IP ISP LAN WAN WIFI NDA SLA KPI ROI CRM ERP SEO SaaS DIY FYI BTW TBD ETA EOD COB NB PS RE FW ' +
    'IOS MAC IBM AWS GCP SQL PHP CPU GPU RAM SSD HDD LED LCD OLED HD UHD AC DC CO2 AAA AA VIP DM PM2 NHS IRS HMRC ' +
    'GDPR CCPA PCI DSS ISO EN DE FR ES NL SE NO DK FI PL IT PT TBA RSVP ETD FedEx UPS DHL USPS TNT KYC AML ' +
    'LTD LLC INC GMBH AG SA BV AB OY PLC CV MBA PHD MD DDS RN CPA ESQ JR SR II III IV VI VII VIII IX XI XII'
  ).split(/\s+/).map((s) => s.toUpperCase()),
);

export interface DetectorHit {
  start: number;
  end: number;
}

const CAPS_TOKEN = /(?<![\p{L}\p{N}\-_/.@#])\p{Lu}[\p{Lu}'’]*\p{Lu}(?![\p{L}\p{N}\-_/@#]|\.\p{L})/gu;

function isShoutWord(word: string): boolean {
  const bare = word.replace(/['’]S$/u, '').replace(/['’]/g, '');
  return !ACRONYMS.has(bare) && /[AEIOUY]/.test(bare);
}

/** Capitals that cite rather than raise the voice: a keyword to send, a button, a sign, a label. */
const CITED_BEFORE = /\b(?:reply|replying|text|texting|type|typing|enter|press|click|tap|select|choose|marked|labelled|labeled|says|reads|keyword|code|word|button|option|status|tab)\s*:?\s*$/i;
/** Boilerplate footers are written in capitals by law firms and insurers, not at the customer. */
const LEGAL_FOOTER = /\b(?:CONFIDENTIAL|REGISTERED|AUTHORI[SZ]ED|REGULATED|INTENDED|ADDRESSEE|DISCLAIMER|NOTICE|RECIPIENT|LIABILITY|PRIVILEGED|MONITORING|RECORDED|ATTEMPT TO COLLECT)\b/;
/** Capitals that celebrate with a happy customer ("CONGRATULATIONS, Fiona!"). */
const CELEBRATION = new Set(['CONGRATULATIONS', 'CONGRATS', 'HAPPY', 'BIRTHDAY', 'ANNIVERSARY', 'WELCOME', 'HOORAY', 'YAY', 'WOOHOO', 'BRAVO', 'CHEERS']);

/** Whether [start, end) sits between a pair of quotation marks of the sentence. */
function insideQuotes(sentence: string, start: number, end: number): boolean {
  const before = sentence.slice(0, start);
  const after = sentence.slice(end);
  const opensDouble = (before.match(/["“”]/g) ?? []).length % 2 === 1 && /["“”]/.test(after);
  const opensSingle = /(?:^|[\s(:])['‘][^'‘’]*$/.test(before) && /^[^'‘’]*['’](?![\p{L}])/u.test(after);
  return opensDouble || opensSingle;
}

/** A caps run that is cited, celebratory or boilerplate rather than shouted. */
function notShouted(sentence: string, start: number, end: number): boolean {
  const run = sentence.slice(start, end);
  if (insideQuotes(sentence, start, end)) return true;
  if (CITED_BEFORE.test(sentence.slice(0, start))) return true;
  if (run.split(/[^\p{L}]+/u).filter(Boolean).every((w) => CELEBRATION.has(w))) return true;
  const capsWords = (run.match(/\p{Lu}{2,}/gu) ?? []).length;
  return capsWords >= 5 && LEGAL_FOOTER.test(run);
}

/**
 * Shouting: a run of two or more capitalized words (not acronyms), or one
 * capitalized word of five letters or more that is not a known acronym.
 * A sentence that is mostly lower case with one acronym is never flagged,
 * nor are quoted, cited, celebratory or legal-footer capitals.
 */
export function detectCaps(sentence: string): DetectorHit[] {
  const hits: DetectorHit[] = [];
  const words: { start: number; end: number; shout: boolean }[] = [];
  for (const m of sentence.matchAll(CAPS_TOKEN)) {
    words.push({ start: m.index!, end: m.index! + m[0].length, shout: isShoutWord(m[0]) });
  }
  let k = 0;
  while (k < words.length) {
    if (!words[k].shout) {
      k++;
      continue;
    }
    let j = k;
    // Extend the run while only spaces/punctuation separate capital words ("DO NOT, EVER").
    while (j + 1 < words.length && /^[\s,!?.'’-]*$/.test(sentence.slice(words[j].end, words[j + 1].start)) && (words[j + 1].shout || j + 2 < words.length)) j++;
    while (j > k && !words[j].shout) j--;
    const runLength = j - k + 1;
    const first = words[k];
    if ((runLength >= 2 || first.end - first.start >= 5) && !notShouted(sentence, first.start, words[j].end)) hits.push({ start: first.start, end: words[j].end });
    k = j + 1;
  }
  // Single-letter "I" and "A" are fine; a caps run containing them is already covered above.
  return hits;
}

/** "!!", "???", "?!" — stacked punctuation reads as raised voice. */
export function detectStackedPunctuation(sentence: string): DetectorHit[] {
  const hits: DetectorHit[] = [];
  for (const m of sentence.matchAll(/[!?]{2,}/g)) hits.push({ start: m.index!, end: m.index! + m[0].length });
  return hits;
}

export const DETECTOR_FUNCTIONS: Record<string, (sentence: string) => DetectorHit[]> = {
  caps: detectCaps,
  stacked_punctuation: detectStackedPunctuation,
};
