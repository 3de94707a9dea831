#include <catch2/catch.hpp>

#include <cwctype>
#include <stdexcept>

#include "analyzer.h"
#include "article_date.h"
#include "regex.h"

using newslens::Document;

TEST_CASE("offset maps between bytes, code points and UTF-16", "[document]") {
    // "Bogotá" has a 2-byte letter, "€" 3 bytes, the emoji 4 bytes and two UTF-16 units.
    const Document doc("t", "Bogotá € 😀 end");
    REQUIRE(doc.length() == 14);
    CHECK(doc.byte_from_cp(5) == 5);   // á starts at byte 5
    CHECK(doc.byte_from_cp(6) == 7);
    CHECK(doc.cp_from_byte(7) == 6);
    CHECK(doc.cp_from_byte(6) == 5);   // inside á maps to á
    CHECK(doc.slice(7, 8) == "€");
    CHECK(doc.slice(9, 10) == "😀");
    CHECK(doc.utf16_from_cp(9) == 9);
    CHECK(doc.utf16_from_cp(10) == 11);  // after the surrogate pair
    CHECK(doc.slice(11, 14) == "end");
    CHECK(doc.wide()[5] == L'á');
}

TEST_CASE("offset maps stay right past many checkpoints", "[document]") {
    std::string text;
    for (int i = 0; i < 500; ++i) text += i % 3 ? "é" : "a";
    const Document doc("t", text);
    REQUIRE(doc.length() == 500);
    for (std::size_t cp = 0; cp <= 500; ++cp) CHECK(doc.cp_from_byte(doc.byte_from_cp(cp)) == cp);
    CHECK(doc.byte_from_cp(500) == text.size());
}

TEST_CASE("offset maps are right in long ASCII runs, mixed blocks and repaired text", "[document]") {
    // Long ASCII runs take the eight-bytes-at-a-time paths; the accents and
    // the emoji fall at varied offsets around the 64-code-point checkpoints.
    std::string text;
    std::vector<std::string> cps;  // each code point's UTF-8
    for (int i = 0; i < 700; ++i) {
        const char* c = i % 97 == 0 ? "\xc3\xa9" : i % 151 == 0 ? "\xf0\x9f\x98\x80" : i % 11 ? "x" : " ";
        text += c;
        cps.emplace_back(c);
    }
    const Document doc("t", text);
    REQUIRE(doc.length() == cps.size());
    std::size_t byte = 0, utf16 = 0;
    for (std::size_t cp = 0; cp < cps.size(); ++cp) {
        CHECK(doc.byte_from_cp(cp) == byte);
        CHECK(doc.cp_from_byte(byte) == cp);
        CHECK(doc.utf16_from_cp(cp) == utf16);
        CHECK(doc.slice(cp, cp + 1) == cps[cp]);
        byte += cps[cp].size();
        utf16 += cps[cp].size() == 4 ? 2 : 1;
    }
    CHECK(doc.byte_from_cp(cps.size()) == text.size());
    // A repaired byte becomes three: the offsets count the repaired text.
    const Document bad("t", std::string(100, 'a') + "\xff" + std::string(100, 'b'));
    CHECK(bad.length() == 201);
    CHECK(bad.byte_from_cp(101) == 103);
    CHECK(bad.slice(100, 102) == "\xef\xbf\xbd" "b");
    CHECK(bad.byte_from_cp(200) == 202);
}

