// The part of the viewport where an editor's text can be seen: its own client
// box (inside border and scrollbars) cut by every ancestor that clips its
// overflow. Underlines are drawn only inside it, so words scrolled out of a
// container (or out of the editor itself) leave no underline floating on the page.

export function visibleArea(editor: HTMLElement): DOMRect {
  let area: DOMRect | undefined = clientBox(editor);
  for (let el = parentOf(editor); el && area; el = parentOf(el)) {
    if (el === document.body || el === document.documentElement) continue;
    const cs = getComputedStyle(el);
    if (cs.overflowX === 'visible' && cs.overflowY === 'visible' && cs.contain.indexOf('paint') < 0) continue;
    area = intersect(area, clientBox(el));
  }
  return intersect(area ?? new DOMRect(), new DOMRect(0, 0, innerWidth, innerHeight)) ?? new DOMRect();
}

/** The padding box in viewport coordinates: what the element shows of its content. */
function clientBox(el: Element): DOMRect {
  const r = el.getBoundingClientRect();
  return new DOMRect(r.left + el.clientLeft, r.top + el.clientTop, el.clientWidth || r.width, el.clientHeight || r.height);
}

/** Parent across shadow roots, so an editor inside a web component is clipped by its host's containers. */
function parentOf(el: Element): Element | null {
  return el.parentElement ?? ((el.parentNode as ShadowRoot | null)?.host ?? null);
}

export function intersect(a: DOMRect | undefined, b: DOMRect): DOMRect | undefined {
  if (!a) return undefined;
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.right, b.right);
  const bottom = Math.min(a.bottom, b.bottom);
  return right > left && bottom > top ? new DOMRect(left, top, right - left, bottom - top) : undefined;
}
