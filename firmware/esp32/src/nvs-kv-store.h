// KvStore over Arduino's Preferences (NVS namespace "dash").
#pragma once
#include <Preferences.h>
#include <dash-core.h>

class NvsKvStore : public dash::KvStore {
 public:
  bool begin() { return prefs_.begin("dash", false); }
  bool getU32(const char* key, uint32_t& out) override;
  bool putU32(const char* key, uint32_t value) override;
  bool getBlob(const char* key, void* out, size_t size) override;
  bool putBlob(const char* key, const void* data, size_t size) override;
  bool getString(const char* key, std::string& out) override;
  bool putString(const char* key, const std::string& value) override;
  bool remove(const char* key) override;

 private:
  Preferences prefs_;
};
