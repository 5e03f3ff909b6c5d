// How the command line prints one problem of the core's report: FILE:LINE:COL: CODE: message.
export function formatProblem(file, p) {
  const where = [p.path && `at ${p.path}`, p.severity === 'warning' && 'warning'].filter(Boolean).join('; ');
  return `${file}:${p.line}:${p.column}: ${p.code}: ${p.message}${where ? ` (${where})` : ''}`;
}
