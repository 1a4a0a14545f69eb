// "Polish on device": a second option where Chrome's built-in Rewriter exists.
// The wrapper (lib/ondevice-rewriter.ts, owned by the rewrites work) checks the
// output keeps every fact; this button only appears when both the browser API
// and that wrapper are present, so the rule-based reply always stays the default.
import { useEffect, useState } from 'react';
import type { TextEdit } from '../lib/messages.ts';
import { spanEdit } from '../lib/ui-diff.ts';
import { onDeviceRewriterAvailable } from '../lib/ui-ondevice.ts';
import { PlaceholderText } from './PlaceholderText.tsx';

type PolishResult = { ok: true; text: string } | { ok: false; message: string };
type Polish = (text: string, context: { reply: string; customer: string }) => Promise<PolishResult>;

// Resolved at build time: empty until the wrapper module exists.
const wrapperModules = import.meta.glob('../lib/ondevice-rewriter.ts');

async function loadPolish(): Promise<Polish | null> {
  const load = Object.values(wrapperModules)[0];
  if (!load) return null;
  const mod = (await load()) as { polishOnDevice?: unknown };
  return typeof mod.polishOnDevice === 'function' ? (mod.polishOnDevice as Polish) : null;
}

interface Props {
  reply: string;
  suggested: string;
  customer: string;
  busy: boolean;
  onApply(edit: TextEdit, label: string): void;
}

export function PolishOnDevice({ reply, suggested, customer, busy, onApply }: Props) {
  const [polish, setPolish] = useState<Polish | null>(null);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'working' } | { kind: 'done'; text: string } | { kind: 'failed'; message: string }>({
    kind: 'idle',
  });
  useEffect(() => {
    let alive = true;
    (async () => {
      if (!(await onDeviceRewriterAvailable(self))) return;
      const fn = await loadPolish();
      if (alive && fn) setPolish(() => fn);
    })();
    return () => {
      alive = false;
    };
  }, []);
  useEffect(() => setState({ kind: 'idle' }), [suggested]);
  if (!polish) return null;

  const edit = state.kind === 'done' ? spanEdit(reply, state.text) : null;
  return (
    <div className="polish">
      <button
        type="button"
        disabled={busy || state.kind === 'working'}
        onClick={async () => {
          setState({ kind: 'working' });
          const result = await polish(suggested, { reply, customer }).catch((e: Error) => ({ ok: false as const, message: e.message }));
          setState(result.ok ? { kind: 'done', text: result.text } : { kind: 'failed', message: result.message });
        }}
      >
        {state.kind === 'working' ? 'Polishing on device…' : 'Polish on device'}
      </button>
      {state.kind === 'failed' && <p className="notice error">On-device polish discarded: {state.message}</p>}
      {state.kind === 'done' && (
        <div className="card inner">
          <p className="muted">Polished on this device (nothing left the browser):</p>
          <blockquote className="preview">
            <PlaceholderText text={state.text} />
          </blockquote>
          {edit && (
            <button type="button" className="primary" disabled={busy} onClick={() => onApply(edit, 'Accept polished reply')}>
              Accept polished reply
            </button>
          )}
        </div>
      )}
    </div>
  );
}
