// 16 bytes as one vector, for the loops that scan every byte of an article (the JSON reader's
// strings, the Markdown pre-scan, escaping): GCC's and clang's vector extensions, so one source
// compiles to SSE2 natively and to wasm SIMD128 in the browser (-msimd128, CMakeLists.txt).
// Comparing a Bytes16 with a byte gives a lane of all ones where it matches, zero elsewhere.
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>

namespace aw {

using Bytes16 = uint8_t __attribute__((vector_size(16)));

inline Bytes16 load16(const char* p) {
  Bytes16 b;
  std::memcpy(&b, p, 16);
  return b;
}

// Whether any lane of a comparison's result (or of any 16-byte vector) is non-zero.
template <class Mask>
inline bool any16(Mask m) {
  static_assert(sizeof(Mask) == 16);
  uint64_t half[2];
  std::memcpy(half, &m, 16);
  return (half[0] | half[1]) != 0;
}

// The index of the first byte `c` in `s` at or after `from`, or npos: what memchr does, 16 bytes
// at a time (Emscripten's memchr reads 4).
inline size_t find_byte(std::string_view s, char c, size_t from = 0) {
  size_t i = from;
  while (i + 16 <= s.size() && !any16(load16(s.data() + i) == static_cast<uint8_t>(c))) i += 16;
  for (; i < s.size(); ++i)
    if (s[i] == c) return i;
  return std::string_view::npos;
}

// The index of the first `a` followed by `b` in `s` at or after `from`, or npos.
inline size_t find_pair(std::string_view s, char a, char b, size_t from = 0) {
  for (size_t i = find_byte(s, a, from); i != std::string_view::npos; i = find_byte(s, a, i + 1))
    if (i + 1 < s.size() && s[i + 1] == b) return i;
  return std::string_view::npos;
}

}  // namespace aw
