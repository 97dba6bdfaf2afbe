// NVS stand-in for host tests: a map of blobs that can be told to refuse writes (NVS full).
#pragma once
#include <cstring>
#include <map>
#include <string>

#include "../lib/dash_core/src/kv-store.h"

class MemoryKvStore : public dash::KvStore {
 public:
  bool refuseWrites = false;
  int writes = 0;

  bool getU32(const char* key, uint32_t& out) override { return getBlob(key, &out, sizeof out); }
  bool putU32(const char* key, uint32_t value) override { return putBlob(key, &value, sizeof value); }
  bool getBlob(const char* key, void* out, size_t size) override {
    auto found = entries_.find(key);
    if (found == entries_.end() || found->second.size() != size) return false;
    std::memcpy(out, found->second.data(), size);
    return true;
  }
  bool putBlob(const char* key, const void* data, size_t size) override {
    if (refuseWrites || std::strlen(key) > 15) return false;
    ++writes;
    entries_[key] = std::string(static_cast<const char*>(data), size);
    return true;
  }
  bool getString(const char* key, std::string& out) override {
    auto found = entries_.find(key);
    if (found == entries_.end()) return false;
    out = found->second;
    return true;
  }
  bool putString(const char* key, const std::string& value) override { return putBlob(key, value.data(), value.size()); }
  bool remove(const char* key) override { return entries_.erase(key) > 0; }
  size_t keys() const { return entries_.size(); }

 private:
  std::map<std::string, std::string> entries_;
};
