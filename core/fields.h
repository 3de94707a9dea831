// The extra fields of a mention: a short ordered list of name/value pairs.
// Cheaper than a JSON tree per mention (the JSON Lines writer in
// core/analyzer.cpp prints them directly through core/json_writer.h); convertible to and from
// nlohmann::ordered_json where a tree is really needed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace newslens {

class JsonSink;

class Value {
public:
    enum class Type : std::uint8_t { Null, Bool, Int, Double, String, Json };

    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool b) : type_(Type::Bool), int_(b) {}
    template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
    Value(T v) : type_(Type::Int), int_(static_cast<std::int64_t>(v)) {}
    template <class T, std::enable_if_t<std::is_floating_point_v<T>, int> = 0>
    Value(T v) : type_(Type::Double), double_(static_cast<double>(v)) {}
    Value(const char* s) : type_(s ? Type::String : Type::Null), str_(s ? s : "") {}
    Value(std::string s) : type_(Type::String), str_(std::move(s)) {}
    Value(std::string_view s) : type_(Type::String), str_(s) {}
    // Objects and arrays are kept as their JSON text.
    Value(const nlohmann::ordered_json& j);

    Type type() const { return type_; }
    bool is_null() const { return type_ == Type::Null; }
    bool is_string() const { return type_ == Type::String; }
    bool is_number() const { return type_ == Type::Int || type_ == Type::Double; }
    bool as_bool() const { return type_ == Type::Bool ? int_ != 0 : false; }
    std::int64_t as_int() const { return type_ == Type::Int ? int_ : type_ == Type::Double ? static_cast<std::int64_t>(double_) : 0; }
    double as_double() const { return type_ == Type::Double ? double_ : type_ == Type::Int ? static_cast<double>(int_) : 0.0; }
    // The string, or empty for other types.
    const std::string& as_string() const { return type_ == Type::String ? str_ : empty_string(); }

    nlohmann::ordered_json to_json() const;
    // Appends the JSON text of the value (as nlohmann's dump() writes it).
    void write_json(std::string& out) const;
    inline void write_json(JsonSink& out) const;  // defined in core/json_writer.h
    bool operator==(const Value& o) const;
    bool operator!=(const Value& o) const { return !(*this == o); }

private:
    static const std::string& empty_string();
    Type type_ = Type::Null;
    union {
        std::int64_t int_ = 0;
        double double_;
    };
    std::string str_;  // String, or the JSON text of an object or array
};

class Fields {
public:
    using Entry = std::pair<std::string, Value>;
    // The value named `key`, added (null) at the end when missing.
    Value& operator[](std::string_view key);
    // Adds `key` at the end without looking for it first: for a caller that
    // knows the key is new (many fields, set in order).
    void append(std::string_view key, Value value) { entries_.emplace_back(std::string(key), std::move(value)); }
    void reserve(std::size_t n) { entries_.reserve(n); }
    const Value* find(std::string_view key) const;
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    // The value or null.
    const Value& get(std::string_view key) const;
    std::vector<Entry>::const_iterator begin() const { return entries_.begin(); }
    std::vector<Entry>::const_iterator end() const { return entries_.end(); }
    std::size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }
    nlohmann::ordered_json to_json() const;

private:
    std::vector<Entry> entries_;
};

// Appends `s` as a JSON string literal: UTF-8 kept, quotes, backslashes and
// control characters escaped, invalid UTF-8 replaced by U+FFFD.
void write_json_string(std::string& out, std::string_view s);
// Appends a number as nlohmann's dump() writes it (shortest round trip).
void write_json_number(std::string& out, double v);
void write_json_number(std::string& out, std::int64_t v);

}  // namespace newslens
