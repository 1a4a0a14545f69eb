// Validates training/drafts/*.jsonl files written from training/BRIEF.md:
// JSON per line, known labels, spans that are exact substrings of the reply.
import { readFileSync } from 'node:fs';

const PHRASE = ['defensive', 'blame', 'sarcasm', 'dismissive', 'non_apology', 'policy_shield', 'overpromise', 'shouting', 'insult'];
const MISSING = ['missing_empathy', 'missing_apology', 'missing_next_step', 'escalate'];
const CHANNELS = ['email', 'zendesk', 'marketplace'];

let errors = 0;
const counts = {};
const ids = new Set();
let drafts = 0;
for (const file of process.argv.slice(2)) {
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${file}:${i + 1}`;
    const fail = (msg) => { errors++; console.log(`${where}: ${msg}`); };
    let d;
    try { d = JSON.parse(line); } catch (e) { return fail(`bad JSON (${e.message})`); }
    drafts++;
    if (!d.id || ids.has(d.id)) fail(`missing or duplicate id ${d.id}`);
    ids.add(d.id);
    if (!CHANNELS.includes(d.channel)) fail(`channel ${d.channel}`);
    if (typeof d.customer !== 'string' || typeof d.reply !== 'string' || !d.reply.trim()) fail('customer/reply must be strings, reply non-empty');
    const labels = d.labels ?? [];
    for (const l of labels) if (![...PHRASE, ...MISSING].includes(l)) fail(`unknown label ${l}`);
    for (const s of d.spans ?? []) {
      if (!PHRASE.includes(s.label)) fail(`span label ${s.label}`);
      if (!d.reply.includes(s.text)) fail(`span not in reply: ${JSON.stringify(s.text)}`);
      if (!labels.includes(s.label)) fail(`span label ${s.label} not in labels`);
      counts[s.label] = (counts[s.label] ?? 0) + 1;
    }
    for (const l of labels) if (PHRASE.includes(l) && !(d.spans ?? []).some((s) => s.label === l)) fail(`label ${l} has no span`);
    for (const h of d.hard_negatives ?? []) {
      if (!d.reply.includes(h.text)) fail(`hard negative not in reply: ${JSON.stringify(h.text)}`);
      counts[`hard:${h.near}`] = (counts[`hard:${h.near}`] ?? 0) + 1;
    }
    if (!labels.length) counts.clean_drafts = (counts.clean_drafts ?? 0) + 1;
  });
}
console.log(JSON.stringify({ drafts, errors, counts }, null, 1));
process.exit(errors ? 1 : 0);
