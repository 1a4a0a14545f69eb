// Applies a TextEdit through the editor's own input path so its model and undo
// history see exactly one change. Refuses when the text under the edit changed.
import type { ApplyResponse, EditorKind, TextEdit } from '../messages.ts';
import { CHANGED_REASON, CKEDITOR_APPLY_EVENT, CKEDITOR_RESULT_EVENT, DIFFERENT_REASON, NOT_APPLIED_REASON } from './bridge-protocol.ts';
import { domRange, extractText } from './text-map.ts';

export function applyEdit(editor: HTMLElement, kind: EditorKind, exclude: string | undefined, edit: TextEdit): ApplyResponse {
  const map = extractText(editor, exclude);
  if (map.text.slice(edit.start, edit.end) !== edit.expected) return { ok: false, reason: CHANGED_REASON };
  const expectedAfter = map.text.slice(0, edit.start) + edit.replacement + map.text.slice(edit.end);

  if (kind === 'ckeditor') {
    // The bridge runs in the page's world, where any script can answer for it: believe the editor's text, not the answer.
    const answer = applyThroughCkeditor(editor, edit);
    return answer.ok ? confirmedInDom(extractText(editor, exclude).text, map.text, expectedAfter) : answer;
  }

  editor.focus();
  if (map.textarea) {
    map.textarea.setSelectionRange(edit.start, edit.end);
  } else {
    const range = domRange(map, edit.start, edit.end);
    if (!range) return { ok: false, reason: 'Could not locate the text in the editor.' };
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }
  // execCommand is the one path that every editor treats as user input (one undo step, input events, React onChange).
  const done = edit.replacement ? document.execCommand('insertText', false, edit.replacement) : document.execCommand('delete');
  if (!done) return { ok: false, reason: 'The editor did not accept the change.' };
  return confirmedInDom(extractText(editor, exclude).text, map.text, expectedAfter);
}

const sameText = (a: string, b: string) => a === b || a.replace(/\s+/g, ' ') === b.replace(/\s+/g, ' ');

/** The editor's text read back after an edit said it was done: success only when it reads as expected. */
function confirmedInDom(after: string, before: string, expectedAfter: string): ApplyResponse {
  if (sameText(after, expectedAfter)) return { ok: true };
  if (sameText(after, before)) return { ok: false, reason: NOT_APPLIED_REASON };
  return { ok: false, reason: DIFFERENT_REASON };
}

/** CKEditor 5 keeps its own model: the MAIN-world bridge edits it in one model.change (one undo step). */
function applyThroughCkeditor(editor: HTMLElement, edit: TextEdit): ApplyResponse {
  let result: ApplyResponse = { ok: false, reason: 'The editor bridge is not available on this page.' };
  const onResult = (e: Event) => {
    try {
      result = JSON.parse(String((e as CustomEvent).detail)) as ApplyResponse;
    } catch {
      /* keep the default refusal */
    }
  };
  editor.addEventListener(CKEDITOR_RESULT_EVENT, onResult);
  // Dispatch is synchronous: the bridge answers before dispatchEvent returns.
  editor.dispatchEvent(new CustomEvent(CKEDITOR_APPLY_EVENT, { detail: JSON.stringify(edit), bubbles: true, composed: true }));
  editor.removeEventListener(CKEDITOR_RESULT_EVENT, onResult);
  return result;
}
