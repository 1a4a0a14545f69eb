// Asks before applying text with unfilled placeholders. An in-page modal
// dialog (not window.confirm), focused on open, Escape cancels.
import { useEffect, useRef } from 'react';
import type { PendingApply } from '../lib/store-panel.ts';
import { PlaceholderText } from './PlaceholderText.tsx';

export function ConfirmDialog({ pending, onConfirm, onCancel }: { pending: PendingApply; onConfirm(): void; onCancel(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby="confirm-h"
      data-testid="placeholder-confirm"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-h">Fill in the placeholders</h2>
      <p>
        This text contains {pending.placeholders.length === 1 ? 'a placeholder' : 'placeholders'}{' '}
        {pending.placeholders.map((p, i) => (
          <span key={p}>
            {i > 0 && ', '}
            <mark className="placeholder">{p}</mark>
          </span>
        ))}{' '}
        that Tactful cannot know. Replace {pending.placeholders.length === 1 ? 'it' : 'them'} in the editor before sending.
      </p>
      <blockquote className="preview">
        <PlaceholderText text={pending.edit.replacement} />
      </blockquote>
      <div className="actions">
        <button type="button" className="primary" onClick={onConfirm} autoFocus>
          Insert with placeholders
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
