// Whether to offer "Polish on device": only where Chrome's built-in Rewriter
// exists and says it can run (possibly after a model download).
type RewriterScope = { Rewriter?: { availability?: () => Promise<string> } };

export async function onDeviceRewriterAvailable(scope: unknown = globalThis): Promise<boolean> {
  const api = (scope as RewriterScope | undefined)?.Rewriter;
  if (typeof api?.availability !== 'function') return false;
  try {
    const availability = await api.availability();
    return availability === 'available' || availability === 'downloadable' || availability === 'downloading';
  } catch {
    return false;
  }
}
