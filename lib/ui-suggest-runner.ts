// Runs the side panel's suggested-reply requests one at a time in a worker, and
// never lets stale work go on: suggestReply takes seconds on a long draft, and a
// worker answers its messages in order, so posting every new draft to the same
// worker queued one full computation per edit and the current draft's answer
// came last. A newer request (or cancel/stop) terminates the busy worker at once;
// the next request starts a fresh one. Pure (the worker is injected): unit-tested.
import type { SuggestedReply, SuggestOptions } from '../analyzers/index.ts';
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

/** A started worker, as the runner sees it. */
export interface SuggestChannel {
  post(request: SuggestRequest): void;
  terminate(): void;
}
/** Starts a worker wired to these callbacks, or null where no worker can run (then the work runs in place). */
export type StartSuggestWorker = (onResponse: (response: SuggestResponse) => void, onError: (message: string) => void) => SuggestChannel | null;

export interface SuggestRunner {
  /** Runs `request`; `done` is called once with its outcome, unless a newer request, cancel or stop comes first. */
  run(request: SuggestRequest, done: (state: SuggestionState) => void): void;
  /** Stops the running request, if any (its `done` is never called); an idle worker is kept. */
  cancel(): void;
  /** Stops everything and lets the worker go (unmount). A later run starts a fresh worker. */
  stop(): void;
  /** Whether a request is being computed. */
  readonly busy: boolean;
}

export function createSuggestRunner(start: StartSuggestWorker, computeHere: (request: SuggestRequest) => SuggestedReply): SuggestRunner {
  let worker: SuggestChannel | undefined;
  let noWorker = false;
  let current: { id: number; done: (state: SuggestionState) => void } | undefined;
  // Each worker's callbacks answer only while it is the runner's worker: a terminated one may still have a message in flight.
  let generation = 0;

  const drop = () => {
    worker?.terminate();
    worker = undefined;
    generation++;
  };
  const finish = (id: number, state: SuggestionState) => {
    if (!current || current.id !== id) return; // an older draft's answer
    const { done } = current;
    current = undefined;
    done(state);
  };

  return {
    run(request, done) {
      if (current) drop(); // newer work: the stale computation stops now, not after it finishes
      current = { id: request.id, done };
      if (!worker && !noWorker) {
        const mine = ++generation;
        const started = start(
          (response) => {
            if (mine === generation) finish(response.id, response.ok ? { kind: 'ready', result: response.result } : { kind: 'failed', message: response.message });
          },
          (message) => {
            if (mine !== generation) return;
            // A worker that failed may be broken: the next request gets a fresh one.
            const id = current?.id;
            drop();
            if (id !== undefined) finish(id, { kind: 'failed', message: message || 'the suggestion worker stopped' });
          },
        );
        if (started) worker = started;
        else noWorker = true;
      }
      if (!worker) {
        let state: SuggestionState;
        try {
          state = { kind: 'ready', result: computeHere(request) };
        } catch (error) {
          state = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
        }
        finish(request.id, state);
        return;
      }
      worker.post(request);
    },
    cancel() {
      if (!current) return;
      current = undefined;
      drop();
    },
    stop() {
      current = undefined;
      drop();
    },
    get busy() {
      return current !== undefined;
    },
  };
}
