// Reads the benchmark inputs that bench/run.js writes to build/bench/inputs/ (one set per name:
// <name>.json, <name>.md, <name>.options.json), so the native and wasm loops see the same bytes
// as the Node subjects.
#pragma once
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

namespace aw_bench {

struct Input {
  std::string name, json, markdown, options;
};

// One allocation of the exact size (no stream buffers left behind as holes in the heap, which
// would hide part of a render's peak from the wasm loop's high-water measurement).
inline bool read_file(const std::string& path, std::string& out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  std::fseek(f, 0, SEEK_END);
  long size = std::ftell(f);
  std::fseek(f, 0, SEEK_SET);
  out.resize(size > 0 ? static_cast<size_t>(size) : 0);
  size_t got = out.empty() ? 0 : std::fread(&out[0], 1, out.size(), f);
  std::fclose(f);
  out.resize(got);
  return true;
}

inline std::vector<Input> read_inputs(const std::string& dir, const std::string& only = "") {
  std::vector<Input> inputs;
  std::string names;
  if (!read_file(dir + "/names.txt", names)) return inputs;
  std::istringstream lines(names);
  for (std::string name; std::getline(lines, name);) {
    if (name.empty() || (!only.empty() && name != only)) continue;
    Input in{name, {}, {}, {}};
    read_file(dir + "/" + name + ".json", in.json);
    read_file(dir + "/" + name + ".md", in.markdown);
    read_file(dir + "/" + name + ".options.json", in.options);
    inputs.push_back(std::move(in));
  }
  return inputs;
}

}  // namespace aw_bench
