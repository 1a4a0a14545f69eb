import { describe, expect, it } from 'vitest';
import { containsFact, extractFacts, inventedFacts, lostFacts } from '../../analyzers/facts.ts';

describe('extractFacts', () => {
  it('finds amounts, ids, dates, times, e-mails, URLs, numbers and names', () => {
    const facts = extractFacts(
      'Your order #4521 (KX-200) for $49.99 ships on 3 May at 3pm; Andre will email you from help@shop.example and the tracking is https://track.example/x?id=1. It takes 5 days.',
    );
    for (const f of ['#4521', 'KX-200', '$49.99', '3 May', '3pm', 'Andre', 'help@shop.example', 'https://track.example/x?id=1', '5']) expect(facts).toContain(f);
  });

  it('does not count the first word of a sentence or a rhetorical "100%" as a fact', () => {
    expect(extractFacts('Sorry about that. We will fix it, 100%.')).toEqual([]);
    expect(extractFacts('We refunded 100% of the fee.')).toContain('100%');
  });
});

describe('lostFacts / inventedFacts', () => {
  it('reports a number the rewrite dropped', () => {
    expect(lostFacts('Refunds take 10 business days. It has been 8.', 'Refunds take 10 business days.')).toEqual(['8']);
  });
  it('matches whole tokens only, ignoring case (a shouted name may be re-cased)', () => {
    expect(containsFact('Order 45210 shipped', '4521')).toBe(false);
    expect(containsFact('please call ANDRE', 'Andre')).toBe(true);
  });
  it('reports a date or amount that appears in neither the draft nor the customer message', () => {
    expect(inventedFacts('I will refund $20 by Friday.', ['I can refund you.', 'I paid $20'])).toEqual(['Friday']);
  });
});

describe('names written in mixed case', () => {
  it('keeps "WebP" whole, so a reply that keeps it keeps the fact', () => {
    const draft = 'Happy to explain! I converted your images to WebP today.';
    expect(extractFacts(draft)).toContain('WebP');
    expect(lostFacts(draft, `I'm sorry for the wait. ${draft}`)).toEqual([]);
  });
});
