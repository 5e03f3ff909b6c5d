/* cmark's case folding and entity lookup over compact tables (tools/cmark-tables.js generates them
 * at build time from cmark's own case_fold_switch.inc and entities.inc). Linked into cmark_static
 * in place of the originals (CMakeLists.txt, "cmark's tables"): utf8.c's switch is compiled under
 * another name, and houdini_html_u.c is compiled from a build-time copy that calls
 * aw_cmark_entity_lookup. Same results for every input: tests/native/cmark_tables_test.cpp checks
 * every code point 0..0x10FFFF and every entity against cmark's own code. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Woverlength-strings" /* the entity string: one literal, ~24 KB */
#endif
#include "aw_cmark_tables.inc"
#include "buffer.h"
#include "utf8.h"

const unsigned char *aw_cmark_entity_lookup(const unsigned char *s, int len);

/* What a code point folds to: its run's delta, an entry of the multi table, or itself. */
static void S_fold_one(int32_t c, cmark_strbuf *dest) {
  size_t lo = 0, hi = AW_FOLD_RUNS; /* the last run starting at or before c */
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if ((int32_t)(aw_fold_runs[mid] & 0x1FFFFF) <= c)
      lo = mid;
    else
      hi = mid;
  }
  const uint32_t run = aw_fold_runs[lo];
  const int32_t first = (int32_t)(run & 0x1FFFFF);
  const int32_t step = (int32_t)((run >> 21) & 1) + 1;
  const int32_t count = (int32_t)(run >> 22) + 1;
  if (c >= first && c < first + step * count && (c - first) % step == 0) {
    cmark_utf8proc_encode_char(c + aw_fold_deltas[lo], dest);
    return;
  }
  lo = 0;
  hi = AW_FOLD_MULTI;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (aw_fold_multi[mid][0] < (uint32_t)c)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo < AW_FOLD_MULTI && aw_fold_multi[lo][0] == (uint32_t)c) {
    for (int k = 1; k < 4 && aw_fold_multi[lo][k]; ++k) cmark_utf8proc_encode_char((int32_t)aw_fold_multi[lo][k], dest);
    return;
  }
  cmark_utf8proc_encode_char(c, dest);
}

void cmark_utf8proc_case_fold(cmark_strbuf *dest, const uint8_t *str, bufsize_t len) {
  static const uint8_t replacement[] = {0xEF, 0xBF, 0xBD}; /* U+FFFD, for bytes that are not UTF-8 */
  while (len > 0) {
    int32_t c;
    bufsize_t char_len = cmark_utf8proc_iterate(str, len, &c);
    if (char_len >= 0) {
      S_fold_one(c, dest);
    } else {
      cmark_strbuf_put(dest, replacement, 3);
      char_len = -char_len;
    }
    str += char_len;
    len -= char_len;
  }
}

/* The entity named by s[0..len) (no ';'), as NUL-terminated UTF-8, or NULL. aw_entities holds
 * "name\xFFvalue\0" per entity, sorted by name: a binary search over its bytes steps back from the
 * middle to the start of that entry (just after a NUL). */
const unsigned char *aw_cmark_entity_lookup(const unsigned char *s, int len) {
  size_t lo = 0, hi = AW_ENTITIES_BYTES; /* entry starts in [lo, hi) */
  if (len <= 0) return NULL;
  while (lo < hi) {
    size_t at = lo + (hi - lo) / 2;
    while (at > lo && aw_entities[at - 1] != '\0') --at;
    const char *name = aw_entities + at;
    size_t name_len = (size_t)((const char *)memchr(name, '\xFF', AW_ENTITIES_BYTES - at) - name);
    int cmp = memcmp(s, name, (size_t)len < name_len ? (size_t)len : name_len);
    if (cmp == 0) cmp = (size_t)len < name_len ? -1 : (size_t)len > name_len ? 1 : 0;
    const char *value = name + name_len + 1;
    if (cmp == 0) return (const unsigned char *)value;
    if (cmp < 0)
      hi = at;
    else
      lo = (size_t)(value - aw_entities) + strlen(value) + 1;
  }
  return NULL;
}

#ifdef __EMSCRIPTEN__
#include <stdio.h>
/* cmark's fprintf in buffer.c and cmark.c (CMakeLists.txt renames it for the wasm build): the
 * message before abort() on an allocation failure. Nothing is printed (the glue's printErr is
 * silenced anyway); the abort follows as before. */
int aw_cmark_fprintf(FILE *out, const char *format, ...) {
  (void)out;
  (void)format;
  return 0;
}
#endif
