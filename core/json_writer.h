// Appending JSON text to a std::string without a call per piece: the JSON
// Lines writer (core/analyzer.cpp) puts a few dozen short pieces per mention,
// and std::string::append costs more than the copy for pieces that short.
// The sink writes through a pointer into spare room at the end of the string
// and trims it when done.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "fields.h"

namespace newslens {

namespace detail {
// Printable ASCII but '"' and '\\', by byte: copied into a JSON string as is.
struct JsonPlainTable {
    bool plain[256] = {};
};
constexpr JsonPlainTable make_json_plain_table() {
    JsonPlainTable t{};
    for (int c = 0x20; c < 0x80; ++c) t.plain[c] = c != '"' && c != '\\';
    return t;
}
inline constexpr JsonPlainTable kJsonPlain = make_json_plain_table();
// "00" "01" ... "99".
inline constexpr char kTwoDigits[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";
}  // namespace detail

class JsonSink {
public:
    // `room`: bytes the caller expects to write (more are made as needed).
    explicit JsonSink(std::string& out, std::size_t room = 0) : out_(out) {
        // Capacity only: grow() sets the size in steps as it is written.
        if (room) out_.reserve(out_.size() + room);
        p_ = end_ = out_.data() + out_.size();
    }
    ~JsonSink() { out_.resize(static_cast<std::size_t>(p_ - out_.data())); }
    JsonSink(const JsonSink&) = delete;
    JsonSink& operator=(const JsonSink&) = delete;

