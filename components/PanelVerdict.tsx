// The top of the side panel: one line saying where the reply stands, and the
// two or three things that matter most; each jumps to its group below.
import type { Verdict } from '../lib/ui-priority.ts';
import { SEVERITY_LABELS } from '../lib/ui-labels.ts';
import { groupElementId } from './FindingList.tsx';

/** Scrolls a group of findings into view and moves keyboard focus to it; false when it is not on the page. */
export function jumpTo(groupKey: string): boolean {
  const el = document.getElementById(groupElementId(groupKey));
  if (!el) return false;
  el.scrollIntoView({ block: 'start', behavior: 'smooth' });
  el.focus({ preventScroll: true });
  return true;
}

export function PanelVerdict({ verdict }: { verdict: Verdict }) {
  return (
    <section className={`verdict panel-verdict verdict-${verdict.kind}`} aria-labelledby="verdict-h" data-testid="verdict" data-kind={verdict.kind}>
      <h2 id="verdict-h" className="verdict-line">
        {verdict.text}
      </h2>
      {verdict.top.length > 0 && (
        <ol className="top-issues" data-testid="top-issues" aria-label="Most important">
          {verdict.top.map((item) => (
            <li key={item.groupKey} data-group={item.groupKey}>
              <button type="button" className="link jump" onClick={() => jumpTo(item.groupKey)}>
                <span className={`badge sev-${item.severity}`}>{SEVERITY_LABELS[item.severity]}</span> {item.text}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
