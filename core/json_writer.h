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

namespace newslens {

class JsonSink {
public:
    // `room`: bytes the caller expects to write (more are made as needed).
    explicit JsonSink(std::string& out, std::size_t room = 0) : out_(out) {
        p_ = end_ = out_.data() + out_.size();
        reserve(room);
    }
    ~JsonSink() { out_.resize(static_cast<std::size_t>(p_ - out_.data())); }
    JsonSink(const JsonSink&) = delete;
    JsonSink& operator=(const JsonSink&) = delete;

    // Room for n more bytes.
    void reserve(std::size_t n) {
        if (static_cast<std::size_t>(end_ - p_) < n) grow(n);
    }
    void put(char c) {
        reserve(1);
        *p_++ = c;
    }
    // Text that is JSON already (punctuation, keys known to need no escape).
    void raw(std::string_view s) {
        reserve(s.size());
        std::memcpy(p_, s.data(), s.size());
        p_ += s.size();
    }
    // A JSON string literal: UTF-8 kept, quotes, backslashes and control
    // characters escaped, invalid UTF-8 replaced by U+FFFD.
    void string(std::string_view s);
    // As nlohmann's dump() writes them (doubles: shortest round trip).
    void number(std::int64_t v);
    void number(double v);

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
    void grow(std::size_t n);
    std::string& out_;
    char* p_ = nullptr;
    char* end_ = nullptr;
};

}  // namespace newslens
