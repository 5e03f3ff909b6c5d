#include "aw/markdown_arena.hpp"

#include <cmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>

// Under AddressSanitizer the arena keeps ASan's view exact: only the bytes asked for are
// addressable, and a redzone follows each block, so a cmark overflow is still caught (the
// sanitizer and fuzz builds).
#if defined(__SANITIZE_ADDRESS__)
#define AW_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AW_ASAN 1
#endif
#endif
#ifdef AW_ASAN
#include <sanitizer/asan_interface.h>
#define AW_POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define AW_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define AW_POISON(p, n) ((void)(p), (void)(n))
#define AW_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

namespace aw {
namespace {

// Every block starts on an 8-byte boundary (cmark's structs hold pointers and 32-bit integers)
// after an 8-byte header that holds its size, which realloc needs to copy it.
constexpr size_t kAlign = 8;
constexpr size_t kHeader = 8;
#ifdef AW_ASAN
constexpr size_t kRedzone = 16;
#else
constexpr size_t kRedzone = 0;
#endif
// The seed's largest field takes ~40 KB of cmark memory; a spec-sized one grows further chunks.
constexpr size_t kFirstChunk = size_t{64} << 10;

constexpr size_t round_up(size_t n) { return (n + kAlign - 1) & ~(kAlign - 1); }

struct Chunk {
  Chunk* older;
  size_t size;  // bytes from the chunk's start, this header included
};
constexpr size_t kChunkHeader = round_up(sizeof(Chunk));

class Arena {
 public:
  void* allocate(size_t n) {
    if (n > SIZE_MAX / 2) std::abort();  // as cmark's own allocator does when memory runs out
    const size_t need = kHeader + round_up(n == 0 ? 1 : n) + kRedzone;
    if (!chunk_ || static_cast<size_t>(end_ - top_) < need) grow(need);
    char* block = top_ + kHeader;
    AW_UNPOISON(top_, kHeader + n);
    set_size(block, n);
    top_ += need;
    used_ += need;
    newest_ = block;
    return block;
  }

  void* reallocate(void* p, size_t n) {
    if (!p) return allocate(n);
    char* block = static_cast<char*>(p);
    const size_t old = size_of(block);
    if (n <= old) return p;
    // The newest block grows where it stands while its chunk has room (cmark's buffers grow by
    // half each time, usually while nothing else is allocated).
    if (block == newest_ && static_cast<size_t>(end_ - block) >= round_up(n) + kRedzone) {
      const char* top = block + round_up(n) + kRedzone;
      used_ += top - top_;
      top_ = const_cast<char*>(top);
      AW_UNPOISON(block, n);
      set_size(block, n);
      return p;
    }
    void* moved = allocate(n);
    std::memcpy(moved, block, old);
    return moved;
  }

  void release(void* p) {
    if (!p || p != newest_) return;  // the rest goes when the arena is emptied
    char* start = newest_ - kHeader;
    used_ -= top_ - start;
    AW_POISON(start, top_ - start);
    top_ = start;
    newest_ = nullptr;
  }

  void hold() { ++live_; }

  void drop() {
    if (live_ > 0 && --live_ == 0) empty();
  }

  MarkdownArenaStats stats() const {
    size_t chunks = 0;
    for (Chunk* c = chunk_; c; c = c->older) ++chunks;
    return {used_, chunks, live_};
  }

  ~Arena() {
    while (chunk_) drop_chunk();
  }

 private:
  static size_t size_of(const char* block) {
    uint64_t n;
    std::memcpy(&n, block - kHeader, sizeof n);
    return static_cast<size_t>(n);
  }
  static void set_size(char* block, size_t n) {
    const uint64_t v = n;
    std::memcpy(block - kHeader, &v, sizeof v);
  }

  // A new chunk, at least twice the last one: a large parse takes O(log n) chunks.
  void grow(size_t need) {
    const size_t size = std::max({kFirstChunk, chunk_ ? chunk_->size * 2 : 0, kChunkHeader + need});
    auto* c = static_cast<Chunk*>(std::malloc(size));
    if (!c) std::abort();
    c->older = chunk_;
    c->size = size;
    chunk_ = c;
    top_ = reinterpret_cast<char*>(c) + kChunkHeader;
    end_ = reinterpret_cast<char*>(c) + size;
    AW_POISON(top_, end_ - top_);
    newest_ = nullptr;
  }

  void drop_chunk() {
    Chunk* older = chunk_->older;
    AW_UNPOISON(chunk_, chunk_->size);
    std::free(chunk_);
    chunk_ = older;
  }

  // Back to the first chunk, empty; the others go back to the heap (memory stays flat).
  void empty() {
    while (chunk_ && chunk_->older) drop_chunk();
    if (chunk_) {
      top_ = reinterpret_cast<char*>(chunk_) + kChunkHeader;
      end_ = reinterpret_cast<char*>(chunk_) + chunk_->size;
      AW_POISON(top_, end_ - top_);
    }
    newest_ = nullptr;
    used_ = 0;
  }

  Chunk* chunk_ = nullptr;
  char* top_ = nullptr;
  char* end_ = nullptr;
  char* newest_ = nullptr;
  size_t used_ = 0;
  size_t live_ = 0;
};

// One per thread natively (Node's worker threads run the site build). The wasm module is single-
// threaded, and wasm-ld refuses thread-local storage without the atomics feature.
#if defined(__wasm__) && !defined(__wasm_atomics__)
Arena arena;
#else
thread_local Arena arena;
#endif

void* arena_calloc(size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) std::abort();
  void* p = arena.allocate(count * size);
  std::memset(p, 0, count * size);
  return p;
}
void* arena_realloc(void* p, size_t size) { return arena.reallocate(p, size); }
void arena_free(void* p) { arena.release(p); }

cmark_mem arena_mem = {arena_calloc, arena_realloc, arena_free};

}  // namespace

cmark_mem* markdown_arena() { return &arena_mem; }

void markdown_arena_hold() noexcept { arena.hold(); }

void markdown_arena_drop() noexcept { arena.drop(); }

void MarkdownDocFree::operator()(cmark_node* doc) const noexcept {
  if (doc) markdown_arena_drop();
}

MarkdownArenaStats markdown_arena_stats() noexcept { return arena.stats(); }

}  // namespace aw
