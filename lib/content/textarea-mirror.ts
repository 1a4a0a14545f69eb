// Client rects of text slices inside a <textarea>, which exposes no layout of
// its own text: a hidden mirror div with the textarea's exact border box,
// padding, font and wrapping, placed over it and scrolled like it, lays the
// same text out the same way. One mirror serves every slice of one redraw.

// Everything that decides where a character lands. Box sizes are set below from the
// textarea's border box, so box-sizing is always border-box here.
const COPIED = [
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderTopStyle', 'borderRightStyle', 'borderBottomStyle', 'borderLeftStyle',
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch', 'fontKerning', 'fontFeatureSettings', 'fontVariationSettings',
  'letterSpacing', 'wordSpacing', 'lineHeight', 'textTransform', 'textIndent', 'textAlign', 'textRendering', 'tabSize',
  'whiteSpace', 'overflowWrap', 'wordBreak', 'hyphens', 'direction', 'unicodeBidi', 'writingMode',
] as const;

export interface TextareaMeasurer {
  rects(start: number, end: number): DOMRect[];
  dispose(): void;
}

export function measureTextarea(textarea: HTMLTextAreaElement, host: ShadowRoot): TextareaMeasurer {
  const cs = getComputedStyle(textarea);
  const box = textarea.getBoundingClientRect();
  const mirror = document.createElement('div');
  for (const p of COPIED) mirror.style[p] = cs[p];
  const borderX = parseFloat(cs.borderLeftWidth) + parseFloat(cs.borderRightWidth);
  // A vertical scrollbar takes its width from the text area, on the right in LTR.
  const scrollbar = Math.max(0, textarea.offsetWidth - textarea.clientWidth - borderX);
  Object.assign(mirror.style, {
    position: 'fixed', left: `${box.left}px`, top: `${box.top}px`, margin: '0',
    boxSizing: 'border-box', width: `${textarea.offsetWidth}px`, height: `${textarea.offsetHeight}px`,
    paddingRight: `${parseFloat(cs.paddingRight) + scrollbar}px`,
    borderColor: 'transparent', overflow: 'hidden', visibility: 'hidden', pointerEvents: 'none',
  });
  const inner = document.createElement('div');
  inner.style.position = 'relative';
  inner.style.top = `${-textarea.scrollTop}px`;
  inner.style.left = `${-textarea.scrollLeft}px`;
  const text = document.createTextNode(textarea.value);
  // A final newline only makes a line once something follows it.
  inner.append(text, '\u200b');
  mirror.append(inner);
  host.append(mirror);
  const range = document.createRange();
  return {
    rects(start, end) {
      const len = text.length;
      range.setStart(text, Math.min(start, len));
      range.setEnd(text, Math.min(end, len));
      return [...range.getClientRects()];
    },
    dispose: () => mirror.remove(),
  };
}
