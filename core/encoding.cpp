#include "encoding.h"

#include "document.h"

#include <cstdint>

namespace newslens {
namespace {

// Windows-1252 bytes 0x80..0x9F; 0 = undefined (kept as the C1 control).
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

std::string from_windows1252(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (const char ch : bytes) {
        const auto b = static_cast<unsigned char>(ch);
        char32_t cp = b;
        if (b >= 0x80 && b < 0xA0 && kCp1252High[b - 0x80]) cp = kCp1252High[b - 0x80];
        append_utf8(out, cp);
    }
    return out;
}

std::string from_utf16(std::string_view bytes, bool little) {
    std::string out;
    out.reserve(bytes.size());
    auto unit = [&](std::size_t i) -> char16_t {
        const auto a = static_cast<unsigned char>(bytes[i]);
        const auto b = static_cast<unsigned char>(bytes[i + 1]);
        return static_cast<char16_t>(little ? (a | (b << 8)) : ((a << 8) | b));
    };
    std::size_t i = 0;
    for (; i + 1 < bytes.size(); i += 2) {
        const char16_t u = unit(i);
        if (u >= 0xD800 && u < 0xDC00 && i + 3 < bytes.size()) {
            const char16_t v = unit(i + 2);
            if (v >= 0xDC00 && v < 0xE000) {
                append_utf8(out, 0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) + (v - 0xDC00));
                i += 2;
                continue;
            }
        }
        append_utf8(out, (u >= 0xD800 && u < 0xE000) ? 0xFFFD : u);
    }
    if (i < bytes.size()) append_utf8(out, 0xFFFD);  // an odd last byte
    return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

bool is_valid_utf8(std::string_view s) {
    char32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t len = decode_utf8(s, i, cp);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

Encoding decode_to_utf8(std::string& bytes) {
    const std::string_view v(bytes);
    if (starts_with(v, "\xEF\xBB\xBF")) {
        bytes.erase(0, 3);
        return Encoding::utf8_bom;
    }
    if (starts_with(v, "\xFF\xFE")) {
        bytes = from_utf16(v.substr(2), true);
        return Encoding::utf16le;
    }
    if (starts_with(v, "\xFE\xFF")) {
        bytes = from_utf16(v.substr(2), false);
        return Encoding::utf16be;
    }
    if (is_valid_utf8(v)) return Encoding::utf8;
    bytes = from_windows1252(v);
    return Encoding::windows1252;
}

std::string decoding_note(Encoding encoding) {
    switch (encoding) {
        case Encoding::utf16le: return "decoded as UTF-16 LE (byte order mark)";
        case Encoding::utf16be: return "decoded as UTF-16 BE (byte order mark)";
        case Encoding::windows1252: return "decoded as windows-1252 (not valid UTF-8)";
        default: return "";
    }
}

}  // namespace newslens
