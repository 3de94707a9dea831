// Text files in the encodings people have: UTF-8 (with or without a byte
// order mark), UTF-16 LE/BE with a byte order mark, and Windows-1252 (a
// superset of Latin-1) when the bytes are not valid UTF-8. The page decodes
// the same way with TextDecoder (web/page/decode.js).
#pragma once

#include <string>
#include <string_view>

namespace newslens {

enum class Encoding { utf8, utf8_bom, utf16le, utf16be, windows1252 };

// True when `bytes` is well-formed UTF-8 (no overlong forms, no surrogates,
// nothing above U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

// Decodes `bytes` to UTF-8 in place and says what it was. A UTF-8 byte order
// mark is removed; UTF-16 with a byte order mark is converted (an unpaired
// surrogate or an odd last byte becomes U+FFFD); bytes that are not valid
// UTF-8 are read as Windows-1252 (undefined bytes map to the C1 control of
// the same value, as the WHATWG Encoding Standard does).
Encoding decode_to_utf8(std::string& bytes);

// A line for the user, "" for plain UTF-8: "decoded as windows-1252 (not valid UTF-8)".
std::string decoding_note(Encoding encoding);

}  // namespace newslens
