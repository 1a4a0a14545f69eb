import { describe, expect, it } from 'vitest';
import { useDom } from './content-dom.ts';
import { siteForHost, OPT_OUT_SELECTOR } from '../../lib/sites/index.ts';

describe('site configuration', () => {
  it('chooses the configuration by host', () => {
    expect(siteForHost('mail.google.com').id).toBe('gmail');
    expect(siteForHost('acme.zendesk.com').id).toBe('zendesk');
    expect(siteForHost('www.upwork.com').id).toBe('upwork');
    expect(siteForHost('www.fiverr.com').id).toBe('fiverr');
    expect(siteForHost('forum.example.org').id).toBe('generic');
    expect(siteForHost('zendesk.com.evil.example').id).toBe('generic');
  });

  it('Gmail inline reply answers the message just above it, not a later one', () => {
    const doc = useDom(
      '<div role="main"><div class="a3s">First complaint</div><div class="a3s">Second, angrier complaint</div>' +
        '<div class="ip"><div class="M9"><div id="inline" g_editable="true" role="textbox" contenteditable="true"></div></div></div>' +
        '<div class="a3s">A later message</div></div>',
    );
    const gmail = siteForHost('mail.google.com');
    expect(gmail.customerMessage(doc.getElementById('inline') as HTMLElement)).toBe('Second, angrier complaint');
  });

  it('Zendesk reads the latest end-user comment of its own ticket, skipping internal notes, and knows internal-note mode', () => {
    const doc = useDom(
      '<section data-test-id="ticket-workspace" id="a"><div data-test-id="omni-log-container">' +
        '<article data-test-id="omni-log-comment-item" data-author-role="end-user"><div data-test-id="omni-log-message-content">Charged twice!</div></article>' +
        '<article data-test-id="omni-log-comment-item" data-author-role="end-user" data-internal="true"><div data-test-id="omni-log-message-content">note</div></article>' +
        '</div><button data-test-id="omnichannel-channel-switcher-button" data-channel="internal"></button><div class="ck-editor__editable" id="ea"></div></section>' +
        '<section data-test-id="ticket-workspace"><div data-test-id="omni-log-container">' +
        '<article data-test-id="omni-log-comment-item" data-author-role="end-user"><div data-test-id="omni-log-message-content">Other ticket</div></article>' +
        '</div><div class="ck-editor__editable" id="eb"></div></section>',
    );
    const zendesk = siteForHost('acme.zendesk.com');
    const a = doc.getElementById('ea') as HTMLElement;
    const b = doc.getElementById('eb') as HTMLElement;
    expect(zendesk.customerMessage(a)).toBe('Charged twice!');
    expect(zendesk.customerMessage(b)).toBe('Other ticket');
    expect(zendesk.isInternalNote!(a)).toBe(true);
    expect(zendesk.isInternalNote!(b)).toBe(false);
  });

  it('opt-out markers match the fields to leave alone', () => {
    const doc = useDom('<textarea id="a" data-gramm="false"></textarea><div data-tactful="off"><div id="b" contenteditable="true"></div></div><textarea id="c"></textarea>');
    expect(doc.getElementById('a')!.closest(OPT_OUT_SELECTOR)).not.toBeNull();
    expect(doc.getElementById('b')!.closest(OPT_OUT_SELECTOR)).not.toBeNull();
    expect(doc.getElementById('c')!.closest(OPT_OUT_SELECTOR)).toBeNull();
  });
});
