import type { SiteConfig } from './types.ts';

/** Any site the user turned on: plain textareas and contenteditables, no customer context. */
export const generic: SiteConfig = {
  id: 'generic',
  channel: 'email',
  matchesHost: () => true,
  editorSelector: 'textarea, [contenteditable="true"], [contenteditable=""]',
  editorKind: (el) => (el instanceof HTMLTextAreaElement ? 'textarea' : el.classList.contains('ProseMirror') ? 'prosemirror' : el.classList.contains('ck-editor__editable') ? 'ckeditor' : 'contenteditable'),
  customerMessages: () => [],
};
