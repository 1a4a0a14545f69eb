// The caret as a text offset (to find the finding under it), and saving and
// restoring the editor's selection around a trip of keyboard focus into the card.
import type { TextMap } from './text-map.ts';

export type SavedSelection = { textarea: HTMLTextAreaElement; start: number; end: number; direction: 'forward' | 'backward' | 'none' } | { range: Range };

/** Text offset of the caret (selection start) when the selection is inside `editor`. */
export function caretOffset(editor: HTMLElement, map: TextMap): number | undefined {
  if (map.textarea) return map.textarea.selectionStart;
  const selection = getSelection();
  if (!selection?.rangeCount) return undefined;
  const range = selection.getRangeAt(0);
  if (!editor.contains(range.startContainer)) return undefined;
  return pointOffset(map, range.startContainer, range.startOffset);
}

/** Text offset of a DOM point (node, offset) inside the editor the map was read from. */
export function pointOffset(map: TextMap, node: Node, offset: number): number {
  if (node.nodeType === Node.TEXT_NODE) {
    const seg = map.segments.find((s) => s.node === node);
    if (seg) return seg.start + offset;
  }
  // The point sits between elements: the offset of the first text at or after it.
  const at = document.createRange();
  at.setStart(node, offset);
  const next = map.segments.find((s) => at.comparePoint(s.node, 0) >= 0);
  return next ? next.start : map.text.length;
}

export function saveSelection(editor: HTMLElement): SavedSelection | undefined {
  if (editor instanceof HTMLTextAreaElement) {
    return { textarea: editor, start: editor.selectionStart, end: editor.selectionEnd, direction: editor.selectionDirection ?? 'none' };
  }
  const selection = getSelection();
  if (!selection?.rangeCount) return undefined;
  const range = selection.getRangeAt(0);
  return editor.contains(range.startContainer) ? { range: range.cloneRange() } : undefined;
}

/** Focus back in the editor with the caret where it was (the editor's model follows the DOM selection). */
export function restoreSelection(editor: HTMLElement, saved: SavedSelection | undefined): void {
  editor.focus({ preventScroll: true });
  if (!saved) return;
  if ('textarea' in saved) {
    saved.textarea.setSelectionRange(saved.start, saved.end, saved.direction);
    return;
  }
  if (!saved.range.startContainer.isConnected || !saved.range.endContainer.isConnected) return;
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(saved.range);
}
