// JSON string literals: escapes, \u sequences and surrogate pairs to UTF-8 (json-reader's helper).
#pragma once
#include <string>

namespace dash {
namespace json {

// `p` points at the opening quote; on success it is left past the closing one and nullptr is
// returned, else a short reason.
const char* readJsonString(const char*& p, const char* end, std::string& out);

}  // namespace json
}  // namespace dash
