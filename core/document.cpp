#include "document.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "segmentation.h"
#include "article_date.h"
#include "text.h"

namespace newslens {
namespace {

// Eight bytes at a time: news text is mostly ASCII.
std::uint64_t load8(const unsigned char* p) {
    std::uint64_t x;
    std::memcpy(&x, p, 8);
    return x;
}
constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
constexpr std::uint64_t bytes_of(unsigned char b) { return 0x0101010101010101ull * b; }
// True when every byte of x is in [0x20, 0x7E]: printable ASCII or a space.
bool printable8(std::uint64_t x) {
    const std::uint64_t below = (x - bytes_of(0x20)) & ~x;          // a byte < 0x20 (or >= 0x80)
    const std::uint64_t del = ((x ^ bytes_of(0x7F)) - bytes_of(1)) & ~(x ^ bytes_of(0x7F));  // a byte == 0x7F
    return ((x | below | del) & kHighBits) == 0;
}

// Decodes `utf8` into one wchar_t per code point. `checkpoints` gets the byte
// offset of every `stride`-th code point and `astral` the indices of code
// points outside the BMP, in the same pass. Invalid sequences become U+FFFD
// and set `repaired`; the checkpoints count bytes of the repaired text (a
// replaced byte is three there).
template <std::size_t stride = 64>
std::wstring decode_all(std::string_view utf8, bool& repaired, std::vector<std::size_t>* checkpoints = nullptr,
                        std::vector<std::size_t>* astral = nullptr) {
    static_assert(stride >= 16, "at most one checkpoint per 16 ASCII bytes");
    std::wstring out(utf8.size(), L'\0');
    wchar_t* const begin = out.data();
    wchar_t* o = begin;
    const auto* b = reinterpret_cast<const unsigned char*>(utf8.data());
    const std::size_t n = utf8.size();
    std::size_t grown = 0;  // bytes the repairs added before `pos`
    for (std::size_t pos = 0; pos < n;) {
        const auto idx = static_cast<std::size_t>(o - begin);
#if defined(__SSE2__)
        // Sixteen ASCII bytes widened at once (x86-64; the 8-byte path below elsewhere).
        if (pos + 16 <= n) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + pos));
            if (_mm_movemask_epi8(v) == 0) {
                if (checkpoints) {
                    const std::size_t k = (stride - idx % stride) % stride;  // next multiple of stride
                    if (k < 16) checkpoints->push_back(pos + grown + k);
                }
                const __m128i zero = _mm_setzero_si128();
                const __m128i lo = _mm_unpacklo_epi8(v, zero), hi = _mm_unpackhi_epi8(v, zero);
                auto* out4 = reinterpret_cast<__m128i*>(o);
                _mm_storeu_si128(out4, _mm_unpacklo_epi16(lo, zero));
                _mm_storeu_si128(out4 + 1, _mm_unpackhi_epi16(lo, zero));
                _mm_storeu_si128(out4 + 2, _mm_unpacklo_epi16(hi, zero));
                _mm_storeu_si128(out4 + 3, _mm_unpackhi_epi16(hi, zero));
                o += 16;
                pos += 16;
                continue;
            }
        }
#endif
        if (pos + 8 <= n && (load8(b + pos) & kHighBits) == 0) {
            if (checkpoints) {
                const std::size_t k = (stride - idx % stride) % stride;  // next multiple of stride
                if (k < 8) checkpoints->push_back(pos + grown + k);
            }
            for (int k = 0; k < 8; ++k) o[k] = static_cast<wchar_t>(b[pos + k]);
            o += 8;
            pos += 8;
            continue;
        }
        if (checkpoints && idx % stride == 0) checkpoints->push_back(pos + grown);
        if (b[pos] < 0x80) {
            *o++ = static_cast<wchar_t>(b[pos++]);
            continue;
        }
        char32_t cp;
        std::size_t len = decode_utf8(utf8, pos, cp);
        if (len == 0) { cp = 0xFFFD; len = 1; repaired = true; grown += 2; }
        if (astral && cp > 0xFFFF) astral->push_back(idx);
        *o++ = static_cast<wchar_t>(cp);
        pos += len;
    }
    out.resize(static_cast<std::size_t>(o - begin));
    return out;
}

}  // namespace

std::size_t decode_utf8(std::string_view s, std::size_t pos, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) { cp = b0; return 1; }
    std::size_t len;
    char32_t min;
    if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1F; min = 0x80; }
    else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0F; min = 0x800; }
    else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07; min = 0x10000; }
    else return 0;
    if (pos + len > s.size()) return 0;
    for (std::size_t i = 1; i < len; ++i) {
        const auto b = static_cast<unsigned char>(s[pos + i]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::size_t invalid_utf8_at(std::string_view s) {
    const auto* b = reinterpret_cast<const unsigned char*>(s.data());
    for (std::size_t pos = 0; pos < s.size();) {
        if (pos + 8 <= s.size() && (load8(b + pos) & kHighBits) == 0) {
            pos += 8;
            continue;
        }
        if (b[pos] < 0x80) {
            ++pos;
            continue;
        }
        char32_t cp;
        const std::size_t len = decode_utf8(s, pos, cp);
        if (len == 0) return pos;
        pos += len;
    }
    return std::string_view::npos;
}

std::optional<std::string> check_input(std::string_view bytes) {
    if (bytes.size() > kMaxDocumentBytes)
        return "too large (" + std::to_string(bytes.size()) + " bytes; the limit is " +
               std::to_string(kMaxDocumentBytes) + " bytes)";
    bool only_space = true;
    std::size_t controls = 0;
    for (std::size_t pos = 0; pos < bytes.size();) {
#if defined(__SSE2__)
        // Sixteen printable ASCII bytes at once (x86-64; the 8-byte path below elsewhere).
        if (pos + 16 <= bytes.size()) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes.data() + pos));
            // Signed compares: bytes >= 0x80 are negative, below 0x20.
            const __m128i printable =
                _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F)));
            if (_mm_movemask_epi8(printable) == 0xFFFF) {
                if (_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))) != 0xFFFF) only_space = false;
                pos += 16;
                continue;
            }
        }
