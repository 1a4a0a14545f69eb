// Caps that keep one page, pack or draft from stalling the shared worker.

/** Team phrases read from settings; a pack may not hold more. */
export const MAX_TEAM_PHRASES = 500;

/** Findings kept per draft: every missing piece, then the first phrase findings in reading order. */
export const MAX_FINDINGS = 200;

/** Keeps at most MAX_FINDINGS, missing pieces (no span) always, phrase findings by position. */
export function capFindings<F extends { start: number; end: number }>(findings: F[]): F[] {
  if (findings.length <= MAX_FINDINGS) return findings;
  const phrases = findings.filter((f) => f.end > f.start);
  const room = Math.max(0, MAX_FINDINGS - (findings.length - phrases.length));
  const kept = new Set(phrases.sort((a, b) => a.start - b.start).slice(0, room));
  return findings.filter((f) => f.end <= f.start || kept.has(f));
}
