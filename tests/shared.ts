// The dev workspace keeps a shared corpus and public data beside the repo (../shared);
// TACTFUL_SHARED points elsewhere. A clone without it still passes: the tests that read it
// are skipped, and say why.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

export const SHARED_DIR = resolve(ROOT, process.env.TACTFUL_SHARED ?? '../shared');

/** A path inside the shared directory (it may not exist). */
export const sharedPath = (relative: string): string => join(SHARED_DIR, relative);

/** Whether the shared file exists; when it does not, prints why the tests that need it are skipped. */
export function hasShared(relative: string, what = 'tests that read it'): boolean {
  const path = sharedPath(relative);
  if (existsSync(path)) return true;
  console.warn(`[tactful] ${path} not found (set TACTFUL_SHARED or place ../shared beside the repo): ${what} skipped`);
  return false;
}