#endif
        // Printable ASCII: nothing to check.
        if (pos + 8 <= bytes.size()) {
            const std::uint64_t x = load8(reinterpret_cast<const unsigned char*>(bytes.data()) + pos);
            if (printable8(x)) {
                if (x != bytes_of(' ')) only_space = false;
                pos += 8;
                continue;
            }
        }
        const auto b = static_cast<unsigned char>(bytes[pos]);
        if (b > 0x20 && b < 0x7F) {
            only_space = false;
            ++pos;
            continue;
        }
        char32_t cp;
        const std::size_t len = decode_utf8(bytes, pos, cp);
        if (len == 0)
            return "not valid UTF-8 (bad byte 0x" +
                   std::string(1, "0123456789abcdef"[static_cast<unsigned char>(bytes[pos]) >> 4]) +
                   std::string(1, "0123456789abcdef"[static_cast<unsigned char>(bytes[pos]) & 15]) +
                   " at byte " + std::to_string(pos) + ")";
        if (cp == 0) return "binary data (NUL byte at byte " + std::to_string(pos) + ")";
        if (cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t' && cp != '\f') ++controls;
        if (!(cp == ' ' || cp == '\n' || cp == '\r' || cp == '\t' || cp == '\f' || cp == 0xA0 || cp == 0xFEFF))
            only_space = false;
        pos += len;
    }
    if (bytes.empty()) return "empty (0 bytes)";
    if (only_space) return "empty (only white space)";
    // Text has next to no C0 control characters; a file with many is binary
    // data that happens to decode.
    if (controls * 100 > bytes.size()) return "binary data (too many control characters)";
    return std::nullopt;
}

Document::Document(std::string name, std::string text) : name_(std::move(name)) {
    bool repaired = false;
    byte_checkpoints_.reserve(text.size() / kStride + 1);
    wide_ = decode_all<kStride>(text, repaired, &byte_checkpoints_, &astral_);
    // Invalid bytes became U+FFFD: keep text_ and wide_ in step.
    text_ = repaired ? to_utf8(wide_) : std::move(text);
    text_date_ = article_date_in(wide_);
}

Document::~Document() = default;

const TextLayer& Document::layer() const {
    if (!layer_) {
        prepare_segmentation();  // its words interned before the layer looks words up
        layer_ = std::make_unique<TextLayer>(*this);
    }
    return *layer_;
}

const Segmentation& Document::segmentation() const {
    if (!segmentation_) segmentation_ = std::make_unique<Segmentation>(layer());
    return *segmentation_;
}

std::size_t Document::byte_from_cp(std::size_t cp) const {
    if (cp >= wide_.size()) return text_.size();
    const std::size_t block = cp / kStride;
    std::size_t byte = byte_checkpoints_[block];
    // A block of kStride code points in as many bytes is ASCII.
    const std::size_t next = block + 1 < byte_checkpoints_.size() ? byte_checkpoints_[block + 1] : text_.size();
    const std::size_t block_cps = std::min(kStride, wide_.size() - block * kStride);
    if (next - byte == block_cps) return byte + cp % kStride;
    for (std::size_t i = cp - cp % kStride; i < cp; ++i) {
        byte += utf8_length(static_cast<char32_t>(wide_[i]));
    }
    return byte;
}

std::size_t Document::cp_from_byte(std::size_t byte) const {
    if (byte >= text_.size()) return wide_.size();
    // Last checkpoint at or before `byte`, then walk forward.
    auto it = std::upper_bound(byte_checkpoints_.begin(), byte_checkpoints_.end(), byte);
    std::size_t block = static_cast<std::size_t>(it - byte_checkpoints_.begin()) - 1;
    std::size_t cp = block * kStride;
    std::size_t at = byte_checkpoints_[block];
    while (cp < wide_.size()) {
        const std::size_t len = utf8_length(static_cast<char32_t>(wide_[cp]));
        if (at + len > byte) break;  // `byte` is inside or at the start of this code point
        at += len;
        ++cp;
    }
    return cp;
}

std::size_t Document::utf16_from_cp(std::size_t cp) const {
    return cp + static_cast<std::size_t>(std::lower_bound(astral_.begin(), astral_.end(), cp) - astral_.begin());
}

std::string Document::slice(std::size_t begin, std::size_t end) const {
    end = std::min(end, wide_.size());
    if (begin >= end) return {};
    const std::size_t b = byte_from_cp(begin);
    return text_.substr(b, byte_from_cp(end) - b);
}

std::string to_utf8(std::wstring_view wide) {
    std::string out;
    out.reserve(wide.size());
    for (wchar_t c : wide) append_utf8(out, static_cast<char32_t>(c));
    return out;
}

std::wstring to_wide(std::string_view utf8) {
    bool repaired = false;
    return decode_all(utf8, repaired);
}

}  // namespace newslens
