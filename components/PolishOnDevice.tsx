// "Polish on device": a second option where Chrome's built-in AI exists. The
// wrapper (lib/ondevice-rewriter.ts) checks the model kept every fact and
// placeholder and added no promise, or discards its output with a message;
// the rule-based reply stays the default and always works.
import { useEffect, useState } from 'react';
import type { Channel } from '../analyzers/types.ts';
import type { TextEdit } from '../lib/messages.ts';
import { detectApis, onDeviceAvailability, polishOnDevice, type OnDeviceApis } from '../lib/ondevice-rewriter.ts';
import { spanEdit } from '../lib/ui-diff.ts';
import { PlaceholderText } from './PlaceholderText.tsx';

interface Props {
  reply: string;
  suggested: string;
  customer: string;
  channel: Channel;
  busy: boolean;
  onApply(edit: TextEdit, label: string): void;
}

const AVAILABILITY_TIMEOUT_MS = 3000;

type PolishState = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; text: string } | { kind: 'failed'; message: string };

export function PolishOnDevice({ reply, suggested, customer, channel, busy, onApply }: Props) {
  const [offered, setOffered] = useState(false);
  const [state, setState] = useState<PolishState>({ kind: 'idle' });
  useEffect(() => {
    let alive = true;
    const apis = detectApis(self);
    // Ask each API on its own with a time limit: in Chromium without a model
    // service, the first LanguageModel.availability() call can hang.
    const ask = (only: OnDeviceApis) =>
      Promise.race([onDeviceAvailability(only), new Promise<'unavailable'>((resolve) => setTimeout(() => resolve('unavailable'), AVAILABILITY_TIMEOUT_MS))]);
    void Promise.all([ask({ Rewriter: apis.Rewriter }), ask({ LanguageModel: apis.LanguageModel })]).then(([rewriter, prompt]) => {
      if (alive) setOffered(rewriter !== 'unavailable' || prompt !== 'unavailable');
    });
    return () => {
      alive = false;
    };
  }, []);
  useEffect(() => setState({ kind: 'idle' }), [suggested]);
  if (!offered) return null;

  const edit = state.kind === 'done' ? spanEdit(reply, state.text) : null;
  return (
    <div className="polish">
      <button
        type="button"
        disabled={busy || state.kind === 'working'}
        onClick={async () => {
          setState({ kind: 'working' });
          const result = await polishOnDevice(suggested, { reply, customer, channel }).catch((e: Error) => ({ ok: false as const, message: e.message }));
          setState(result.ok ? { kind: 'done', text: result.text } : { kind: 'failed', message: result.message });
        }}
      >
        {state.kind === 'working' ? 'Polishing on device…' : 'Polish on device'}
      </button>
      {state.kind === 'failed' && (
        <p className="notice error" role="alert" data-testid="polish-result">
          {state.message}
        </p>
      )}
      {state.kind === 'done' && (
        <div className="card inner" data-testid="polish-result">
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
