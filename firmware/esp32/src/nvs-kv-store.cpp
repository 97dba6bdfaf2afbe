#include "nvs-kv-store.h"

bool NvsKvStore::getU32(const char* key, uint32_t& out) {
  if (!prefs_.isKey(key)) return false;
  out = prefs_.getUInt(key, out);
  return true;
}

bool NvsKvStore::putU32(const char* key, uint32_t value) { return prefs_.putUInt(key, value) == sizeof value; }

bool NvsKvStore::getBlob(const char* key, void* out, size_t size) {
  if (!prefs_.isKey(key) || prefs_.getBytesLength(key) != size) return false;
  return prefs_.getBytes(key, out, size) == size;
}

bool NvsKvStore::putBlob(const char* key, const void* data, size_t size) {
  return prefs_.putBytes(key, data, size) == size;
}

bool NvsKvStore::getString(const char* key, std::string& out) {
  if (!prefs_.isKey(key)) return false;
  out = prefs_.getString(key, "").c_str();
  return true;
}

bool NvsKvStore::putString(const char* key, const std::string& value) {
  // putString returns the bytes written: 0 for an empty value as well as for a failure.
  return prefs_.putString(key, value.c_str()) == value.size() && prefs_.isKey(key);
}

bool NvsKvStore::remove(const char* key) { return prefs_.remove(key); }
