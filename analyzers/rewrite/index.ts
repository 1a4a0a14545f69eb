// PLACEHOLDER (rewrites helper replaces this): the whole suggested reply.
import type { AnalyzeInput, AnalyzeOptions } from '../types.ts';

export interface ReplyEdit {
  start: number;
  end: number;
  replacement: string;
  reason: string;
}
export interface SuggestedReply {
  text: string;
  edits: ReplyEdit[];
}
export interface SuggestOptions extends AnalyzeOptions {
  voice?: 'formal' | 'warm';
}

export function suggestReply(input: AnalyzeInput, _options: SuggestOptions = {}): SuggestedReply {
  return { text: input.reply, edits: [] };
}
