#include "fields.h"

#include <algorithm>
#include <charconv>

#include "document.h"
#include "json_writer.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace newslens {

Value::Value(const nlohmann::ordered_json& j) {
    switch (j.type()) {
        case nlohmann::ordered_json::value_t::null: break;
        case nlohmann::ordered_json::value_t::boolean: type_ = Type::Bool; int_ = j.get<bool>(); break;
        case nlohmann::ordered_json::value_t::number_integer: type_ = Type::Int; int_ = j.get<std::int64_t>(); break;
        case nlohmann::ordered_json::value_t::number_unsigned:
            type_ = Type::Int;
            int_ = static_cast<std::int64_t>(j.get<std::uint64_t>());
            break;
        case nlohmann::ordered_json::value_t::number_float: type_ = Type::Double; double_ = j.get<double>(); break;
        case nlohmann::ordered_json::value_t::string: type_ = Type::String; str_ = j.get<std::string>(); break;
        default:
            type_ = Type::Json;
            str_ = j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    }
}

const std::string& Value::empty_string() {
    static const std::string empty;
    return empty;
}

nlohmann::ordered_json Value::to_json() const {
    switch (type_) {
        case Type::Null: return nullptr;
        case Type::Bool: return int_ != 0;
        case Type::Int: return int_;
        case Type::Double: return double_;
        case Type::String: return str_;
        case Type::Json: return nlohmann::ordered_json::parse(str_);
    }
    return nullptr;
}

void Value::write_json(std::string& out) const {
    JsonSink sink(out);
    write_json(sink);
}

bool Value::operator==(const Value& o) const {
    if (type_ != o.type_) return false;
    switch (type_) {
        case Type::Null: return true;
        case Type::Bool:
        case Type::Int: return int_ == o.int_;
        case Type::Double: return double_ == o.double_;
        default: return str_ == o.str_;
    }
}

Value& Fields::operator[](std::string_view key) {
    for (auto& e : entries_)
        if (e.first == key) return e.second;
    if (entries_.empty()) entries_.reserve(8);  // a mention has a handful of fields
    entries_.emplace_back(std::string(key), Value());
    return entries_.back().second;
}

const Value* Fields::find(std::string_view key) const {
    for (const auto& e : entries_)
        if (e.first == key) return &e.second;
    return nullptr;
}

const Value& Fields::get(std::string_view key) const {
    static const Value null{};
    const Value* v = find(key);
    return v ? *v : null;
}

nlohmann::ordered_json Fields::to_json() const {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const auto& e : entries_) out[e.first] = e.second.to_json();
    return out;
}



char* JsonSink::long_number_to(char* p, std::uint64_t u) {
    std::size_t digits = 1;
    std::uint64_t x = u;
    for (; x >= 100; x /= 100) digits += 2;
    if (x >= 10) ++digits;
    char* q = p + digits;
    p = q;
    while (u >= 100) {
        q -= 2;
        std::memcpy(q, detail::kTwoDigits + 2 * (u % 100), 2);
        u /= 100;
    }
    if (u >= 10) {
        q -= 2;
        std::memcpy(q, detail::kTwoDigits + 2 * u, 2);
    } else {
        *--q = static_cast<char>('0' + u);
    }
    return p;
}

void JsonSink::grow(std::size_t n) {
    // The string's size is what the sink may write to; making it bigger
    // zero-fills the new bytes. So the capacity grows geometrically
    // (reserve() copies only what is written) but the size in small steps:
    // no large area is filled only to be overwritten or cut off.
    constexpr std::size_t kStep = 1024;
    const auto used = static_cast<std::size_t>(p_ - out_.data());
    const std::size_t size = used + std::max(n, kStep);
    if (size > out_.capacity()) {
        out_.resize(used);  // nothing after `used` needs to be copied
        out_.reserve(std::max(size, 2 * out_.capacity()));
    }
    out_.resize(size);
    p_ = out_.data() + used;
    end_ = out_.data() + out_.size();
}