TEST_CASE("check_input refuses what cannot be analysed, with a reason", "[document]") {
    CHECK_FALSE(newslens::check_input("Plain text.\n"));
    CHECK(newslens::check_input("")->find("empty") == 0);
    CHECK(newslens::check_input(" \n\t ")->find("empty") == 0);
    CHECK(newslens::check_input(std::string("ab\0cd", 5))->find("binary") == 0);
    CHECK(newslens::check_input("caf\xc3")->find("not valid UTF-8") == 0);
    CHECK(newslens::check_input("\xc0\xaf")->find("not valid UTF-8") == 0);      // overlong
    CHECK(newslens::check_input("\xed\xa0\x80")->find("not valid UTF-8") == 0);  // surrogate
    CHECK(newslens::check_input("x\xff")->find("byte 1") != std::string::npos);
    // Found inside long printable runs too (checked eight bytes at a time).
    const std::string run(40, 'a');
    CHECK(newslens::check_input(run + std::string(1, '\0') + run)->find("NUL byte at byte 40") != std::string::npos);
    CHECK(newslens::check_input(run + "\xff" + run)->find("byte 40") != std::string::npos);
    CHECK_FALSE(newslens::check_input(run + "\x7f" + run));  // one DEL is text with a control character
    CHECK(newslens::check_input(run + std::string(8, '\x01') + run)->find("binary") == 0);
    CHECK(newslens::check_input(std::string(64, ' ') + "\n")->find("empty") == 0);
    CHECK_FALSE(newslens::check_input(std::string(64, ' ') + "x"));
}

TEST_CASE("a Document repairs invalid UTF-8 instead of failing", "[document]") {
    const Document doc("t", "a\xffz");
    CHECK(doc.length() == 3);
    CHECK(doc.wide()[1] == 0xFFFD);
    CHECK(doc.slice(2, 3) == "z");
}

namespace {
struct Failing : newslens::Extractor {
    void extract(const newslens::Context&, std::vector<newslens::Mention>&) const override {
        throw std::runtime_error("boom");
    }
};
struct Words : newslens::Extractor {
    // Every word of two or more letters, to exercise spans and sorting.
    void extract(const newslens::Context& ctx, std::vector<newslens::Mention>& out) const override {
        const Document& doc = ctx.document();
        static const auto re = newslens::make_regex(L"\\w\\w+");
        for (boost::wsregex_iterator it(doc.wide().begin(), doc.wide().end(), re), end; it != end; ++it) {
            newslens::Mention m;
            m.start = static_cast<std::size_t>(it->position());
            m.end = m.start + static_cast<std::size_t>(it->length());
            m.fields["upper"] = std::iswupper(static_cast<wint_t>(it->str()[0])) != 0;
            out.push_back(m);
        }
    }
};
}  // namespace
NEWSLENS_PLUGIN("test-failing", "test only: always throws", Failing);
NEWSLENS_PLUGIN("test-words", "test only: words", Words);

TEST_CASE("the analyzer runs plugins by name and keeps going when one fails", "[analyzer]") {
    const newslens::Analyzer analyzer({"test-failing", "test-words"});
    const Document doc("doc.txt", "Ça va, Bogotá?");
    const auto result = analyzer.analyze(doc);
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0] == "test-failing: boom");
    const auto j = newslens::to_json(doc, result, {true});
    CHECK(j["document"] == "doc.txt");
    CHECK(j["chars"] == 14);
    REQUIRE(j["mentions"].size() == 3);
    CHECK(j["mentions"][0]["text"] == "Ça");   // \w knows non-ASCII letters
    CHECK(j["mentions"][2]["text"] == "Bogotá");
    CHECK(j["mentions"][2]["start"] == 7);
    CHECK(j["mentions"][2]["end"] == 13);
    CHECK(j["mentions"][2]["plugin"] == "test-words");
    CHECK(j["mentions"][2]["start16"] == 7);
}

TEST_CASE("unknown plugin names are refused with the list of known ones", "[analyzer]") {
    CHECK_THROWS_WITH(newslens::Analyzer({"nope"}), Catch::Contains("unknown plugin 'nope'") &&
                                                        Catch::Contains("test-words"));
    CHECK(newslens::split_plugin_list(" numbers, quotes ,") == std::vector<std::string>{"numbers", "quotes"});
}

TEST_CASE("the registry refuses a second plugin with the same name", "[registry]") {
    CHECK_FALSE(newslens::Registry::global().add({"test-words", "dup", [] { return std::unique_ptr<newslens::Extractor>(new Words()); }}));
}

