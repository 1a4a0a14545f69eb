// Where the editor badge goes: a corner of the editor where it covers neither
// the draft's words nor the site's own controls (Send, toolbar buttons). Tried
// in order: inside bottom-right (where people look for it), outside to the
// right, inside top-right, just above the editor on the right. None free: no
// badge (the side panel and popup still show the count).

export interface Spot {
  left: number;
  top: number;
}

const GAP = 4;
/** Text this close to the badge counts as covered (descenders, underlines). */
const MARGIN = 3;

/** Candidate top-left corners for a w × h badge around the editor's visible area. */
export function badgeCandidates(area: DOMRect, w: number, h: number): Spot[] {
  return [
    { left: area.right - w - GAP, top: area.bottom - h - GAP },
    { left: area.right + GAP, top: area.bottom - h },
    { left: area.right - w - GAP, top: area.top + GAP },
    { left: area.right - w, top: area.top - h - GAP },
  ];
}

const overlaps = (a: DOMRect, b: DOMRect, margin = 0) =>
  a.left < b.right + margin && b.left < a.right + margin && a.top < b.bottom + margin && b.top < a.bottom + margin;

/** The first candidate fully on screen that touches no text rect and no site control; undefined when none is free. */
export function chooseSpot(candidates: Spot[], w: number, h: number, text: readonly DOMRect[], coversControl: (r: DOMRect) => boolean, viewport: DOMRect): Spot | undefined {
  for (const c of candidates) {
    const r = new DOMRect(c.left, c.top, w, h);
    if (r.left < viewport.left || r.top < viewport.top || r.right > viewport.right || r.bottom > viewport.bottom) continue;
    if (text.some((t) => overlaps(r, t, MARGIN))) continue;
    if (coversControl(r)) continue;
    return c;
  }
  return undefined;
}

const CONTROL = 'button, a[href], input, select, textarea, [role="button"], [role="link"], [role="menuitem"], [role="tab"], [contenteditable=""], [contenteditable="true"]';

/** True when a page control other than `editor` (or something inside it) is under any of r's corners or centre. */
export function coversPageControl(r: DOMRect, editor: HTMLElement, overlayHost: Element): boolean {
  const points = [
    [r.left + 1, r.top + 1], [r.right - 1, r.top + 1], [r.left + 1, r.bottom - 1], [r.right - 1, r.bottom - 1], [r.left + r.width / 2, r.top + r.height / 2],
  ];
  for (const [x, y] of points) {
    for (const el of document.elementsFromPoint(x, y)) {
      if (el === overlayHost) continue;
      const control = el.closest(CONTROL);
      if (control && control !== editor && !editor.contains(control) && !control.contains(editor)) return true;
      break; // only the topmost page element at that point counts
    }
  }
  return false;
}

/** Line rects of the editor's text that lie in `region` (contenteditable; textareas are measured by their mirror). */
export function textRectsIn(nodes: readonly Node[], region: DOMRect): DOMRect[] {
  const out: DOMRect[] = [];
  const range = document.createRange();
  const seen = new Map<Element, boolean>();
  for (const node of nodes) {
    const parent = node.parentElement;
    if (!parent || !node.nodeValue?.trim()) continue;
    let near = seen.get(parent);
    if (near === undefined) seen.set(parent, (near = overlaps(parent.getBoundingClientRect(), region)));
    if (!near) continue;
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) if (r.width > 0 && overlaps(r, region)) out.push(r);
  }
  return out;
}
