/* The length of a cmark node's literal, which cmark keeps (node->len) but its API does not give:
 * cmark_node_get_literal returns the text alone, and the writer's strlen over every text node was
 * ~3 % of the Markdown path in wasm. Compiled into cmark_static (CMakeLists.txt), where cmark's
 * own node.h is in reach. */
#include <stddef.h>

#include "node.h"

size_t aw_cmark_literal_length(cmark_node* node) {
  if (cmark_node_get_literal(node) == NULL || node->data == NULL) return 0;
  return (size_t)node->len;
}
