// UTF-8 decoding that never fails: invalid bytes become U+FFFD, so any byte
// string (from a file, a command line, a fuzzer) can be laid out safely.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct CodePoint {
    char32_t cp;
    uint32_t offset;  // byte offset of the first byte in the source string
    uint32_t length;  // bytes consumed (1 for an invalid byte)
};

std::vector<CodePoint> decode_utf8(std::string_view s);
void append_utf8(std::string& out, char32_t cp);
// The input with every invalid sequence replaced by U+FFFD.
std::string sanitize_utf8(std::string_view s);
bool is_valid_utf8(std::string_view s);

}  // namespace kiosk