    // Room for n more bytes. The writers below that end in `_fit` assume the
    // caller made room for them: one check for a run of small pieces.
    void reserve(std::size_t n) {
        if (static_cast<std::size_t>(end_ - p_) < n) grow(n);
    }
    void put(char c) {
        reserve(1);
        put_fit(c);
    }
    void put_fit(char c) { *p_++ = c; }
    const char* position() const { return p_; }
    // For a caller that writes a run of pieces through a local pointer
    // (room made for them): where to write, and where it ended.
    char* cursor() { return p_; }
    void set_cursor(char* p) { p_ = p; }
    // Where to write n bytes of JSON text the caller made room for.
    char* fit_pointer(std::size_t n) {
        char* p = p_;
        p_ += n;
        return p;
    }
    // Text that is JSON already (punctuation, keys known to need no escape).
    void raw(std::string_view s) {
        reserve(s.size());
        std::memcpy(p_, s.data(), s.size());
        p_ += s.size();
    }
    // A literal: its length is known at compile time, so the copy is a few
    // moves instead of a call.
    template <std::size_t N>
    void raw(const char (&s)[N]) {
        reserve(N - 1);
        raw_fit(s);
    }
    template <std::size_t N>
    void raw_fit(const char (&s)[N]) {
        std::memcpy(p_, s, N - 1);
        p_ += N - 1;
    }
    // A JSON string literal: UTF-8 kept, quotes, backslashes and control
    // characters escaped, invalid UTF-8 replaced by U+FFFD.
    void string(std::string_view s) {
        reserve(s.size() + 2);
        string_fit(s);
    }
    // string() with room made for s.size() + 2 bytes (escapes make their own)
    // and, when it escapes, room made again for `after` bytes after it.
    __attribute__((always_inline)) void string_fit(std::string_view s, std::size_t after = 0) {
        if (char* end = plain_string_to(p_, s)) p_ = end;
        else string_slow(s, 0, after);
    }
    // Writes `"s"` at p and returns its end when s is plain ASCII (no byte
    // to escape), else nullptr (what was written then counts for nothing).
    // Most strings written (keys, names, a mention's text) are: checked and
    // copied a word at a time, the last word overlapping the one before it,
    // so no byte is handled alone.
    __attribute__((always_inline)) static char* plain_string_to(char* p, std::string_view s) {
        const std::size_t n = s.size();
        const char* src = s.data();
        *p++ = '"';
        if (n >= 16) {
            std::size_t i = 0;
            for (; i + 16 < n; i += 16) {
                if (!plain16(src + i)) return nullptr;
                std::memcpy(p + i, src + i, 16);
            }
            if (!plain16(src + n - 16)) return nullptr;
            std::memcpy(p + n - 16, src + n - 16, 16);
        } else if (n >= 8) {
            std::uint64_t a, b;
            std::memcpy(&a, src, 8);
            std::memcpy(&b, src + n - 8, 8);
            if (!plain8x2(a, b)) return nullptr;
            std::memcpy(p, &a, 8);
            std::memcpy(p + n - 8, &b, 8);
        } else if (n >= 4) {
            std::uint32_t a, b;
            std::memcpy(&a, src, 4);
            std::memcpy(&b, src + n - 4, 4);
            if (!plain8(a | (std::uint64_t{b} << 32))) return nullptr;
            std::memcpy(p, &a, 4);
            std::memcpy(p + n - 4, &b, 4);
        } else {
            for (std::size_t i = 0; i < n; ++i) {
                if (!plain(src[i])) return nullptr;
                p[i] = src[i];
            }
        }
        p += n;
        *p++ = '"';
        return p;
    }
    // As nlohmann's dump() writes them (doubles: shortest round trip).
    void number(std::int64_t v) {
        reserve(kNumberRoom);
        number_fit(v);
    }
    static constexpr std::size_t kNumberRoom = 21;  // "-" and 20 digits
    void number_fit(std::int64_t v) { p_ = number_to(p_, v); }
    // Writes v at p (room made for kNumberRoom bytes), returns its end.
    __attribute__((always_inline)) static char* number_to(char* p, std::int64_t v) {
        std::uint64_t u = static_cast<std::uint64_t>(v);
        if (v < 0) {
            *p++ = '-';
            u = 0 - u;
        }
        // Offsets into a news text and most counts have at most four digits.
        if (u < 10000) {
            const auto pair = [](std::uint64_t two) { return detail::kTwoDigits + 2 * two; };
            if (u < 100) {
                if (u < 10) {
                    *p++ = static_cast<char>('0' + u);
                } else {
                    std::memcpy(p, pair(u), 2);
                    p += 2;
                }
                return p;
            }
            const std::uint64_t high = u / 100, low = u - 100 * high;
            if (high < 10) {
                *p = static_cast<char>('0' + high);
                std::memcpy(p + 1, pair(low), 2);
                return p + 3;
            }
            std::memcpy(p, pair(high), 2);
            std::memcpy(p + 2, pair(low), 2);
            return p + 4;
        }
        return long_number_to(p, u);
    }
    // number_to() for u >= 10000: written two digits at a time from the end.
    static char* long_number_to(char* p, std::uint64_t u);
    void number(double v);

    // `,"key":value`, a field of a mention: one check for room for all of
    // it (a mention has a dozen fields; most values are null, a whole
    // number or a short string).
    __attribute__((always_inline)) void field(std::string_view key, const Value& v);

    // Hands everything in the string so far to `emit` (the text it held
    // before the sink began included) and goes on writing from its start:
    // a long line is written out piece by piece in bounded memory.
    std::size_t written() const { return static_cast<std::size_t>(p_ - out_.data()); }
    template <class Emit>
    void drain(Emit&& emit) {
        emit(std::string_view(out_.data(), static_cast<std::size_t>(p_ - out_.data())));
        p_ = out_.data();
    }

private:
    // No byte of w is a control character, '"', '\\' or above 0x7F.
#ifdef __SSE2__
    // Signed, the bytes from 0x80 on are below ' ' too.
    // One bit for each byte of x that is not plain.
    static int not_plain_sse(__m128i x) {
        const __m128i bad = _mm_or_si128(_mm_cmplt_epi8(x, _mm_set1_epi8(' ')),
                                         _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))));
        return _mm_movemask_epi8(bad);
    }
    static bool plain_sse(__m128i x) { return not_plain_sse(x) == 0; }
    // The upper eight bytes of the register are zero: not looked at.
    static bool plain8(std::uint64_t w) { return (not_plain_sse(_mm_cvtsi64_si128(static_cast<long long>(w))) & 0xFF) == 0; }
    static bool plain8x2(std::uint64_t a, std::uint64_t b) {
        return plain_sse(_mm_set_epi64x(static_cast<long long>(b), static_cast<long long>(a)));
    }
    static bool plain16(const char* s) { return plain_sse(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s))); }
