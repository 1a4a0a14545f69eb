import { afterEach, describe, expect, it } from 'vitest';
import { useDom } from './content-dom.ts';
import { siteForHost, OPT_OUT_SELECTOR } from '../../lib/sites/index.ts';
import { customerThread } from '../../lib/sites/types.ts';
import { readCustomer } from '../../analyzers/customer.ts';

const zendesk = siteForHost('acme.zendesk.com');
const editorsIn = (doc: Document, selector: string) => [...doc.querySelectorAll<HTMLElement>(selector)].map((e) => e.id);

/** A Zendesk Agent Workspace comment as public scripts select it. */
const comment = (text: string, opts: { agent?: boolean; internal?: boolean; origin?: string } = {}) =>
  `<article data-test-id="omni-log-comment-item"><span data-test-id="omni-log-item-sender"><strong>${opts.agent ? 'Ana' : 'Dana'}</strong></span>` +
  (opts.agent ? '<svg data-test-id="omni-log-avatar-badge-AgentBadge"></svg>' : '') +
  (opts.internal ? '<span data-test-id="omni-log-internal-note-tag">Internal note</span>' : '') +
  `<div data-test-id="omni-log-message-content"${opts.origin ? ` data-originated-from="${opts.origin}"` : ''}>${text}</div></article>`;

