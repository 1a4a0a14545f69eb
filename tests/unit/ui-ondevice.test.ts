import { describe, expect, it } from 'vitest';
import { onDeviceRewriterAvailable } from '../../lib/ui-ondevice.ts';

const fakeScope = (availability: () => Promise<string>) => ({ Rewriter: { availability } });

describe('Polish on device offer', () => {
  it('is offered only when the built-in Rewriter exists and can run', async () => {
    expect(await onDeviceRewriterAvailable({})).toBe(false);
    expect(await onDeviceRewriterAvailable(fakeScope(async () => 'available'))).toBe(true);
    expect(await onDeviceRewriterAvailable(fakeScope(async () => 'downloadable'))).toBe(true);
    expect(await onDeviceRewriterAvailable(fakeScope(async () => 'unavailable'))).toBe(false);
    expect(await onDeviceRewriterAvailable(fakeScope(async () => Promise.reject(new Error('blocked by policy'))))).toBe(false);
    // Node has no built-in Rewriter.
    expect(await onDeviceRewriterAvailable()).toBe(false);
  });
});
