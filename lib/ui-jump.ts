// "Show me": the popup asks the side panel to bring one group of findings into
// view. The request goes through storage.session (extension pages only), which
// the panel reads when it opens and whenever it changes.
export const JUMP_KEY = 'tactful:jump-to-group';

export interface JumpRequest {
  groupKey: string;
  /** When it was asked; an old request (a panel opened much later) is ignored. */
  at: number;
}

const MAX_AGE_MS = 30_000;

/** The group to jump to, if `value` is a fresh request. */
export function freshJump(value: unknown, now = Date.now()): string | null {
  if (!value || typeof value !== 'object') return null;
  const r = value as Partial<JumpRequest>;
  return typeof r.groupKey === 'string' && typeof r.at === 'number' && now - r.at >= 0 && now - r.at < MAX_AGE_MS ? r.groupKey : null;
}
