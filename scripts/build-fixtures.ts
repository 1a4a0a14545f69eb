// Bundles the fixture pages' editors (ProseMirror, React) into tests/fixtures/dist/.
// CKEditor 5 needs no bundling: its browser ESM build is served as is.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'tests/fixtures/src');
const out = join(root, 'tests/fixtures/dist');
mkdirSync(out, { recursive: true });
const esbuild = join(root, 'node_modules/.bin/esbuild');
const common = ['--bundle', '--format=iife', '--minify', '--define:process.env.NODE_ENV="production"', '--log-level=warning'];
execFileSync(esbuild, [join(src, 'build-upwork.ts'), `--outfile=${join(out, 'upwork.js')}`, ...common], { stdio: 'inherit' });
execFileSync(esbuild, [join(src, 'build-fiverr.tsx'), `--outfile=${join(out, 'fiverr.js')}`, '--jsx=automatic', ...common], { stdio: 'inherit' });
writeFileSync(join(out, '.built'), new Date().toISOString());
console.log('fixtures built in', out);
