// The reader's spoiler choice per article id, in localStorage. Storage can be missing or throw
// (privacy modes, sandboxed iframes, quota): then the choice simply is not remembered.

const KEY = (articleId) => `article-widget:spoilers:${articleId}`;

/** @returns {{ all: boolean, parts: string[] }} */
export function readChoice(articleId) {
  try {
    const raw = globalThis.localStorage?.getItem(KEY(articleId));
    if (!raw) return { all: false, parts: [] };
    const value = JSON.parse(raw);
    return {
      all: value?.all === true,
      parts: Array.isArray(value?.parts) ? value.parts.filter((p) => typeof p === 'string') : [],
    };
  } catch {
    return { all: false, parts: [] };
  }
}

export function writeChoice(articleId, choice) {
  try {
    if (!choice.all && !choice.parts.length) globalThis.localStorage?.removeItem(KEY(articleId));
    else globalThis.localStorage?.setItem(KEY(articleId), JSON.stringify(choice));
  } catch {
    /* not remembered; nothing else to do */
  }
}
