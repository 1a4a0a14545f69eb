// The suggested reply for the draft on screen, computed in a worker once the
// draft has settled, so typing bursts and long drafts never freeze the panel.
// A result is only shown for the exact text it was computed from, and an edit
// stops the computation for the older draft at once (lib/ui-suggest-runner.ts):
// stale drafts never queue up in the worker ahead of the one on screen.
import { useEffect, useRef, useState } from 'react';
import { suggestReply, type SuggestOptions } from '../analyzers/index.ts';
import type { AnalyzeInput } from '../analyzers/types.ts';
import { createSuggestRunner, type StartSuggestWorker, type SuggestionState, type SuggestResponse, type SuggestRunner } from '../lib/ui-suggest-runner.ts';

export type { SuggestRequest, SuggestResponse, SuggestionState } from '../lib/ui-suggest-runner.ts';

const SETTLE_MS = 250;

const startWorker: StartSuggestWorker = (onResponse, onError) => {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./suggest.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null; // No workers here: compute on the main thread instead.
  }
  worker.onmessage = (event: MessageEvent<SuggestResponse>) => onResponse(event.data);
  worker.onerror = (event) => onError(event.message);
  return { post: (request) => worker.postMessage(request), terminate: () => worker.terminate() };
};

export function useSuggestion(input: AnalyzeInput, options: SuggestOptions): SuggestionState {
  const [state, setState] = useState<{ key: string; value: SuggestionState }>({ key: '', value: { kind: 'computing' } });
  const runner = useRef<SuggestRunner | null>(null);
  runner.current ??= createSuggestRunner(startWorker, (request) => suggestReply(request.input, request.options));
  const nextId = useRef(0);
  const key = JSON.stringify([input.reply, input.customer, input.channel, options]);

  // Unmount: the running computation stops and the worker goes (a remount starts a fresh one).
  useEffect(() => () => runner.current?.stop(), []);

  useEffect(() => {
    const id = ++nextId.current;
    const r = runner.current!;
    // The draft changed: whatever runs for the older one is stale, stop it now rather than after the settle delay.
    r.cancel();
    const timer = setTimeout(() => {
      r.run({ id, input, options }, (value) => {
        if (id === nextId.current) setState({ key, value });
      });
    }, SETTLE_MS);
    return () => clearTimeout(timer);
    // `key` captures input and options by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return state.key === key ? state.value : { kind: 'computing' };
}
