// cmark's memory for the Markdown being parsed: one bump arena per thread, handed to cmark as its
// allocator (cmark_parser_new_with_mem). A parse makes hundreds of small nodes and strings and
// frees them all at once; with the arena each allocation is a pointer bump and the tree's free is
// dropping the arena, instead of a malloc and a free per node (emmalloc's in the wasm).
// docs/PERFORMANCE.md has the before and after.
#pragma once
#include <cstddef>
#include <memory>

struct cmark_mem;
struct cmark_node;

namespace aw {

// The thread's arena as a cmark allocator. Memory from it lives until no MarkdownDoc is left
// (below); its free() gives back only the newest block (cmark frees its delimiter and bracket
// stacks newest first), so each parse's memory is bounded by a small multiple of its input.
cmark_mem* markdown_arena();

// Frees a tree parsed into the arena: the arena is emptied when the last live tree goes (it keeps
// its first chunk for the next parse, so steady use allocates nothing).
struct MarkdownDocFree {
  void operator()(cmark_node* doc) const noexcept;
};
using MarkdownDoc = std::unique_ptr<cmark_node, MarkdownDocFree>;

// A tree made in the arena is live from hold to drop (parse_markdown holds, MarkdownDoc drops).
void markdown_arena_hold() noexcept;
void markdown_arena_drop() noexcept;

// What the arena holds now, for tests: bytes handed out (headers included) and chunks owned.
struct MarkdownArenaStats {
  size_t used = 0;
  size_t chunks = 0;
  size_t live_docs = 0;
};
MarkdownArenaStats markdown_arena_stats() noexcept;

}  // namespace aw
