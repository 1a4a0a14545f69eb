// PLACEHOLDER (engine-context helper replaces this): politeness score -1..1.
import type { Draft } from './text/draft.ts';

export function scorePoliteness(_draft: Draft): number {
  return 0;
}
