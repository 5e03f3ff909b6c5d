// The security corpus (tests/security/vectors.json) as articles, for every test that needs it:
// tests/node/security.test.js (Node API + HTML parser), tests/browser/security.test.js (Chromium)
// and tests/fuzz/make-corpus.sh (fuzzer seeds).
//
//   loadVectors()          → the vectors as written in vectors.json
//   buildVectorArticles()  → [{ id, articleJson, options, vector }]: the base article
//                            (examples/la-la-land.json), with the values of vector.with (pointer →
//                            value: a valid figure, video, quote or note to attack a field of) and
//                            the vector's value set at its field (or the render options, when
//                            vector.target === "options")
//   setAt(obj, pointer, v) → sets a JSON Pointer (RFC 6901) inside obj, creating what is missing
import { readFileSync } from 'node:fs';

const here = new URL('./', import.meta.url);
export const BASE_ARTICLE_PATH = new URL('../../examples/la-la-land.json', here);

export function loadVectors() {
  return JSON.parse(readFileSync(new URL('vectors.json', here), 'utf8')).vectors;
}

const unescapeToken = (t) => t.replace(/~1/g, '/').replace(/~0/g, '~');

export function setAt(obj, pointer, value) {
  if (pointer === '') return value;
  const tokens = pointer.split('/').slice(1).map(unescapeToken);
  let node = obj;
  tokens.slice(0, -1).forEach((token, i) => {
    if (node[token] === undefined || node[token] === null || typeof node[token] !== 'object') {
      node[token] = /^\d+$/.test(tokens[i + 1]) ? [] : {};
    }
    node = node[token];
  });
  node[tokens.at(-1)] = value;
  return obj;
}

export function buildVectorArticles() {
  const base = readFileSync(BASE_ARTICLE_PATH, 'utf8');
  return loadVectors().map((vector) => {
    const article = JSON.parse(base);
    let options = {};
    // A vector of a field inside an optional object first puts a valid one there ("with": pointer → value).
    for (const [pointer, value] of Object.entries(vector.with ?? {})) setAt(article, pointer, structuredClone(value));
    if (vector.target === 'options') options = setAt(options, vector.field, vector.value);
    else setAt(article, vector.field, vector.value);
    return { id: vector.id, articleJson: JSON.stringify(article, null, 2), options, vector };
  });
}
