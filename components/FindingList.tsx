// Findings grouped by category, each with its explanation, suggestions
// (Apply …) and Ignore. Test hooks: data-category / data-rule-id on each finding.
import { CATEGORIES, type Category, type Finding } from '../analyzers/types.ts';
import type { TextEdit } from '../lib/messages.ts';
import { CATEGORY_LABELS, SEVERITY_LABELS } from '../lib/ui-labels.ts';
import { PlaceholderText } from './PlaceholderText.tsx';
import { suggestionEdit, suggestionPreview } from '../lib/ui-suggestion.ts';

interface Props {
  reply: string;
  findings: Finding[];
  busy: boolean;
  onApply(edit: TextEdit, label: string): void;
  onIgnore(finding: Finding): void;
}

export function FindingList({ reply, findings, busy, onApply, onIgnore }: Props) {
  if (findings.length === 0) {
    return (
      <section className="card" aria-labelledby="findings-h">
        <h2 id="findings-h">Flags</h2>
        <p className="good" data-testid="no-findings">
          ✓ Nothing flagged in this reply.
        </p>
      </section>
    );
  }
  const groups = new Map<Category, Finding[]>();
  for (const f of findings) groups.set(f.category, [...(groups.get(f.category) ?? []), f]);
  const ordered = CATEGORIES.filter((c) => groups.has(c));
  return (
    <section className="card" aria-labelledby="findings-h">
      <h2 id="findings-h">
        Flags <span className="count">({findings.length})</span>
      </h2>
      {ordered.map((category) => (
        <section key={category} className="group" aria-label={CATEGORY_LABELS[category]}>
          <h3>{CATEGORY_LABELS[category]}</h3>
          {groups.get(category)!.map((f) => (
            <article
              key={`${f.ruleId}@${f.start}-${f.end}`}
              className={`finding sev-${f.severity}`}
              data-category={f.category}
              data-rule-id={f.ruleId}
              data-severity={f.severity}
              data-start={f.start}
            >
              <p className="finding-head">
                <span className={`badge sev-${f.severity}`}>{SEVERITY_LABELS[f.severity]}</span>{' '}
                {f.start !== f.end && <q className="flagged">{reply.slice(f.start, f.end)}</q>} <span>{f.message}</span>
              </p>
              <details>
                <summary>Why</summary>
                <p className="rationale">{f.rationale}</p>
              </details>
              <div className="actions">
                {f.suggestions.map((s, i) => {
                  // Labels describe the change ("Cut “As I said”", "Say it without blame"); without one, quote the new words.
                  const label = s.label ? `Apply: ${s.label}` : `Apply “${s.replacement}”`;
                  // Labels can repeat within a finding; the preview tells the options apart.
                  const preview = suggestionPreview(reply, f, s);
                  return (
                    <button
                      key={i}
                      type="button"
                      className="apply"
                      disabled={busy}
                      title={s.replacement}
                      onClick={() => onApply(suggestionEdit(reply, f, s), label)}
                    >
                      {s.label ? `Apply: ${s.label}` : <>Apply “<PlaceholderText text={s.replacement} />”</>}
                      {s.label && preview && (
                        <span className="apply-preview">
                          {' '}
                          → <PlaceholderText text={preview} />
                        </span>
                      )}
                    </button>
                  );
                })}
                <button type="button" className="ignore" onClick={() => onIgnore(f)}>
                  Ignore
                </button>
              </div>
            </article>
          ))}
        </section>
      ))}
    </section>
  );
}
