// Turns a failure into what the error state says (pure: no DOM). Readers get one plain sentence;
// the publisher gets the first few located problems on screen and the full list in the console.

const MAX_SHOWN = 3;

/** Errors of a failure as plain objects ({code, path, line, column, message, severity}). */
export function failureErrors(error) {
  if (error && Array.isArray(error.errors) && error.errors.length) return error.errors;
  const code = {
    network: 'fetch-failed',
    timeout: 'fetch-timeout',
    http: 'http-status',
    core: 'core-load-failed',
    stylesheet: 'stylesheet-failed',
    render: 'render-failed',
  }[error?.kind] || 'unexpected';
  const entry = { code, path: '', line: 0, column: 0, message: error?.message || String(error), severity: 'error' };
  if (error?.kind === 'http') entry.status = error.status;
  return [entry];
}

// Only json-syntax means "not JSON" (json-too-deep and input-too-large are JSON the limits refuse).
function isSyntaxError(e) {
  return e.code === 'json-syntax';
}

function where(e) {
  const parts = [];
  if (e.path) parts.push(e.path);
  if (e.line) parts.push(`line ${e.line}, column ${e.column}`);
  return parts.join(' · ');
}

/**
 * @returns {{ title: string, message: string, items: {where: string, message: string}[],
 *             more: number, retry: boolean }}
 */
export function describeFailure(error) {
  const title = 'This article could not be displayed';
  switch (error?.kind) {
    case 'network':
      return { title, message: 'The article could not be downloaded. Check your connection and try again.', items: [], more: 0, retry: true };
    case 'timeout':
      return { title, message: 'The article took too long to download.', items: [], more: 0, retry: true };
    case 'http': {
      const s = error.status;
      const message =
        s === 404 || s === 410
          ? `The article was not found (HTTP ${s}).`
          : `The server could not send the article (HTTP ${s}).`;
      return { title, message, items: [], more: 0, retry: !(s === 404 || s === 410) };
    }
    case 'core':
      return { title, message: 'The article renderer could not be loaded.', items: [], more: 0, retry: true };
    case 'stylesheet':
      return { title, message: 'The article\'s styles could not be loaded.', items: [], more: 0, retry: true };
    case 'invalid': {
      const errors = (error.errors || []).filter((e) => e.severity !== 'warning');
      const syntax = errors.length > 0 && errors.every(isSyntaxError);
      const n = errors.length;
      const message = syntax
        ? 'The article file is not valid JSON.'
        : `The article has ${n === 1 ? 'a problem' : `${n} problems`} that must be fixed before it can be shown.`;
      const items = errors.slice(0, MAX_SHOWN).map((e) => ({ where: where(e), message: e.message || e.code }));
      return { title, message, items, more: Math.max(0, n - MAX_SHOWN), retry: false };
    }
    default:
      return { title, message: 'Something went wrong while showing the article.', items: [], more: 0, retry: true };
  }
}
