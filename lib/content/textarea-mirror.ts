// Client rects of a text slice inside a <textarea>: a hidden mirror div with the
// same box and font, placed exactly over the textarea, measures the slice.
const COPIED = ['boxSizing', 'width', 'height', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle', 'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'letterSpacing', 'lineHeight', 'textTransform', 'wordSpacing', 'textIndent', 'tabSize'] as const;

export function textareaRects(textarea: HTMLTextAreaElement, start: number, end: number, host: ShadowRoot): DOMRect[] {
  const cs = getComputedStyle(textarea);
  const box = textarea.getBoundingClientRect();
  const mirror = document.createElement('div');
  for (const p of COPIED) mirror.style[p] = cs[p];
  Object.assign(mirror.style, {
    position: 'fixed', left: `${box.left}px`, top: `${box.top}px`, visibility: 'hidden', overflow: 'hidden',
    whiteSpace: 'pre-wrap', overflowWrap: 'break-word', borderColor: 'transparent', margin: '0',
  });
  // The textarea's scrollbar narrows its text area.
  mirror.style.width = `${box.width}px`;
  mirror.style.paddingRight = `${parseFloat(cs.paddingRight) + (textarea.offsetWidth - textarea.clientWidth - parseFloat(cs.borderLeftWidth) - parseFloat(cs.borderRightWidth))}px`;
  const value = textarea.value;
  const inner = document.createElement('div');
  inner.style.position = 'relative';
  inner.style.top = `${-textarea.scrollTop}px`;
  const span = document.createElement('span');
  span.textContent = value.slice(start, end);
  inner.append(value.slice(0, start), span, value.slice(end) + '\u200b');
  mirror.append(inner);
  host.append(mirror);
  const rects = [...span.getClientRects()];
  mirror.remove();
  return rects;
}
