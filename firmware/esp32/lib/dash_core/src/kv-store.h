// The slice of NVS the outbox needs. On the device: Preferences (src/nvs-kv-store.*);
// in host tests: a std::map. Keys are at most 15 characters (an NVS limit).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace dash {

class KvStore {
 public:
  virtual ~KvStore() = default;
  virtual bool getU32(const char* key, uint32_t& out) = 0;  // false when absent
  virtual bool putU32(const char* key, uint32_t value) = 0;
  virtual bool getBlob(const char* key, void* out, size_t size) = 0;  // false when absent or another size
  virtual bool putBlob(const char* key, const void* data, size_t size) = 0;
  virtual bool getString(const char* key, std::string& out) = 0;  // false when absent
  virtual bool putString(const char* key, const std::string& value) = 0;
  virtual bool remove(const char* key) = 0;
};

}  // namespace dash
