// A DOM for unit tests of content-script code (linkedom: structure only, no layout).
import { parseHTML } from 'linkedom';

export function useDom(html: string): Document {
  const { window, document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const g = globalThis as any;
  for (const name of ['Node', 'Element', 'HTMLElement', 'HTMLTextAreaElement', 'Text', 'NodeFilter']) g[name] = (window as any)[name];
  g.document = document;
  return document;
}