void JsonSink::string_rest(std::string_view s, std::size_t i) {
    static const char* const hex = "0123456789abcdef";
    const auto* b = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    while (i < n) {
        // Copy a run of plain characters at once.
        std::size_t j = i;
        while (j < n && detail::kJsonPlain.plain[b[j]]) ++j;
        std::memcpy(p_, b + i, j - i);
        p_ += j - i;
        i = j;
        if (i >= n) break;
        // What follows takes at most 6 bytes for one input byte.
        reserve(6 + (n - i) + 1);
        const unsigned char c = b[i];
        if (c >= 0x80) {
            char32_t cp;
            const std::size_t len = decode_utf8(s, i, cp);
            if (len == 0) {
                std::memcpy(p_, "\xEF\xBF\xBD", 3);
                p_ += 3;
                ++i;
            } else {
                std::memcpy(p_, b + i, len);
                p_ += len;
                i += len;
            }
            continue;
        }
        *p_++ = '\\';
        switch (c) {
            case '"': *p_++ = '"'; break;
            case '\\': *p_++ = '\\'; break;
            case '\b': *p_++ = 'b'; break;
            case '\f': *p_++ = 'f'; break;
            case '\n': *p_++ = 'n'; break;
            case '\r': *p_++ = 'r'; break;
            case '\t': *p_++ = 't'; break;
            default:
                *p_++ = 'u';
                *p_++ = '0';
                *p_++ = '0';
                *p_++ = hex[c >> 4];
                *p_++ = hex[c & 15];
        }
        ++i;
    }
    *p_++ = '"';
}


// A number of at most three decimals and seven digits (a latitude, a
// share: 52.36, -0.13, 4.5): when n / 10^k is v for the nearest whole n,
// for the smallest such k, that decimal is the shortest that reads back as
// v, and nlohmann's Grisu2 writes the same digits (tests/text_test.cpp
// checks each such number of up to five digits; every one of seven was
// checked once). Written here without Grisu2's cost.
bool JsonSink::short_decimal(double v) {
    constexpr std::int64_t kLimit = 10000000;
    const double a = std::fabs(v);
    if (!(a < 1e4) || a == 0) return false;  // 10^4 * 10^3 reaches the seven digits; -0.0 is nlohmann's
    static constexpr double kScale[] = {10.0, 100.0, 1000.0};
    for (int k = 0; k < 3; ++k) {
        const double scaled = a * kScale[k];
        const auto n = static_cast<std::int64_t>(scaled + 0.5);
        if (n >= kLimit || static_cast<double>(n) / kScale[k] != a) continue;
        // n has k + 1 decimals: its digits, a dot before the last k + 1.
        char digits[8];
        int count = 0;
        for (std::int64_t x = n; x; x /= 10) digits[count++] = static_cast<char>('0' + x % 10);
        const int decimals = k + 1;
        while (count <= decimals) digits[count++] = '0';  // 0.05: the zeros before the digits
        if (v < 0) *p_++ = '-';
        for (int i = count - 1; i >= decimals; --i) *p_++ = digits[i];
        *p_++ = '.';
        for (int i = decimals - 1; i >= 0; --i) *p_++ = digits[i];
        return true;
    }
    return false;
}

void JsonSink::number(double v) {
    if (!std::isfinite(v)) { raw("null"); return; }
    // Whole numbers below 10^15, most figures in news: nlohmann writes them
    // as the integer and ".0" (from 10^15 on it switches to an exponent).
    if (v == std::trunc(v) && std::fabs(v) < 1e15 && !(v == 0 && std::signbit(v))) {
        number(static_cast<std::int64_t>(v));
        raw(".0");
        return;
    }
    reserve(64);
    if (short_decimal(v)) return;
    // nlohmann's own shortest round-trip formatting, so the output is the
    // same as a tree's dump().
    p_ = nlohmann::detail::to_chars(p_, p_ + 64, v);
}

void write_json_string(std::string& out, std::string_view s) {
    JsonSink sink(out);
    sink.string(s);
}

void write_json_number(std::string& out, std::int64_t v) {
    JsonSink sink(out);
    sink.number(v);
}

void write_json_number(std::string& out, double v) {
    JsonSink sink(out);
    sink.number(v);
}

}  // namespace newslens
