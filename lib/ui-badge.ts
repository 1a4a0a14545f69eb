// The number on the editor-corner badge: what still blocks sending (errors and
// warnings), without missing pieces before the draft has a body. Pure: no DOM.
import type { Finding } from '../analyzers/types.ts';
import { draftStage } from './ui-draft-stage.ts';

export function badgeCount(reply: string, findings: readonly Omit<Finding, 'suggestions'>[]): number {
  const started = draftStage(reply) === 'body';
  return findings.filter((f) => f.severity !== 'info' && (started || f.start !== f.end)).length;
}
