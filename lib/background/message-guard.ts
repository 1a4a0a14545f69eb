// Who may say what to the background. Content scripts run in pages that may be hostile
// (any opted-in site): they may only speak about their own tab, from its top frame, on a
// site the user turned on. Requests that name another tab come only from extension pages.
// Every message is checked for shape and size before it reaches the engine.
import { MAX_SUGGESTION_REFS, type ContentToBackground, type PageToBackground } from '../messages.ts';
import { webHost } from '../ui-sites.ts';

/** The most text a message may carry in one field: the content script's analysis cap. */
export const MAX_MESSAGE_TEXT = 100_000;
const MAX_ID_CHARS = 64;
const MAX_RULE_ID_CHARS = 200;

export type SenderRole =
  | { kind: 'content'; tabId: number; windowId: number; host: string }
  | { kind: 'extension'; windowId?: number };

/** The parts of a runtime.MessageSender this check reads. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; windowId?: number };
}

/** Extension page, content script of a tab's top frame, or nobody we talk to (undefined). */
export function senderRole(sender: SenderLike | undefined, extensionId: string, extensionOrigin: string): SenderRole | undefined {
  if (!sender || sender.id !== extensionId) return undefined;
  const url = sender.url ?? '';
  if (sender.origin === extensionOrigin || url.startsWith(`${extensionOrigin}/`)) return { kind: 'extension', windowId: sender.tab?.windowId };
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0 || sender.frameId !== 0) return undefined;
  const host = webHost(sender.origin && sender.origin !== 'null' ? sender.origin : url);
  if (!host) return undefined;
  return { kind: 'content', tabId, windowId: sender.tab?.windowId ?? -1, host };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max = MAX_MESSAGE_TEXT): v is string => typeof v === 'string' && v.length <= max;
const id = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_CHARS && /^[\w:-]+$/.test(v);
const offset = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_MESSAGE_TEXT;
const tabId = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const oneOf = <T extends string>(v: unknown, values: readonly T[]): v is T => values.includes(v as T);

/** A version a draft could have reached (one per analysis). */
const version = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
/** One finding named by rule and span: every field within the limits a real finding has. */
const findingRef = (v: unknown): boolean => isRecord(v) && text(v.ruleId, MAX_RULE_ID_CHARS) && offset(v.start) && offset(v.end) && (v.start as number) <= (v.end as number);
const findingRefs = (v: unknown): boolean => Array.isArray(v) && v.length > 0 && v.length <= MAX_SUGGESTION_REFS && v.every(findingRef);

const SITES = ['gmail', 'zendesk', 'upwork', 'fiverr', 'generic'] as const;
const EDITOR_KINDS = ['contenteditable', 'ckeditor', 'prosemirror', 'textarea'] as const;
const CHANNELS = ['email', 'zendesk', 'marketplace'] as const;

function validShape(m: Record<string, unknown>): boolean {
  switch (m.type) {
    case 'draft:update':
      return (
        id(m.draftId) && oneOf(m.site, SITES) && oneOf(m.editorKind, EDITOR_KINDS) && oneOf(m.channel, CHANNELS) &&
        typeof m.internalNote === 'boolean' && text(m.reply) && text(m.customer) && (m.truncated === undefined || typeof m.truncated === 'boolean')
      );
    case 'draft:focus':
    case 'draft:closed':
      return id(m.draftId);
    case 'draft:ignore':
      return id(m.draftId) && text(m.ruleId, MAX_RULE_ID_CHARS) && offset(m.start) && offset(m.end) && (m.start as number) <= (m.end as number) && (m.tabId === undefined || tabId(m.tabId));
    case 'draft:apply': {
      const e = m.edit;
      return (
        tabId(m.tabId) && id(m.draftId) && isRecord(e) && offset(e.start) && offset(e.end) && (e.start as number) <= (e.end as number) &&
        text(e.expected) && text(e.replacement)
      );
    }
    case 'draft:suggestions':
      return id(m.draftId) && version(m.version) && findingRefs(m.findings) && (m.tabId === undefined || tabId(m.tabId));
    case 'draft:reveal': {
      const r = m.range;
      return tabId(m.tabId) && id(m.draftId) && isRecord(r) && offset(r.start) && offset(r.end) && (r.start as number) <= (r.end as number) && text(r.expected);
    }
    case 'draft:rephrase':
      return text(m.reply) && text(m.customer) && oneOf(m.channel, CHANNELS) && offset(m.start) && offset(m.end) && (m.start as number) < (m.end as number) && (m.end as number) <= (m.reply as string).length;
    case 'panel:open':
      return true;
    case 'panel:get':
      return m.windowId === undefined || Number.isInteger(m.windowId);
    default:
      return false;
  }
}

/** What each kind of sender may ask. A content script never names a tab: its own is implied. */
function allowed(m: Record<string, unknown>, role: SenderRole): boolean {
  // Suggestions of a draft: a content script asks about its own tab's, an extension page names the tab.
  if (m.type === 'draft:suggestions') return role.kind === 'extension' ? m.tabId !== undefined : m.tabId === undefined;
  if (role.kind === 'extension') return m.type === 'panel:get' || m.type === 'panel:open' || m.type === 'draft:apply' || m.type === 'draft:reveal' || (m.type === 'draft:ignore' && m.tabId !== undefined);
  return m.type === 'draft:update' || m.type === 'draft:rephrase' || m.type === 'draft:focus' || m.type === 'draft:closed' || m.type === 'panel:open' || (m.type === 'draft:ignore' && m.tabId === undefined);
}

/** The message, typed, when its shape is right and its sender may send it; undefined otherwise. */
export function checkedMessage(raw: unknown, role: SenderRole | undefined): ContentToBackground | PageToBackground | undefined {
  if (!role || !isRecord(raw) || !validShape(raw) || !allowed(raw, role)) return undefined;
  return raw as unknown as ContentToBackground | PageToBackground;
}
