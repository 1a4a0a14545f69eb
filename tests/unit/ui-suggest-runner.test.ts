import { describe, expect, it } from 'vitest';
import type { SuggestedReply } from '../../analyzers/index.ts';
import { createSuggestRunner, type SuggestChannel, type SuggestionState, type SuggestRequest, type SuggestResponse, type StartSuggestWorker } from '../../lib/ui-suggest-runner.ts';

/** Fake workers: each records what it was sent and whether it was terminated; the test answers for it. */
function fakeWorkers() {
  const started: { posted: SuggestRequest[]; terminated: boolean; answer: (r: SuggestResponse) => void; fail: (m: string) => void }[] = [];
  const start: StartSuggestWorker = (onResponse, onError) => {
    const w = { posted: [] as SuggestRequest[], terminated: false, answer: onResponse, fail: onError };
    started.push(w);
    const channel: SuggestChannel = { post: (r) => w.posted.push(r), terminate: () => (w.terminated = true) };
    return channel;
  };
  return { started, start };
}

const request = (id: number, reply = `draft ${id}`): SuggestRequest => ({ id, input: { reply }, options: {} });
const result = (text: string): SuggestedReply => ({ text, edits: [] });
const here = (r: SuggestRequest) => result(`here: ${r.input.reply}`);

describe('suggested-reply runner (side panel worker)', () => {
  it('answers a request from its worker, and reuses an idle worker for the next', () => {
    const { started, start } = fakeWorkers();
    const runner = createSuggestRunner(start, here);
    const got: SuggestionState[] = [];
    runner.run(request(1), (s) => got.push(s));
    expect(runner.busy).toBe(true);
    started[0].answer({ id: 1, ok: true, result: result('one') });
    expect(got).toEqual([{ kind: 'ready', result: result('one') }]);
    expect(runner.busy).toBe(false);
    runner.run(request(2), (s) => got.push(s));
    expect(started).toHaveLength(1);
    expect(started[0].posted.map((r) => r.id)).toEqual([1, 2]);
  });

  it('terminates the busy worker when a newer request starts, and runs the new one in a fresh worker', () => {
    const { started, start } = fakeWorkers();
    const runner = createSuggestRunner(start, here);
    const got: [number, SuggestionState][] = [];
    runner.run(request(1), (s) => got.push([1, s]));
    runner.run(request(2), (s) => got.push([2, s]));
    expect(started).toHaveLength(2);
    expect(started[0].terminated).toBe(true);
    expect(started[1].posted.map((r) => r.id)).toEqual([2]);
    // A stale answer still in flight from the terminated worker is ignored.
    started[0].answer({ id: 1, ok: true, result: result('stale') });
    expect(got).toEqual([]);
    started[1].answer({ id: 2, ok: true, result: result('two') });
    expect(got).toEqual([[2, { kind: 'ready', result: result('two') }]]);
  });

  it('ignores an answer for another request id', () => {
    const { started, start } = fakeWorkers();
    const runner = createSuggestRunner(start, here);
    const got: SuggestionState[] = [];
    runner.run(request(5), (s) => got.push(s));
    started[0].answer({ id: 4, ok: true, result: result('old') });
    expect(got).toEqual([]);
    expect(runner.busy).toBe(true);
  });

  it('cancel stops the running request at once (no answer) and keeps an idle worker', () => {
    const { started, start } = fakeWorkers();
    const runner = createSuggestRunner(start, here);
    runner.cancel(); // nothing running: nothing to stop
    const got: SuggestionState[] = [];
    runner.run(request(1), (s) => got.push(s));
    runner.cancel();
    expect(started[0].terminated).toBe(true);
    expect(runner.busy).toBe(false);
    started[0].answer({ id: 1, ok: true, result: result('late') });
    expect(got).toEqual([]);
    runner.run(request(2), (s) => got.push(s));
    started[1].answer({ id: 2, ok: true, result: result('two') });
    runner.cancel();
    expect(started[1].terminated).toBe(false);
    expect(got).toEqual([{ kind: 'ready', result: result('two') }]);
  });

  it('reports failures: an error answer, and a worker that stops (replaced by a fresh one next time)', () => {
    const { started, start } = fakeWorkers();
    const runner = createSuggestRunner(start, here);
    const got: SuggestionState[] = [];
    runner.run(request(1), (s) => got.push(s));
    started[0].answer({ id: 1, ok: false, message: 'boom' });
    runner.run(request(2), (s) => got.push(s));
    started[0].fail('');
    expect(got).toEqual([
      { kind: 'failed', message: 'boom' },
      { kind: 'failed', message: 'the suggestion worker stopped' },
    ]);
    expect(started[0].terminated).toBe(true);
    expect(runner.busy).toBe(false);
    runner.run(request(3), (s) => got.push(s));
    expect(started).toHaveLength(2);
    expect(started[1].posted.map((r) => r.id)).toEqual([3]);
  });

  it('stop (unmount) terminates the worker, running or idle, and drops the pending answer', () => {
    const { started, start } = fakeWorkers();
    const runner = createSuggestRunner(start, here);
    const got: SuggestionState[] = [];
    runner.run(request(1), (s) => got.push(s));
    runner.stop();
    expect(started[0].terminated).toBe(true);
    started[0].answer({ id: 1, ok: true, result: result('late') });
    started[0].fail('late');
    expect(got).toEqual([]);
    runner.run(request(2), (s) => got.push(s));
    started[1].answer({ id: 2, ok: true, result: result('two') });
    runner.stop();
    expect(started[1].terminated).toBe(true);
    expect(got).toEqual([{ kind: 'ready', result: result('two') }]);
  });

  it('computes in place where no worker can start (errors reported, not thrown), trying to start one only once', () => {
    let tries = 0;
    const runner = createSuggestRunner(
      () => {
        tries++;
        return null;
      },
      (r) => {
        if (r.id === 2) throw new Error('bad draft');
        return here(r);
      },
    );
    const got: SuggestionState[] = [];
    runner.run(request(1), (s) => got.push(s));
    runner.run(request(2), (s) => got.push(s));
    expect(got).toEqual([
      { kind: 'ready', result: result('here: draft 1') },
      { kind: 'failed', message: 'bad draft' },
    ]);
    expect(tries).toBe(1);
    expect(runner.busy).toBe(false);
  });
});
