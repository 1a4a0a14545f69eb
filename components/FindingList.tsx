// Findings grouped by rule, errors first: each group says what is wrong once
// (title, message, one sentence of advice), offers "Fix all" when the rule
// fires more than once, and lists every place with its own fixes and Ignore.
// Test hooks: data-group on a group; data-category / data-rule-id / data-start on each place.
import type { Finding } from '../analyzers/types.ts';
import type { TextEdit } from '../lib/messages.ts';
import { SEVERITY_LABELS } from '../lib/ui-labels.ts';
import { suggestionButtonText, whyAdvice } from '../lib/ui-card-text.ts';
import type { FindingGroup } from '../lib/ui-priority.ts';
import { suggestionEdit, suggestionPreview } from '../lib/ui-suggestion.ts';
import { PlaceholderText } from './PlaceholderText.tsx';
import { PENDING_SUGGESTIONS } from './useFindingSuggestions.ts';

interface Props {
  reply: string;
  groups: FindingGroup<Finding>[];
  busy: boolean;
  onApply(edit: TextEdit, label: string): void;
  onIgnore(finding: Finding): void;
  /** Scrolls the page to the finding's words and highlights them. */
  onReveal?(finding: Finding): void;
}

/** The element id of a group, so the verdict's "most important" items can jump to it. */
export const groupElementId = (key: string) => `group-${key.replace(/[^a-z0-9-]+/gi, '-')}`;

export function FindingList({ reply, groups, busy, onApply, onIgnore, onReveal }: Props) {
  const total = groups.reduce((n, g) => n + g.findings.length, 0);
  if (total === 0) {
    return (
      <section className="card" aria-labelledby="findings-h">
        <h2 id="findings-h">Flags</h2>
        <p className="good" data-testid="no-findings">
          ✓ Nothing flagged in this reply.
        </p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="findings-h">
      <h2 id="findings-h">
        Flags <span className="count">({total})</span>
      </h2>
      {groups.map((g) => (
        <GroupView key={g.key} reply={reply} group={g} busy={busy} onApply={onApply} onIgnore={onIgnore} onReveal={onReveal} />
      ))}
    </section>
  );
}

function GroupView({ reply, group, busy, onApply, onIgnore, onReveal }: { reply: string; group: FindingGroup<Finding> } & Omit<Props, 'groups' | 'reply'>) {
  const first = group.findings[0];
  const many = group.findings.length > 1;
  const headingId = `${groupElementId(group.key)}-h`;
  return (
    <section
      id={groupElementId(group.key)}
      className={`group sev-${group.severity}`}
      aria-labelledby={headingId}
      tabIndex={-1}
      data-group={group.ruleId}
      data-count={group.findings.length}
      data-severity={group.severity}
    >
      <h3 id={headingId} className="group-title">
        <span className={`badge sev-${group.severity}`}>{SEVERITY_LABELS[group.severity]}</span> {group.title}
        {many && <span className="count"> ×{group.findings.length}</span>}
      </h3>
      <p className="finding-message">{first.message}</p>
      <p className="why">
        <span className="why-label">Why: </span>
        {whyAdvice(first)}
      </p>
      {many && group.fixAll && (
        <div className="actions">
          <button
            type="button"
            className="fix-all"
            disabled={busy}
            onClick={() => onApply(group.fixAll!, `Fix all ${group.findings.length}`)}
          >
            Fix all {group.findings.length}: {first.suggestions[0].label || 'apply the first suggestion'}
          </button>
        </div>
      )}
      {group.findings.map((f) => (
        <article
          key={`${f.ruleId}@${f.start}-${f.end}`}
          className={`finding sev-${f.severity}${f.start === f.end ? ' piece' : ''}`}
          data-category={f.category}
          data-rule-id={f.ruleId}
          data-severity={f.severity}
          data-start={f.start}
        >
          {f.start !== f.end && (
            <p className="finding-head">
              {onReveal ? (
                <button type="button" className="link reveal" title="Show these words in the draft" onClick={() => onReveal(f)}>
                  <q className="flagged">{reply.slice(f.start, f.end)}</q>
                  <span className="vh"> (show in the draft)</span>
                </button>
              ) : (
                <q className="flagged">{reply.slice(f.start, f.end)}</q>
              )}
            </p>
          )}
          {many && f.message !== first.message && <p className="finding-message">{f.message}</p>}
          <div className="actions">
            {f.suggestions === PENDING_SUGGESTIONS && (
              <span className="muted" data-testid="suggestions-loading">
                Finding a better wording…
              </span>
            )}
            {f.suggestions.map((s, i) => {
              const text = suggestionButtonText(reply, f, s);
              return (
                <button
                  key={i}
                  type="button"
                  className="apply"
                  disabled={busy}
                  title={f.start === f.end ? s.replacement : `Reads: ${suggestionPreview(reply, f, s)}`}
                  onClick={() => onApply(suggestionEdit(reply, f, s), text.label)}
                >
                  <span className="apply-label">{text.label}</span>
                  <span className="apply-preview">
                    {' '}
                    {text.kind === 'remove' ? (
                      <>— {text.change}</>
                    ) : (
                      <>
                        → “<PlaceholderText text={text.change} />”
                      </>
                    )}
                  </span>
                </button>
              );
            })}
            <button type="button" className="ignore" onClick={() => onIgnore(f)} aria-label={f.start !== f.end ? `Ignore “${reply.slice(f.start, f.end)}”` : `Ignore: ${group.title}`}>
              Ignore
            </button>
          </div>
        </article>
      ))}
    </section>
  );
}
