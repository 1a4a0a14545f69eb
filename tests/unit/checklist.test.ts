import { describe, expect, it } from 'vitest';
import { analyze } from '../../analyzers/index.ts';

const statusOf = (reply: string, customer?: string) =>
  Object.fromEntries(analyze({ reply, customer }).checklist.map((i) => [i.id, i.status]));

describe('buildChecklist', () => {
  const customer = 'My internet has been down for three days and I work from home. This is unacceptable!';

  it('marks the steps a good reply shows as done', () => {
    const s = statusOf(
      "Hi Lee,\n\nYou have every right to be frustrated — three days without internet when you work from home is awful, and I'm sorry. I've booked a technician for tomorrow at 9am, and I'll call you at noon to make sure you're back online.\n\nBest,\nRia",
      customer,
    );
    expect(s).toMatchObject({ acknowledge: 'done', empathy: 'done', apology: 'done', solution: 'done', 'next-step': 'done', 'follow-up': 'done', 'no-overpromise': 'done' });
  });

  it('marks what a cold reply to an upset customer lacks as missing', () => {
    const s = statusOf('Hi Lee,\n\nOutages are caused by weather.\n\nRia', customer);
    expect(s).toMatchObject({ empathy: 'missing', apology: 'missing', solution: 'missing', 'next-step': 'missing', 'follow-up': 'missing' });
  });

  it('does not ask for an apology or empathy in a reply to a happy customer', () => {
    const s = statusOf('Glad it works! Enjoy the new router.', 'Thanks, the new router works great.');
    expect(s.apology).toBe('not_needed');
    expect(s.empathy).toBe('not_needed');
    expect(s.solution).toBe('not_needed');
  });

  it('does not count a fact repeated to belittle it as restating the problem', () => {
    const rosa = 'You charged me $49 twice for the same upgrade. Refund the double charge now!';
    expect(statusOf("Calm down, it's only $49 and it will be refunded.", rosa).restate).toBe('missing');
    expect(statusOf("I'm sorry you were charged $49 twice — I've refunded the second charge today.", rosa).restate).toBe('done');
  });

  it('marks an over-promise', () => {
    const s = statusOf("I'm sorry. I guarantee this will never happen again.", customer);
    expect(s['no-overpromise']).toBe('missing');
  });

  it('cites the playbook in every item', () => {
    const items = analyze({ reply: 'Thanks for reaching out.', customer }).checklist;
    expect(items.length).toBeGreaterThanOrEqual(8);
    for (const i of items) {
      expect(i.rationale).toMatch(/Playbook A\.\d+/);
      expect(i.step).toBeGreaterThanOrEqual(1);
    }
  });
});