describe('site configuration', () => {
  afterEach(() => {
    delete (globalThis as any).location;
  });

  it('chooses the configuration by host', () => {
    expect(siteForHost('mail.google.com').id).toBe('gmail');
    expect(siteForHost('acme.zendesk.com').id).toBe('zendesk');
    expect(siteForHost('www.upwork.com').id).toBe('upwork');
    expect(siteForHost('www.fiverr.com').id).toBe('fiverr');
    expect(siteForHost('forum.example.org').id).toBe('generic');
    expect(siteForHost('zendesk.com.evil.example').id).toBe('generic');
  });

  it('Zendesk finds the reply box in every known shape, with the test id on the editable or on a wrapper', () => {
    const doc = useDom(
      '<div id="live" class="ck ck-content ck-editor__editable" role="textbox" contenteditable="true" data-test-id="omnicomposer-rich-text-ckeditor"></div>' +
        '<div id="plain" contenteditable="true" data-test-id="omnicomposer-plain-text-ckeditor"></div>' +
        '<div data-test-id="omnicomposer-rich-text-ckeditor"><div id="wrapped" class="ck-editor__editable" contenteditable="true"></div></div>' +
        '<div data-test-id="ticket-rich-text-editor"><div id="legacy" role="textbox" contenteditable="true"></div></div>' +
        '<div data-test-id="omnicomposer-rich-text-ckeditor"><div id="readonly" class="ck-editor__editable" contenteditable="false"></div></div>' +
        '<div id="search" contenteditable="true" data-test-id="search-box"></div>',
    );
    expect(editorsIn(doc, zendesk.editorSelector)).toEqual(['live', 'plain', 'wrapped', 'legacy']);
    expect(zendesk.editorKind(doc.getElementById('live')!)).toBe('ckeditor');
    expect(zendesk.editorKind(doc.getElementById('legacy')!)).toBe('contenteditable');
  });

  it("Zendesk reads the customer's side of its own ticket's thread: no agent replies, internal notes or automations", () => {
    const doc = useDom(
      '<section id="a"><div data-test-id="omni-log-container">' +
        comment("I'm disputing the charge with my bank.") +
        comment('Thanks, checking with billing.', { agent: true }) +
        comment('Customer is a jerk, refund and close.', { agent: true, internal: true }) +
        comment('Your ticket was updated.', { origin: 'Trigger' }) +
        comment('Three days and nothing. Refund me.', { origin: 'EmailInteraction' }) +
        '</div><button data-test-id="omnichannel-channel-switcher-button">Internal note</button>' +
        '<div id="ea" class="ck-editor__editable" contenteditable="true" data-test-id="omnicomposer-rich-text-ckeditor"></div></section>' +
        '<section id="b"><div data-test-id="omni-log-container">' +
        comment('Other ticket') +
        '</div><button data-test-id="omnichannel-channel-switcher-button">Public reply</button>' +
        '<div id="eb" class="ck-editor__editable" contenteditable="true" data-test-id="omnicomposer-rich-text-ckeditor"></div></section>',
    );
    const a = doc.getElementById('ea') as HTMLElement;
    const b = doc.getElementById('eb') as HTMLElement;
    expect(zendesk.customerMessages(a)).toEqual(["I'm disputing the charge with my bank.", 'Three days and nothing. Refund me.']);
    expect(zendesk.customerMessages(b)).toEqual(['Other ticket']);
    expect(zendesk.isInternalNote!(a)).toBe(true);
    expect(zendesk.isInternalNote!(b)).toBe(false);
    // The earlier dispute counts toward handing over, though the latest message alone would not.
    expect(readCustomer('Three days and nothing. Refund me.').escalate).toBe(false);
    expect(readCustomer(customerThread(zendesk.customerMessages(a))).escalate).toBe(true);
  });

  it('the customer thread puts the latest message last and whole, and reads only a few earlier ones', () => {
    expect(customerThread(['first', '', 'second', 'latest'])).toBe('first\n\nsecond\n\nlatest');
    expect(customerThread([])).toBe('');
    const long = 'x'.repeat(10_000);
    expect(customerThread(['early', long])).toBe(`early\n\n${long}`);
    expect(customerThread([long, 'latest'])).toBe('latest'); // an earlier pasted log does not crowd out the thread
    const many = Array.from({ length: 10 }, (_, i) => `m${i}`);
    expect(customerThread(many)).toBe('m5\n\nm6\n\nm7\n\nm8\n\nm9');
  });

  it('Gmail inline reply reads the thread above it from other senders, not its own account or later messages', () => {
    const doc = useDom(
      '<div role="main">' +
        '<div class="adn"><span class="gD" email="sam@example.com">Sam</span><div class="a3s">First complaint</div></div>' +
        '<div class="adn"><span class="gD" email="ana@acme.com">Ana</span><div class="a3s">We are looking into it.</div></div>' +
        '<div class="adn"><span class="gD" email="sam@example.com">Sam</span><div class="a3s">Second, angrier complaint<div class="gmail_quote">quoted</div></div></div>' +
        '<div class="ip"><div class="M9"><div id="inline" g_editable="true" role="textbox" contenteditable="true"></div></div></div>' +
        '<div class="adn"><span class="gD" email="sam@example.com">Sam</span><div class="a3s">A later message</div></div></div>',
    );
    doc.title = 'Inbox (2) - ana@acme.com - Acme Mail';
    const gmail = siteForHost('mail.google.com');
    expect(gmail.customerMessages(doc.getElementById('inline') as HTMLElement)).toEqual(['First complaint', 'Second, angrier complaint']);
  });

  it('Upwork finds the TipTap composer and reads the stories of the person the room is with, continuations included', () => {
    const story = (name: string | null, text: string, quote = '') =>
      `<div class="up-d-story-item" id="story_${Math.random().toString(36).slice(2)}"><div data-test="story-container">` +
      (name ? `<div data-test="story-header"><span class="user-name">${name}</span></div>` : '') +
      `<div class="story-message"><div data-test="story-message">${quote}<p>${text}<span class="end-of-message"></span></p></div></div></div></div>`;
    const doc = useDom(
      '<h2 data-test="room-title">Jordan Lee</h2>' +
        story('Jordan Lee', 'The logo is the wrong size.') +
        story(null, 'And you missed the deadline.') +
        story('Maya Chen', 'I will fix it today.') +
        story('Jordan Lee', 'Still waiting.', '<div class="reply-wrapper"><p>I will fix it today.</p></div>') +
        '<div class="up-d-composer"><div id="tiptap" class="tiptap ProseMirror" contenteditable="true"></div></div>',
    );
    const upwork = siteForHost('www.upwork.com');
    expect(editorsIn(doc, upwork.editorSelector)).toEqual(['tiptap']);
    expect(upwork.editorKind(doc.getElementById('tiptap')!)).toBe('prosemirror');
    expect(upwork.customerMessages(doc.getElementById('tiptap')!)).toEqual(['The logo is the wrong size.', 'And you missed the deadline.', 'Still waiting.']);
  });

  it('Fiverr reads the messages of the user the inbox URL names', () => {
    const msg = (name: string | null, text: string) =>
      `<div class="message-wrapper">${name ? `<a class="sender-name">${name}</a>` : ''}<div class="message-content">${text}</div></div>`;
    const doc = useDom(
      '<div class="conversation-wrapper">' +
        msg('customer1', 'Only one revision delivered.') +
        msg(null, 'This is a waste of money.') +
        msg('Me', 'I am on it.') +
        '</div><div class="message-composer"><textarea id="fiverr-message" placeholder="Type your message here..."></textarea></div>',
    );
    (globalThis as any).location = { pathname: '/inbox/customer1' };
    const fiverr = siteForHost('www.fiverr.com');
    expect(editorsIn(doc, fiverr.editorSelector)).toEqual(['fiverr-message']);
    expect(fiverr.customerMessages(doc.getElementById('fiverr-message')!)).toEqual(['Only one revision delivered.', 'This is a waste of money.']);
  });

  it('opt-out markers match the fields to leave alone', () => {
    const doc = useDom('<textarea id="a" data-gramm="false"></textarea><div data-tactful="off"><div id="b" contenteditable="true"></div></div><textarea id="c"></textarea>');
    expect(doc.getElementById('a')!.closest(OPT_OUT_SELECTOR)).not.toBeNull();
    expect(doc.getElementById('b')!.closest(OPT_OUT_SELECTOR)).not.toBeNull();
    expect(doc.getElementById('c')!.closest(OPT_OUT_SELECTOR)).toBeNull();
  });
});
