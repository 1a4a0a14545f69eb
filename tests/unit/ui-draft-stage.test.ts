import { describe, expect, it } from 'vitest';
import { bodyText, draftStage } from '../../lib/ui-draft-stage.ts';

describe('draft stage', () => {
  it('treats an empty draft, a greeting or a greeting with a sign-off as not started', () => {
    for (const reply of ['', '   \n', 'Hi Dana,\n', 'Hi Dana,\n\nBest,\nJo', 'Hello,\n\nThanks,\nJo Smith\n', '\n\nOn Mon, 3 Mar 2026, Dana <d@x.com> wrote:\n> Where is my order?!'])
      expect(draftStage(reply), JSON.stringify(reply)).toBe('empty');
  });

  it('has a body once there is a finished sentence or a few lines of words', () => {
    expect(draftStage('Hi Dana,\nCalm down.\nJo')).toBe('body');
    expect(draftStage('Hi Dana,\nI looked into your order and the parcel is with')).toBe('body');
    expect(draftStage('Hi Dana,\nI looked into')).toBe('empty');
  });

  it('keeps the agent\'s own lines and drops greeting, sign-off and quoted history', () => {
    expect(bodyText('Hi Dana,\nYour refund is on its way.\nBest regards,\nJo\n> old message')).toBe('Your refund is on its way.');
  });
});
