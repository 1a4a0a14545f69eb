// The selection inside an editor as text offsets [start, end) of its TextMap,
// for "rephrase selection". Undefined when nothing is selected in the editor.
import type { TextMap } from './text-map.ts';
import { pointOffset } from './caret.ts';

export function selectionOffsets(editor: HTMLElement, map: TextMap): { start: number; end: number } | undefined {
  if (map.textarea) {
    const { selectionStart: start, selectionEnd: end } = map.textarea;
    return end > start ? { start, end } : undefined;
  }
  const selection = getSelection();
  if (!selection?.rangeCount || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  if (!editor.contains(range.startContainer) || !editor.contains(range.endContainer)) return undefined;
  const start = pointOffset(map, range.startContainer, range.startOffset);
  const end = pointOffset(map, range.endContainer, range.endOffset);
  return end > start ? { start, end } : undefined;
}
