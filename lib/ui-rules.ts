// The rule list shown on the options page. The engine may publish
// rules/compiled.json; its exact shape is the engine's, so read it tolerantly
// and fall back to categories only when it is absent or unreadable.
import { CATEGORIES, type Category } from '../analyzers/types.ts';

export interface RuleEntry {
  id: string;
  title: string;
  /** What the rule flags, when the engine says so. */
  description?: string;
  category: Category;
  /** A sentence the rule flags, and one it lets pass (from the rule's own examples). */
  flagExample?: string;
  passExample?: string;
}

/** 'blame/check-your-spam' → 'Check your spam'; the 'x-' prefix of later rule batches is not part of the name. */
export function titleFromId(id: string): string {
  const words = (id.split('/').pop() ?? id).replace(/^x-/, '').replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const isCategory = (v: unknown): v is Category => (CATEGORIES as readonly unknown[]).includes(v);

/** Accepts a list of rules, `{ rules: [...] }`, or an id → rule map; ignores entries without id + known category. */
export function ruleCatalog(compiled: unknown): RuleEntry[] {
  const root = compiled && typeof compiled === 'object' && 'default' in compiled ? (compiled as { default: unknown }).default : compiled;
  let list: unknown[] = [];
  if (Array.isArray(root)) list = root;
  else if (root && typeof root === 'object') {
    const rules = (root as Record<string, unknown>).rules;
    if (Array.isArray(rules)) list = rules;
    else if (rules && typeof rules === 'object') list = Object.entries(rules).map(([id, r]) => ({ id, ...(r as object) }));
  }
  const seen = new Set<string>();
  const entries: RuleEntry[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const r = item as Record<string, unknown>;
    const id = typeof r.id === 'string' ? r.id : typeof r.ruleId === 'string' ? r.ruleId : '';
    if (!id || seen.has(id) || !isCategory(r.category)) continue;
    seen.add(id);
    const title = [r.title, r.name].find((t): t is string => typeof t === 'string' && t.trim() !== '') ?? titleFromId(id);
    const description = typeof r.message === 'string' ? r.message : undefined;
    const examples = (r.examples && typeof r.examples === 'object' ? r.examples : {}) as { flag?: unknown; pass?: unknown };
    const first = (list: unknown) => (Array.isArray(list) ? list.find((x): x is string => typeof x === 'string' && x.trim() !== '') : undefined);
    entries.push({ id, title, description, category: r.category, flagExample: first(examples.flag), passExample: first(examples.pass) });
  }
  // Two rules of one category with the same name ("Brush off" twice) are told apart.
  const named = new Map<string, number>();
  for (const e of entries) {
    const key = `${e.category}|${e.title.toLowerCase()}`;
    const n = (named.get(key) ?? 0) + 1;
    named.set(key, n);
    if (n > 1) e.title = `${e.title} (more wordings${n > 2 ? ` ${n - 1}` : ''})`;
  }
  return entries;
}

/** Whether a rule matches the options page's search box (name, description or examples, any case). */
export function ruleMatches(rule: RuleEntry, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [rule.title, rule.description, rule.flagExample, rule.passExample, rule.id].some((t) => t?.toLowerCase().includes(q));
}

export function rulesByCategory(rules: readonly RuleEntry[]): Map<Category, RuleEntry[]> {
  const map = new Map<Category, RuleEntry[]>(CATEGORIES.map((c) => [c, []]));
  for (const r of rules) map.get(r.category)!.push(r);
  return map;
}
