import { describe, expect, it } from 'vitest';
import { detectApis, onDeviceAvailability, polishOnDevice, type OnDeviceApis } from '../../lib/ondevice-rewriter.ts';
import { suggestReply } from '../../analyzers/index.ts';

const customer = 'I was charged twice for order #4521 and nobody replies!';
const reply = 'Hi Lena,\n\nAs I explained, refunds of the $39.90 fee take 5 days. We cannot refund it earlier.\n\nBest,\nOla';
const suggested = suggestReply({ reply, customer }).text;

/** A fake Rewriter whose "model" is a function of the input text. */
function fakeRewriter(model: (text: string) => string, availability = 'available'): OnDeviceApis {
  let destroyed = 0;
  return {
    Rewriter: {
      availability: async () => availability,
      create: async () => ({
        rewrite: async (text: string) => model(text),
        destroy: () => {
          destroyed++;
        },
      }),
    },
    get destroyed() {
      return destroyed;
    },
  } as OnDeviceApis;
}

describe('polishOnDevice', () => {
  it('precondition: the rule-based reply keeps the facts and has placeholders', () => {
    expect(suggested).toContain('$39.90');
    expect(suggested).toMatch(/\[(?:action|date|day|alternative)\]/);
  });

  it('returns a good polish that keeps facts and placeholders', async () => {
    const polished = suggested.replace('Hi Lena,', 'Hello Lena,');
    const res = await polishOnDevice(reply, suggested, { customer, apis: fakeRewriter(() => polished) });
    expect(res).toEqual({ ok: true, text: polished, via: 'rewriter' });
  });

  it('also accepts the side panel call form (suggested, { reply, customer })', async () => {
    const res = await polishOnDevice(suggested, { reply, customer, apis: fakeRewriter((t) => t) });
    expect(res.ok).toBe(true);
  });

  it('discards a polish that drops a number, and says which', async () => {
    const res = await polishOnDevice(reply, suggested, { customer, apis: fakeRewriter((t) => t.replace(' take 5 days', ' take a while')) });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toMatch(/dropped "5"/);
  });

  it('discards a polish that adds a guarantee', async () => {
    const res = await polishOnDevice(reply, suggested, { customer, apis: fakeRewriter((t) => `${t.replace('\n\nBest', ' I guarantee it.\n\nBest')}`) });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toMatch(/promise \("guarantee"\)/);
  });

  it('discards a polish that fills a placeholder with an invented date', async () => {
    const res = await polishOnDevice(reply, suggested, { customer, apis: fakeRewriter((t) => t.replace(/\[(?:date|day|alternative)\]/g, 'Friday')) });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toMatch(/Friday|\[d/);
  });

  it('reports a model that throws instead of crashing', async () => {
    const res = await polishOnDevice(reply, suggested, {
      customer,
      apis: fakeRewriter(() => {
        throw new Error('model crashed');
      }),
    });
    expect(res).toEqual({ ok: false, message: expect.stringMatching(/model crashed/) });
  });

  it('says so when no on-device model is available', async () => {
    const apis = fakeRewriter((t) => t, 'unavailable');
    expect(await onDeviceAvailability(apis)).toBe('unavailable');
    const res = await polishOnDevice(reply, suggested, { customer, apis });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toMatch(/not available/);
  });

  it('falls back to the Prompt API when there is no Rewriter', async () => {
    const apis: OnDeviceApis = {
      LanguageModel: { availability: async () => 'downloadable', create: async () => ({ prompt: async (t: string) => t }) },
    };
    expect(await onDeviceAvailability(apis)).toBe('downloadable');
    expect(await polishOnDevice(reply, suggested, { customer, apis })).toMatchObject({ ok: true, via: 'prompt' });
  });

  it('detects the browser globals only when present', () => {
    expect(detectApis({})).toEqual({ Rewriter: undefined, LanguageModel: undefined });
    const Rewriter = { availability: async () => 'available', create: async () => ({ rewrite: async (t: string) => t }) };
    expect(detectApis({ Rewriter }).Rewriter).toBe(Rewriter);
  });
});
