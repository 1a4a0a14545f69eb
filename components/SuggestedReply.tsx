// The whole suggested reply as a diff against the draft: accept all (one
// TextEdit, one undo step), accept one change, or dismiss. It sits near the
// top of the panel, folded: the diff opens on request.
import { useState } from 'react';
import type { AnalyzeOptions, Channel } from '../analyzers/types.ts';
import type { TextEdit } from '../lib/messages.ts';
import { diffSegments, editForAll, editForOne, usableEdits } from '../lib/ui-diff.ts';
import { PlaceholderText } from './PlaceholderText.tsx';
import { PolishOnDevice } from './PolishOnDevice.tsx';
import { useSuggestion } from './useSuggestion.ts';

interface Props {
  reply: string;
  customer: string;
  channel: Channel;
  voice: 'formal' | 'warm';
  options: AnalyzeOptions;
  busy: boolean;
  onApply(edit: TextEdit, label: string): void;
  onDismiss(): void;
}

export function SuggestedReply({ reply, customer, channel, voice, options, busy, onApply, onDismiss }: Props) {
  const suggestion = useSuggestion({ reply, customer, channel }, { voice, ...options });
  const [open, setOpen] = useState(false);

  if (suggestion.kind === 'computing') {
    return (
      <section className="card" aria-labelledby="suggest-h" aria-busy="true">
        <h2 id="suggest-h">Suggested reply</h2>
        <p className="muted" data-testid="suggestion-computing">
          Building a suggestion…
        </p>
      </section>
    );
  }
  if (suggestion.kind === 'failed') {
    return (
      <section className="card" aria-labelledby="suggest-h">
        <h2 id="suggest-h">Suggested reply</h2>
        <p className="notice error">Could not build a suggestion: {suggestion.message}</p>
      </section>
    );
  }
  const edits = usableEdits(reply, suggestion.result.edits);
  if (edits.length === 0) {
    return (
      <section className="card" aria-labelledby="suggest-h">
        <h2 id="suggest-h">Suggested reply</h2>
        <p className="muted" data-testid="no-suggestion">
          No changes to suggest.
        </p>
      </section>
    );
  }
  const all = editForAll(reply, edits)!;
  return (
    <section className="card" aria-labelledby="suggest-h" data-testid="suggested-reply" data-open={open}>
      <h2 id="suggest-h">
        Suggested reply <span className="count">({edits.length} {edits.length === 1 ? 'change' : 'changes'})</span>
      </h2>
      <div className="actions">
        <button type="button" aria-expanded={open} aria-controls="suggest-body" onClick={() => setOpen(!open)}>
          {open ? 'Hide changes' : 'Show changes'}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => onApply(all, 'Accept all')}>
          Accept all
        </button>
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
        <PolishOnDevice reply={reply} suggested={suggestion.result.text} customer={customer} channel={channel} busy={busy} onApply={onApply} />
      </div>
      <div id="suggest-body" hidden={!open}>
        <div className="diff" aria-label="Your draft with the suggested changes">
          {diffSegments(reply, edits).map((segment, i) =>
            segment.kind === 'same' ? (
              <span key={i} className="same">
                {segment.text}
              </span>
            ) : (
              <span key={i} className="change" data-change={segment.index}>
                {segment.removed && (
                  <del aria-label="removed">
                    <span>{segment.removed}</span>
                  </del>
                )}
                {segment.added && (
                  <ins aria-label="added">
                    <PlaceholderText text={segment.added} />
                  </ins>
                )}
                <button
                  type="button"
                  className="accept-one"
                  disabled={busy}
                  title={segment.reason}
                  onClick={() => onApply(editForOne(reply, edits[segment.index]), `Accept change ${segment.index + 1}`)}
                >
                  Accept change {segment.index + 1}
                </button>
              </span>
            ),
          )}
        </div>
        <ol className="reasons">
          {edits.map((e, i) => (
            <li key={i}>{e.reason || 'Suggested change'}</li>
          ))}
        </ol>
      </div>
    </section>
  );
}
