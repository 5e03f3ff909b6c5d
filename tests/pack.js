// The npm package as a user gets it, for the tests that install it (tests/node/package.test.js,
// tests/browser/vite.test.js, tests/browser/readme.test.js): `npm pack` of web/ (its prepack copies
// README, docs, schema and examples in) and `npm install` of the tarball into an empty folder
// under the system's temporary directory, outside the repository.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../', import.meta.url));
export const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Packs web/ into a new temporary folder: { work, tarball, packed } (packed: npm's JSON). */
export function pack(prefix = 'aw-pack-') {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], join(repo, 'web')))[0];
  return { work, tarball: join(work, packed.filename), packed };
}

/** An empty project at `dir` (created) with the tarball installed as its only dependency. */
export function installInto(dir, tarball) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], dir);
  return dir;
}
