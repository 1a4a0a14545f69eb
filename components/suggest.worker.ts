// Builds the suggested reply off the side panel's main thread: on a long
// draft suggestReply takes seconds, and the panel must keep responding.
import { suggestReply } from '../analyzers/index.ts';
import type { SuggestRequest, SuggestResponse } from './useSuggestion.ts';

self.onmessage = (event: MessageEvent<SuggestRequest>) => {
  const { id, input, options } = event.data;
  let response: SuggestResponse;
  try {
    response = { id, ok: true, result: suggestReply(input, options) };
  } catch (error) {
    response = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
};
