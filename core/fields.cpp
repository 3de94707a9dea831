#include "fields.h"

#include <charconv>

#include "document.h"

#include <cmath>
#include <cstdio>

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
    switch (type_) {
        case Type::Null: out += "null"; break;
        case Type::Bool: out += int_ ? "true" : "false"; break;
        case Type::Int: write_json_number(out, int_); break;
        case Type::Double: write_json_number(out, double_); break;
        case Type::String: write_json_string(out, str_); break;
        case Type::Json: out += str_; break;
    }
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


void write_json_string(std::string& out, std::string_view s) {
    static const char* const hex = "0123456789abcdef";
    out += '"';
    std::size_t i = 0;
    while (i < s.size()) {
        // Copy a run of plain characters at once.
        std::size_t j = i;
        while (j < s.size()) {
            const auto c = static_cast<unsigned char>(s[j]);
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
            ++j;
        }
        out.append(s.data() + i, j - i);
        i = j;
        if (i >= s.size()) break;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            char32_t cp;
            const std::size_t len = decode_utf8(s, i, cp);
            if (len == 0) { out += "\xEF\xBF\xBD"; ++i; }
            else { out.append(s.data() + i, len); i += len; }
            continue;
        }
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 15];
        }
        ++i;
    }
    out += '"';
}

void write_json_number(std::string& out, std::int64_t v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v));
    out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

void write_json_number(std::string& out, double v) {
    if (!std::isfinite(v)) { out += "null"; return; }
    // nlohmann's own shortest round-trip formatting, so the output is the
    // same as a tree's dump().
    char buf[64];
    char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, static_cast<std::size_t>(end - buf));
}

}  // namespace newslens
