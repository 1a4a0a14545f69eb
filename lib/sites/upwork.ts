// Upwork Messages (rooms). Selectors follow public userscripts and extensions for the
// live product (see tests/fixtures/upwork.html for the sources).
import { plainText, type SiteConfig } from './types.ts';

/** The composer: TipTap/ProseMirror today; a plain textarea in older layouts. */
export const UPWORK_EDITOR = [
  '.up-d-composer [contenteditable="true"]',
  '.composer .tiptap.ProseMirror[contenteditable="true"]',
  '.composer-container [contenteditable="true"]',
  '.ProseMirror[contenteditable="true"]',
  '.up-d-composer textarea',
].join(', ');

const STORY = '.up-d-story-item';
/** Quotes of older messages inside a story are not what the client wrote now. */
const QUOTED = '.reply-wrapper, .quote-attachment, .quote-wrap, .end-of-message';

/**
 * The client's messages: stories whose author is the person the room is with (the room
 * title). A story without a header continues the previous author's batch.
 */
function clientStories(): Element[] {
  const client = document.querySelector('[data-test="room-title"]')?.textContent?.trim().toLowerCase();
  if (!client) return [];
  const out: Element[] = [];
  let author = '';
  for (const story of document.querySelectorAll(STORY)) {
    const name = story.querySelector('[data-test="story-header"] .user-name, .story-message-header .user-name')?.textContent?.trim().toLowerCase();
    if (name) author = name;
    if (author === client && !story.querySelector('.story-message.deleted')) out.push(story);
  }
  return out;
}

export const upwork: SiteConfig = {
  id: 'upwork',
  channel: 'marketplace',
  matchesHost: (host) => host === 'www.upwork.com',
  editorSelector: UPWORK_EDITOR,
  editorKind: (el) => (el instanceof HTMLTextAreaElement ? 'textarea' : el.classList.contains('ProseMirror') ? 'prosemirror' : 'contenteditable'),
  customerMessages: () =>
    clientStories().map((story) => plainText(story.querySelector('[data-test="story-message"]') ?? story.querySelector('.story-message'), QUOTED)),
};
