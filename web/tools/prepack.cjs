// npm pack runs this in web/: the package gets the repository's README with everything it links
// to (docs/, the JSON Schema, the example articles), at the same relative paths, so every link
// in the installed README resolves. The copies are build output (.gitignore), never edited.
const { cpSync, mkdirSync, readdirSync, rmSync } = require('node:fs');

for (const dir of ['docs', 'schema', 'examples']) rmSync(dir, { recursive: true, force: true });
cpSync('../README.md', 'README.md');
mkdirSync('docs');
for (const f of readdirSync('../docs')) if (/\.(md|png)$/.test(f)) cpSync(`../docs/${f}`, `docs/${f}`);
cpSync('../schema', 'schema', { recursive: true });
mkdirSync('examples');
for (const f of readdirSync('../examples')) if (f.endsWith('.json')) cpSync(`../examples/${f}`, `examples/${f}`);
