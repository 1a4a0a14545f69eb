import { describe, expect, it } from 'vitest';
import { freshJump } from '../../lib/ui-jump.ts';

describe('popup → panel jump request', () => {
  it('is honoured only while fresh and well-formed', () => {
    const now = 1_000_000;
    expect(freshJump({ groupKey: 'dismissive/calm-down', at: now - 1000 }, now)).toBe('dismissive/calm-down');
    expect(freshJump({ groupKey: 'dismissive/calm-down', at: now - 60_000 }, now)).toBeNull();
    expect(freshJump({ groupKey: 3, at: now }, now)).toBeNull();
    expect(freshJump(undefined, now)).toBeNull();
  });
});
