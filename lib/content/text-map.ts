// Plain text of an editor plus a map from text offsets back to DOM positions,
// so findings (offsets into the text) can be drawn and replaced in the DOM.
// Blocks and <br> become "\n"; excluded subtrees (signature, quotes) are left out entirely.

export interface TextSegment {
  node: Text;
  /** Offset of node's first character in `text`. */
  start: number;
}

export interface TextMap {
  text: string;
  segments: TextSegment[];
  /** Textarea: offsets are value offsets. */
  textarea?: HTMLTextAreaElement;
}

const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DIV', 'DL', 'DD', 'DT', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL']);

export function extractText(root: HTMLElement, exclude?: string): TextMap {
  if (root instanceof HTMLTextAreaElement) return { text: root.value, segments: [], textarea: root };
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  let pendingBreak = false;
  // Lines are joined by "\n", not ended by it: an empty last paragraph is a trailing "\n", as in the editor's own model.
  let lineOpen = false;
  const emit = (s: string) => {
    parts.push(s);
    length += s.length;
    lineOpen = !s.endsWith('\n');
  };
  // A block boundary is one line break, however many block edges meet there.
  const breakLine = () => {
    if (lineOpen) pendingBreak = true;
  };
  const flush = () => {
    if (pendingBreak) {
      emit('\n');
      pendingBreak = false;
    }
  };
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const value = (node as Text).nodeValue ?? '';
      if (!value) return;
      flush();
      segments.push({ node: node as Text, start: length });
      // Editors keep spaces as &nbsp; where HTML would collapse them; the writer sees (and the model holds) a space.
      emit(value.replace(/\u00a0/g, ' '));
      return;
    }
    if (!(node instanceof Element)) return;
    if (exclude && node.matches(exclude)) return;
    if (node.tagName === 'BR') {
      if (!node.nextSibling && !node.previousSibling) {
        // The filler of an empty paragraph (Gmail, ProseMirror, CKEditor): an empty line.
        flush();
        lineOpen = true;
      } else if (node.nextSibling) {
        flush();
        emit('\n');
      }
      // A trailing <br> after text only keeps its line open: nothing to add.
      return;
    }
    if (node.tagName === 'STYLE' || node.tagName === 'SCRIPT') return;
    const block = BLOCK.has(node.tagName);
    if (block) breakLine();
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (block) breakLine();
  };
  for (let c = root.firstChild; c; c = c.nextSibling) walk(c);
  return { text: parts.join(''), segments };
}

/** DOM position of a text offset; `preferNext` picks the following node at a boundary. */
export function domPosition(map: TextMap, offset: number, preferNext: boolean): { node: Text; offset: number } | undefined {
  const segs = map.segments;
  if (!segs.length) return undefined;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  let seg = segs[lo];
  const len = seg.node.length;
  if (offset - seg.start > len) {
    // Offset falls on a synthetic "\n" after this node.
    if (preferNext && segs[lo + 1]) return { node: segs[lo + 1].node, offset: 0 };
    return { node: seg.node, offset: len };
  }
  if (offset < seg.start) seg = segs[0];
  if (preferNext && offset - seg.start === len && segs[lo + 1] && segs[lo + 1].start === offset) return { node: segs[lo + 1].node, offset: 0 };
  return { node: seg.node, offset: Math.max(0, Math.min(len, offset - seg.start)) };
}

export function domRange(map: TextMap, start: number, end: number): Range | undefined {
  const a = domPosition(map, start, true);
  const b = domPosition(map, end, false);
  if (!a || !b) return undefined;
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/** Where a previously analyzed phrase is now, after edits elsewhere (nearest occurrence). */
export function relocate(text: string, start: number, end: number, phrase: string): { start: number; end: number } | undefined {
  if (!phrase) return undefined;
  if (text.slice(start, end) === phrase) return { start, end };
  const after = text.indexOf(phrase, Math.max(0, start - phrase.length));
  const before = text.lastIndexOf(phrase, start);
  const candidates = [after, before].filter((i) => i >= 0);
  if (!candidates.length) return undefined;
  const best = candidates.sort((x, y) => Math.abs(x - start) - Math.abs(y - start))[0];
  return { start: best, end: best + phrase.length };
}