namespace {
// Finds one mention and leaves one annotation for its readers.
struct Annotating : newslens::Extractor {
    void extract(const newslens::Context&, std::vector<newslens::Mention>& out) const override {
        newslens::Mention note;
        note.start = 0;
        note.end = 2;
        note.annotation = true;
        note.fields["note"] = "for readers";
        out.push_back(note);
        newslens::Mention m;
        m.start = 0;
        m.end = 1;
        out.push_back(m);
    }
};
// Reads them: one mention per annotation, saying how many mentions it saw.
struct AnnotationReader : newslens::Extractor {
    newslens::Dependencies dependencies() const override { return {{"test-annotating"}, {}}; }
    void extract(const newslens::Context& ctx, std::vector<newslens::Mention>& out) const override {
        for (const newslens::Mention& a : ctx.annotations("test-annotating")) {
            newslens::Mention m;
            m.start = a.start;
            m.end = a.end;
            m.fields["note"] = a.fields.get("note");
            m.fields["mentions_seen"] = ctx.mentions("test-annotating").size();
            out.push_back(m);
        }
    }
};
}  // namespace
NEWSLENS_PLUGIN("test-annotating", "test only: one mention and one annotation", Annotating);
NEWSLENS_PLUGIN("test-annotation-reader", "test only: reads test-annotating's annotations", AnnotationReader);

TEST_CASE("annotations reach the plugins that read them and are never output", "[analyzer]") {
    const Document doc("doc.txt", "abc");
    const auto both = newslens::to_json(doc, newslens::Analyzer({"test-annotating", "test-annotation-reader"}).analyze(doc));
    REQUIRE(both["mentions"].size() == 2);
    CHECK(both["mentions"][0]["plugin"] == "test-annotating");
    CHECK(both["mentions"][0]["end"] == 1);
    CHECK(both["mentions"][1]["plugin"] == "test-annotation-reader");
    CHECK(both["mentions"][1]["note"] == "for readers");
    CHECK(both["mentions"][1]["mentions_seen"] == 1);  // the output mention only
    // The reader alone: its dependency runs, and neither its mentions nor its annotations are output.
    const auto reader = newslens::to_json(doc, newslens::Analyzer({"test-annotation-reader"}).analyze(doc));
    REQUIRE(reader["mentions"].size() == 1);
    CHECK(reader["mentions"][0]["plugin"] == "test-annotation-reader");
}

TEST_CASE("the article's date comes from its text, else from the user", "[document]") {
    CHECK(newslens::article_date_in(L"Published 25 February 2019\n\nText.") == "2019-02-25");
    CHECK(newslens::article_date_in(L"By Ana Ruiz | Updated: Feb. 26, 2019 at 5:20 p.m.\nText.") == "2019-02-26");
    CHECK(newslens::article_date_in(L"Headline\nMonday, 25 February 2019, 10:02 GMT\nText.") == "2019-02-25");
    CHECK(newslens::article_date_in(L"2019-02-25\nText.") == "2019-02-25");
    CHECK(newslens::article_date_in(L"CARACAS, Venezuela, Feb. 25, 2019 (AP) \u2014 Text.") == "2019-02-25");
    // A date inside a sentence is not the article's; nor is a day that does not exist.
    CHECK(newslens::article_date_in(L"Guards at the border in Pacaraima, Brazil February 24, 2019.") == "");
    CHECK(newslens::article_date_in(L"On 25 February 2019, troops crossed.") == "");
    CHECK(newslens::article_date_in(L"Published 30 February 2019\n") == "");
    CHECK(newslens::valid_iso_date("2024-02-29"));
    CHECK_FALSE(newslens::valid_iso_date("2023-02-29"));
    CHECK_FALSE(newslens::valid_iso_date("2023-2-28"));

    Document dated("a.txt", "Published 25 February 2019\nText.");
    dated.set_user_date("2020-01-01");
    CHECK(dated.date() == "2019-02-25");
    CHECK(std::string(dated.date_from()) == "text");
    Document undated("b.txt", "Text.");
    CHECK(undated.date().empty());
    CHECK(undated.date_from() == nullptr);
    undated.set_user_date("2020-01-01");
    const auto j = newslens::to_json(undated, newslens::Result{});
    CHECK(j["date"] == "2020-01-01");
    CHECK(j["date_from"] == "user");
    std::string line;
    newslens::write_json_line(line, undated, newslens::Result{});
    CHECK(line.find("\"date\":\"2020-01-01\",\"date_from\":\"user\"") != std::string::npos);
}
