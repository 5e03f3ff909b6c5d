// What a failure is, as facts for the core (which words it, in the reader's language:
// aw::call_failure_text) and as the error list the console and the `error` event carry. Pure: no DOM.

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

/** The facts aw::call_failure_text words: the kind, the HTTP status, the reader's languages
 *  (the article's, then the page's) and, for an invalid article, its errors' codes. */
export function failureFacts(error, languages) {
  const errors = (error?.errors ?? []).filter((e) => e.severity !== 'warning');
  return { kind: error?.kind ?? 'unexpected', status: error?.status ?? 0, lang: languages.filter(Boolean), codes: errors.map((e) => e.code) };
}

// Without the core (it is what failed to load) there is no label table: the one text in English.
export const NO_CORE_TEXT = {
  title: 'This article could not be displayed',
  message: 'The article renderer could not be loaded.',
  retry: true,
  retryLabel: 'Try again',
  shown: 0,
  more: '',
};

/** Where a located problem is, for the error list: "/title · line 3, column 12". */
export function where(e) {
  const parts = [];
  if (e.path) parts.push(e.path);
  if (e.line) parts.push(`line ${e.line}, column ${e.column}`);
  return parts.join(' · ');
}
