// "Show me in the draft": scrolls every container between the flagged words and
// the viewport so the words sit in view, then puts the caret at their start.
// Scrolls instantly (no smooth animation): the highlight is drawn right after,
// at the words' final place. Never touches the text.

/** Scrolls `el`'s scrolling ancestors (itself first) and then the window until `rectOf()` is in view. */
export function scrollIntoViewport(el: HTMLElement, rectOf: () => DOMRect | undefined): void {
  for (let box: Element | null = el; box; box = parentOf(box)) {
    if (box === document.body || box === document.documentElement) break;
    if (box.scrollHeight <= box.clientHeight + 1 && box.scrollWidth <= box.clientWidth + 1) continue;
    const cs = getComputedStyle(box);
    const scrolls = /(auto|scroll|hidden)/.test(cs.overflowY) || /(auto|scroll|hidden)/.test(cs.overflowX) || box instanceof HTMLTextAreaElement;
    if (!scrolls) continue;
    const r = rectOf();
    if (!r) return;
    const b = box.getBoundingClientRect();
    const top = b.top + box.clientTop;
    const left = b.left + box.clientLeft;
    box.scrollTop += centreDelta(r.top, r.bottom, top, top + box.clientHeight);
    box.scrollLeft += centreDelta(r.left, r.right, left, left + box.clientWidth);
  }
  const r = rectOf();
  if (!r) return;
  const dy = centreDelta(r.top, r.bottom, 0, innerHeight);
  const dx = centreDelta(r.left, r.right, 0, innerWidth);
  if (dx || dy) scrollBy({ left: dx, top: dy, behavior: 'instant' });
}

/** 0 when [from, to] already lies inside [lo, hi]; otherwise what brings its middle to the middle. */
function centreDelta(from: number, to: number, lo: number, hi: number): number {
  if (from >= lo && to <= hi) return 0;
  return Math.round((from + to) / 2 - (lo + hi) / 2);
}

function parentOf(el: Element): Element | null {
  return el.parentElement ?? ((el.parentNode as ShadowRoot | null)?.host ?? null);
}

/** One rect around several line rects (what has to come into view). */
export function boundingRect(rects: DOMRect[]): DOMRect | undefined {
  if (!rects.length) return undefined;
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const right = Math.max(...rects.map((r) => r.right));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  return new DOMRect(left, top, right - left, bottom - top);
}
