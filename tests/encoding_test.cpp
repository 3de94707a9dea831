// core/encoding: the decodings the CLI applies before analysis.
#include <catch2/catch.hpp>

#include <string>

#include "document.h"
#include "encoding.h"

using newslens::decode_to_utf8;
using newslens::Encoding;

TEST_CASE("encoding: plain UTF-8 is left as it is") {
    std::string s = "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80";
    const std::string before = s;
    CHECK(decode_to_utf8(s) == Encoding::utf8);
    CHECK(s == before);
    CHECK(newslens::decoding_note(Encoding::utf8).empty());
}

TEST_CASE("encoding: a UTF-8 byte order mark is removed") {
    std::string s = "\xEF\xBB\xBFHello";
    CHECK(decode_to_utf8(s) == Encoding::utf8_bom);
    CHECK(s == "Hello");
}

TEST_CASE("encoding: UTF-16 LE and BE with a byte order mark, surrogate pairs") {
    std::string le("\xFF\xFE" "C\0a\0f\0\xE9\0" "=\xD8\0\xDE", 14);  // Café😀
    CHECK(decode_to_utf8(le) == Encoding::utf16le);
    CHECK(le == "Caf\xC3\xA9\xF0\x9F\x98\x80");
    std::string be("\xFE\xFF\0C\0\xE9\x20\x1C", 8);  // Cé“
    CHECK(decode_to_utf8(be) == Encoding::utf16be);
    CHECK(be == "C\xC3\xA9\xE2\x80\x9C");
    std::string lone("\xFF\xFE\x00\xD8" "A\0" "x", 7);  // unpaired surrogate, odd last byte
    CHECK(decode_to_utf8(lone) == Encoding::utf16le);
    CHECK(lone == "\xEF\xBF\xBD" "A" "\xEF\xBF\xBD");
    CHECK(newslens::decoding_note(Encoding::utf16le) == "decoded as UTF-16 LE (byte order mark)");
}

TEST_CASE("encoding: bytes that are not UTF-8 are read as Windows-1252") {
    std::string s = "Caf\xE9 in M\xFCnchen \x93quoted\x94 \x80 5 \x96 6 \x81";
    CHECK(decode_to_utf8(s) == Encoding::windows1252);
    CHECK(s == "Caf\xC3\xA9 in M\xC3\xBCnchen \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC 5 \xE2\x80\x93 6 \xC2\x81");
    CHECK(newslens::decoding_note(Encoding::windows1252) == "decoded as windows-1252 (not valid UTF-8)");
}

TEST_CASE("encoding: UTF-8 validation refuses overlong forms, surrogates and truncation") {
    CHECK(newslens::is_valid_utf8("plain ascii"));
    CHECK(newslens::is_valid_utf8("\xF4\x8F\xBF\xBF"));
    CHECK_FALSE(newslens::is_valid_utf8("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(newslens::is_valid_utf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(newslens::is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(newslens::is_valid_utf8("caf\xC3"));           // truncated
}

TEST_CASE("encoding: where invalid UTF-8 starts, past runs of ASCII") {
    using newslens::invalid_utf8_at;
    CHECK(invalid_utf8_at("") == std::string_view::npos);
    CHECK(invalid_utf8_at("plain ASCII, more than eight bytes") == std::string_view::npos);
    CHECK(invalid_utf8_at("Bogot\xc3\xa1 and Z\xc3\xbcrich \xe2\x80\x99quoted\xe2\x80\x99") == std::string_view::npos);
    CHECK(invalid_utf8_at(std::string("0123456789abcdef\xff tail")) == 16);
    CHECK(invalid_utf8_at(std::string("ab\xc3")) == 2);              // cut sequence at the end
    CHECK(invalid_utf8_at(std::string("12345678\xc0\xaf")) == 8);     // overlong
    CHECK(invalid_utf8_at(std::string("x\xed\xa0\x80 surrogate")) == 1);
}
