// The selection inside an editor as text offsets [start, end) of its TextMap,
// for "rephrase selection". Undefined when nothing is selected in the editor.
import type { TextMap } from './text-map.ts';

export function selectionOffsets(editor: HTMLElement, map: TextMap): { start: number; end: number } | undefined {
  if (map.textarea) {
    const { selectionStart: start, selectionEnd: end } = map.textarea;
    return end > start ? { start, end } : undefined;
  }
  const selection = getSelection();
  if (!selection?.rangeCount || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  if (!editor.contains(range.startContainer) || !editor.contains(range.endContainer)) return undefined;
  const at = (node: Node, offset: number): number => {
    if (node.nodeType === Node.TEXT_NODE) {
      const seg = map.segments.find((s) => s.node === node);
      if (seg) return seg.start + offset;
    }
    // Between elements: the offset of the first text at or after that point.
    const point = document.createRange();
    point.setStart(node, offset);
    const next = map.segments.find((s) => point.comparePoint(s.node, 0) >= 0);
    return next ? next.start : map.text.length;
  };
  const start = at(range.startContainer, range.startOffset);
  const end = at(range.endContainer, range.endOffset);
  return end > start ? { start, end } : undefined;
}
