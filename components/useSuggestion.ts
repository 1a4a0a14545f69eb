// The suggested reply for the draft on screen, computed in a worker once the
// draft has settled, so typing bursts and long drafts never freeze the panel.
// A result is only shown for the exact text it was computed from.
import { useEffect, useRef, useState } from 'react';
import { suggestReply, type SuggestedReply, type SuggestOptions } from '../analyzers/index.ts';
import type { AnalyzeInput } from '../analyzers/types.ts';

export interface SuggestRequest {
  id: number;
  input: AnalyzeInput;
  options: SuggestOptions;
}
export type SuggestResponse = { id: number; ok: true; result: SuggestedReply } | { id: number; ok: false; message: string };

export type SuggestionState =
  | { kind: 'computing' }
  | { kind: 'ready'; result: SuggestedReply }
  | { kind: 'failed'; message: string };

const SETTLE_MS = 250;

function startWorker(): Worker | null {
  try {
    return new Worker(new URL('./suggest.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null; // No workers here: compute on the main thread instead.
  }
}

export function useSuggestion(input: AnalyzeInput, options: SuggestOptions): SuggestionState {
  const [state, setState] = useState<{ key: string; value: SuggestionState }>({ key: '', value: { kind: 'computing' } });
  const worker = useRef<Worker | null | undefined>(undefined);
  const nextId = useRef(0);
  const key = JSON.stringify([input.reply, input.customer, input.channel, options]);

  useEffect(() => () => worker.current?.terminate(), []);

  useEffect(() => {
    const id = ++nextId.current;
    const timer = setTimeout(() => {
      if (worker.current === undefined) worker.current = startWorker();
      const w = worker.current;
      const settle = (value: SuggestionState) => id === nextId.current && setState({ key, value });
      if (!w) {
        try {
          settle({ kind: 'ready', result: suggestReply(input, options) });
        } catch (error) {
          settle({ kind: 'failed', message: (error as Error).message });
        }
        return;
      }
      w.onmessage = (event: MessageEvent<SuggestResponse>) => {
        const r = event.data;
        if (r.id !== nextId.current) return; // an older draft's answer
        settle(r.ok ? { kind: 'ready', result: r.result } : { kind: 'failed', message: r.message });
      };
      w.onerror = (event) => settle({ kind: 'failed', message: event.message || 'the suggestion worker stopped' });
      w.postMessage({ id, input, options } satisfies SuggestRequest);
    }, SETTLE_MS);
    return () => clearTimeout(timer);
    // `key` captures input and options by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return state.key === key ? state.value : { kind: 'computing' };
}
