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
}

/** 'blame/check-your-spam' → 'Check your spam'. */
export function titleFromId(id: string): string {
  const words = (id.split('/').pop() ?? id).replace(/[-_]+/g, ' ').trim();
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
    entries.push({ id, title, description, category: r.category });
  }
  return entries;
}

export function rulesByCategory(rules: readonly RuleEntry[]): Map<Category, RuleEntry[]> {
  const map = new Map<Category, RuleEntry[]>(CATEGORIES.map((c) => [c, []]));
  for (const r of rules) map.get(r.category)!.push(r);
  return map;
}