#else
    static bool plain8(std::uint64_t w) {
        constexpr std::uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
        auto has_zero = [](std::uint64_t x) { return (x - ones) & ~x & high; };
        const std::uint64_t below_space = (w - 0x20 * ones) & ~w & high;
        return ((w & high) | below_space | has_zero(w ^ ('"' * ones)) | has_zero(w ^ ('\\' * ones))) == 0;
    }
    static bool plain8x2(std::uint64_t a, std::uint64_t b) { return plain8(a) && plain8(b); }
    static bool plain16(const char* s) {
        std::uint64_t a, b;
        std::memcpy(&a, s, 8);
        std::memcpy(&b, s + 8, 8);
        return plain8x2(a, b);
    }
#endif
    static bool plain(char c) { return detail::kJsonPlain.plain[static_cast<unsigned char>(c)]; }
    // string_fit() from byte i on, s[0, i) plain (the opening quote at p_,
    // nothing after it counted as written yet).
    void string_slow(std::string_view s, std::size_t i, std::size_t after) {
        std::memcpy(p_ + 1, s.data(), i);
        p_ += 1 + i;
        string_rest(s, i);
        reserve(after);
    }
    // string() from byte i on, the opening quote and s[0, i) written.
    void string_rest(std::string_view s, std::size_t i);
    void grow(std::size_t n);
    // number(double) for a number of a few decimals, written when it is one.
    bool short_decimal(double v);
    std::string& out_;
    char* p_ = nullptr;
    char* end_ = nullptr;
};

// Inline: the JSON Lines writer calls it for every field of every mention.
inline void Value::write_json(JsonSink& out) const {
    switch (type_) {
        case Type::Null: out.raw("null"); break;
        case Type::Bool:
            if (int_) out.raw("true");
            else out.raw("false");
            break;
        case Type::Int: out.number(int_); break;
        case Type::Double: out.number(double_); break;
        case Type::String: out.string(str_); break;
        case Type::Json: out.raw(str_); break;
    }
}

inline void JsonSink::field(std::string_view key, const Value& v) {
    // Written through a local pointer, p_ set once: a store through p_
    // would make the compiler read p_ and the field again after it.
    const std::size_t k = key.size() + 4;  // , "key" :
    switch (v.type()) {
        case Value::Type::Null: {
            reserve(k + 4);
            char* p = p_;
            *p = ',';
            p = plain_string_to(p + 1, key);
            if (!p) break;
            std::memcpy(p, ":null", 5);
            p_ = p + 5;
            return;
        }
        case Value::Type::Int: {
            const std::int64_t x = v.as_int();
            reserve(k + kNumberRoom);
            char* p = p_;
            *p = ',';
            p = plain_string_to(p + 1, key);
            if (!p) break;
            *p = ':';
            p_ = number_to(p + 1, x);
            return;
        }
        case Value::Type::String: {
            const std::string& s = v.as_string();
            reserve(k + s.size() + 2);
            char* p = p_;
            *p = ',';
            p = plain_string_to(p + 1, key);
            if (!p) break;
            *p++ = ':';
            if (char* end = plain_string_to(p, s)) {
                p_ = end;
            } else {
                p_ = p;
                string_slow(s, 0, 0);
            }
            return;
        }
        default: break;
    }
    // A key to escape, or a value of another kind: piece by piece.
    put(',');
    string(key);
    put(':');
    v.write_json(*this);
}

}  // namespace newslens
