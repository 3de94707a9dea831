// The text layer (core/chars.h, core/text.h, core/vocabulary.h), the
// pipeline's dependency order and the JSON Lines writer.
#include <catch2/catch.hpp>

#include <limits>
#include <stdexcept>

#include "analyzer.h"
#include "chars.h"
#include "text.h"

using newslens::Document;
using newslens::Shape;
using newslens::TokenType;
namespace chars = newslens::chars;

namespace {

std::vector<std::wstring> word_texts(const newslens::TextLayer& layer) {
    std::vector<std::wstring> out;
    for (std::size_t i = 0; i < layer.words().size(); ++i) out.emplace_back(layer.word_text(i));
    return out;
}

std::vector<std::string> sentence_texts(const Document& doc) {
    std::vector<std::string> out;
    for (const auto& s : doc.layer().sentences()) out.push_back(doc.slice(s.start, s.end));
    return out;
}

}  // namespace

TEST_CASE("one character classification knows every script", "[chars]") {
    for (char32_t c : {U'a', U'Z', U'é', U'ñ', U'ł', U'Ж', U'я', U'Ω', U'λ', U'ب', U'ש', U'中', U'한', U'ก'})
        CHECK(chars::is_letter(c));
    CHECK(chars::is_upper(U'Ж'));
    CHECK(chars::is_lower(U'я'));
    CHECK(chars::is_upper(U'Ω'));
    CHECK_FALSE(chars::is_letter(U'€'));
    CHECK_FALSE(chars::is_letter(U'—'));
    CHECK_FALSE(chars::is_letter(U'×'));
    CHECK(chars::is_symbol(U'€'));
    CHECK(chars::is_dash(U'—'));
    CHECK(chars::is_dash(U'–'));
    CHECK(chars::is_dash(0x2212));  // minus sign
    CHECK(chars::is_hyphen(U'-'));
    CHECK(chars::is_hyphen(0x2011));  // non-breaking hyphen
    CHECK_FALSE(chars::is_hyphen(U'–'));
    CHECK(chars::is_space(0xA0));
    CHECK(chars::is_space(0x202F));
    CHECK(chars::is_newline(0x2029));
    CHECK(chars::is_apostrophe(U'’'));
    CHECK(chars::is_quote(U'«'));
    CHECK(chars::is_quote(U'“'));
    CHECK(chars::is_word_char(0x301));  // combining acute accent
    CHECK(chars::is_digit(0x664));      // Arabic-Indic four
}

TEST_CASE("folding removes case, accents and typographic variants, one code point for one", "[chars]") {
    CHECK(chars::fold(U'É') == U'e');
    CHECK(chars::fold(U'ú') == U'u');
    CHECK(chars::fold(U'Ñ') == U'n');
    CHECK(chars::fold(U'Ж') == U'ж');
    CHECK(chars::fold(U'’') == U'\'');
    CHECK(chars::fold(U'“') == U'"');
    CHECK(chars::fold(U'—') == U'-');
    CHECK(chars::fold(0xA0) == U' ');
    CHECK(newslens::fold_text(L"Cúcuta’s “Bogotá”") == L"cucuta's \"bogota\"");
}

TEST_CASE("tokens: words, numbers, punctuation, with shape, gaps and byte offsets", "[text]") {
    const Document doc("t", "Over 2,400 NATO troops—in Cúcuta.\n\nThe 35-year-old iPhone");
    const auto& layer = doc.layer();
    const auto& t = layer.tokens();
    REQUIRE(t.size() >= 12);
    CHECK(layer.token_text(0) == L"Over");
    CHECK(t[0].shape == Shape::Capitalized);
    CHECK(t[0].line_before());
    CHECK(layer.token_text(1) == L"2,400");
    CHECK(t[1].type == TokenType::Number);
    CHECK(t[1].space_before());
    CHECK(t[2].shape == Shape::AllCaps);
    CHECK(layer.token_text(4) == L"—");
    CHECK(t[4].type == TokenType::Punct);
    CHECK(t[4].glued());
    CHECK(layer.token_text(6) == L"Cúcuta");
    CHECK(t[6].byte_end - t[6].byte_start == 7);  // ú takes two bytes
    CHECK(doc.text().substr(t[6].byte_start, t[6].byte_end - t[6].byte_start) == "Cúcuta");
    CHECK(layer.key_text(t[6].key) == L"cucuta");
    CHECK(layer.token_text(8) == L"The");
    CHECK((t[8].gap & newslens::kBlankLineBefore) != 0);
    CHECK(layer.token_text(9) == L"35");
    CHECK(layer.token_text(10) == L"-");
    CHECK(layer.tokens().back().shape == Shape::Mixed);  // iPhone
}

TEST_CASE("the same folded word has the same id everywhere", "[text][vocabulary]") {
    // Plugins intern their lexicon when they are created, before any document.
    const newslens::WordId army = newslens::Vocabulary::global().intern(L"army");
    const Document a("a", "Venezuela’s army");
    const Document b("b", "VENEZUELA'S Army");
    const auto& wa = a.layer().words();
    const auto& wb = b.layer().words();
    REQUIRE(wa.size() == 2);
    REQUIRE(wb.size() == 2);
    CHECK(wa[0].possessive);
    CHECK(a.layer().key_text(wa[0].key) == L"venezuela");
    // Ids of words no plugin interned are local to a document; interned ones are shared.
    const Document c("c", "Army ARMY army");
    for (const auto& tok : c.layer().tokens()) CHECK(tok.key == army);
    CHECK(a.layer().words()[1].key == army);
    CHECK(b.layer().words()[1].key == army);
    CHECK(a.layer().find_key(L"venezuela") == wa[0].key);
    CHECK(a.layer().find_key(L"colombia") == newslens::kNoWord);
}

TEST_CASE("a WordSet holds vocabulary and document ids apart", "[vocabulary]") {
    const newslens::WordId said = newslens::Vocabulary::global().intern(L"said");
    newslens::WordSet set;
    CHECK_FALSE(set.contains(said));
    set.insert(said);
    set.insert(newslens::kFirstLocalWord + 3);
    CHECK(set.contains(said));
    CHECK(set.contains(newslens::kFirstLocalWord + 3));
    CHECK_FALSE(set.contains(newslens::kFirstLocalWord + 2));
    CHECK_FALSE(set.contains(said + 1));
    CHECK_FALSE(set.contains(newslens::kNoWord));
}

TEST_CASE("words join inner apostrophes, hyphens, dots and abbreviation dots", "[text]") {
    const Document doc("t", "Secretary-General Sgt. J. Smith don’t AT&T 2,400 U.S. forces, Jones’ view.");
    const auto words = word_texts(doc.layer());
    const std::vector<std::wstring> expected = {L"Secretary-General", L"Sgt.", L"J.", L"Smith", L"don’t", L"AT&T",
                                                L"2,400", L"U.S.", L"forces", L",", L"Jones", L"’", L"view", L"."};
    CHECK(words == expected);
    CHECK(doc.layer().words()[1].abbreviation);
    CHECK(doc.layer().key_text(doc.layer().words()[1].key) == L"sgt");
    CHECK(doc.layer().words()[7].shape == Shape::AllCaps);
    CHECK(doc.layer().word_of_token(doc.layer().token_at(2)) == 0);
}

TEST_CASE("sentences end at end marks and line breaks, not at abbreviations or initials", "[text]") {
    const Document doc("t",
                       "Sgt. Smith spoke in Springfield, Ill. on Jan. 5 to the U.S. Army. J. R. Jones agreed! "
                       "\"It is over.\" Then he left? yes, approx. five\nA headline without a stop\nLast line.");
    const auto s = sentence_texts(doc);
    REQUIRE(s.size() == 6);
    CHECK(s[0] == "Sgt. Smith spoke in Springfield, Ill. on Jan. 5 to the U.S. Army.");
    CHECK(s[1] == "J. R. Jones agreed!");
    CHECK(s[2] == "\"It is over.\"");
    CHECK(s[3] == "Then he left? yes, approx. five");
    CHECK(s[4] == "A headline without a stop");
    CHECK(s[5] == "Last line.");
    const auto& lines = doc.layer().lines();
    REQUIRE(lines.size() == 3);
    CHECK(doc.slice(lines[1].start, lines[1].end) == "A headline without a stop");
    CHECK(doc.layer().sentence_at(lines[2].start) == 5);
    CHECK(doc.layer().line_at(lines[2].start) == 2);
}

TEST_CASE("a document of nothing but space or marks has a well-formed layer", "[text]") {
    const Document blank("t", " \n \n");
    CHECK(blank.layer().tokens().empty());
    CHECK(blank.layer().sentences().empty());
    const Document marks("t", "\xcc\x81\xcc\x81 ... ---");
    CHECK(marks.layer().tokens().size() == 7);
}

// ---- the pipeline --------------------------------------------------------

namespace {

// Marks every capitalised word; the plugins below read its mentions.
struct Caps : newslens::Extractor {
    void extract(const newslens::Context& ctx, std::vector<newslens::Mention>& out) const override {
        const auto& layer = ctx.layer();
        for (const auto& w : layer.words())
            if (w.shape == Shape::Capitalized) {
                newslens::Mention m;
                m.start = w.start;
                m.end = w.end;
                out.push_back(std::move(m));
            }
    }
};
// Counts the mentions of "test-caps" it can see.
struct CapsCounter : newslens::Extractor {
    void extract(const newslens::Context& ctx, std::vector<newslens::Mention>& out) const override {
        newslens::Mention m;
        m.start = 0;
        m.end = 1;
        m.fields["caps"] = ctx.mentions("test-caps").size();
        m.fields["words"] = ctx.mentions("test-words").size();  // not declared: never visible
        out.push_back(std::move(m));
    }
    newslens::Dependencies dependencies() const override { return {{"test-caps"}, {}}; }
};
struct NeedsMissing : newslens::Extractor {
    void extract(const newslens::Context&, std::vector<newslens::Mention>&) const override {}
    newslens::Dependencies dependencies() const override { return {{"test-no-such-plugin"}, {}}; }
};
struct CycleA : newslens::Extractor {
    void extract(const newslens::Context&, std::vector<newslens::Mention>&) const override {}
    newslens::Dependencies dependencies() const override { return {{"test-cycle-b"}, {}}; }
};
struct CycleB : newslens::Extractor {
    void extract(const newslens::Context&, std::vector<newslens::Mention>&) const override {}
    newslens::Dependencies dependencies() const override { return {{}, {"test-cycle-a"}}; }
};

}  // namespace

NEWSLENS_PLUGIN("test-caps", "test only: capitalised words", Caps);
NEWSLENS_PLUGIN("test-caps-counter", "test only: reads test-caps", CapsCounter);
NEWSLENS_PLUGIN("test-needs-missing", "test only: needs a plugin that does not exist", NeedsMissing);
NEWSLENS_PLUGIN("test-cycle-a", "test only: cycle", CycleA);
NEWSLENS_PLUGIN("test-cycle-b", "test only: cycle", CycleB);

TEST_CASE("a plugin runs after the plugins it needs and reads their mentions", "[pipeline]") {
    const newslens::Analyzer analyzer({"test-caps-counter", "test-words"});
    // The dependency was pulled in and runs first; its mentions are not output.
    CHECK(analyzer.run_order() == std::vector<std::string>{"test-caps", "test-caps-counter", "test-words"});
    CHECK(analyzer.plugin_names() == std::vector<std::string>{"test-caps-counter", "test-words"});
    const Document doc("t", "Maria met Pedro in Cúcuta today");
    const auto r = analyzer.analyze(doc);
    REQUIRE(!r.mentions.empty());
    CHECK(r.mentions[0].plugin == "test-caps-counter");
    CHECK(r.mentions[0].fields.get("caps").as_int() == 3);
    CHECK(r.mentions[0].fields.get("words").as_int() == 0);
    for (const auto& m : r.mentions) CHECK(m.plugin != "test-caps");
}

TEST_CASE("a missing dependency or a cycle is refused with both names", "[pipeline]") {
    CHECK_THROWS_WITH(newslens::Analyzer({"test-needs-missing"}),
                      Catch::Contains("'test-needs-missing' needs plugin 'test-no-such-plugin'"));
    CHECK_THROWS_WITH(newslens::Analyzer({"test-cycle-a"}),
                      Catch::Contains("test-cycle-a") && Catch::Contains("test-cycle-b") && Catch::Contains("cycle"));
}

// ---- JSON Lines ------------------------------------------------------------

TEST_CASE("the JSON Lines writer prints what the JSON tree prints", "[json]") {
    const newslens::Analyzer analyzer({"test-words", "test-caps-counter"});
    // The third text writes a line of about 1 MB: the writer grows its buffer many times.
    std::string long_text;
    for (int i = 0; i < 3000; ++i) long_text += "Word \"Quoted\" Zürich\x02 " + std::to_string(i) + "\n";
    for (const std::string& text : {std::string("Ça va, Bogotá? \"Quoted\" \\ back\tslash\x01 and 😀 emoji"),
                                    std::string("Plain text with 12 and 3.5 and Zürich\nand lines\r\n"), long_text}) {
        const Document doc("name \"quoted\".txt", text);
        const auto result = analyzer.analyze(doc);
        for (bool utf16 : {false, true}) {
            std::string line;
            newslens::write_json_line(line, doc, result, {utf16});
            CHECK(line == newslens::to_json(doc, result, {utf16}).dump());
        }
    }
    // Every kind of field value, with keys and strings to escape.
    {
        const Document doc("fields.txt", "Zürich and Bogotá said");
        newslens::Result r;
        newslens::Mention m;
        m.plugin = "test";
        m.start = 0;
        m.end = 6;
        m.fields["plain"] = "value";
        m.fields["quote\"key"] = "a \"quoted\" value";
        m.fields["n\\"] = 12345;
        m.fields["long key with a \\ inside it"] = nullptr;
        m.fields["utf8"] = "Bogotá, a long value past sixteen bytes";
        m.fields["ctrl\x01"] = -7;
        m.fields["d"] = 2.5;
        m.fields["b"] = false;
        m.fields["j"] = newslens::Value(nlohmann::ordered_json::parse("[1,\"x\"]"));
        r.mentions.push_back(m);
        for (bool utf16 : {false, true}) {
            std::string line;
            newslens::write_json_line(line, doc, r, {utf16});
            CHECK(line == newslens::to_json(doc, r, {utf16}).dump());
        }
    }
    std::string err;
    newslens::write_error_json_line(err, "x.bin", "binary data");
    CHECK(err == newslens::error_json("x.bin", "binary data").dump());
    // Numbers print as nlohmann prints them.
    newslens::Fields f;
    f["a"] = 4.48;
    f["b"] = 100;
    f["c"] = 1234567.89;
    f["d"] = 0.1;
    f["e"] = 3.0;
    f["f"] = nullptr;
    f["g"] = true;
    std::string out;
    for (const auto& e : f) e.second.write_json(out), out += ' ';
    CHECK(out == f.to_json()["a"].dump() + " 100 1234567.89 0.1 3.0 null true ");
    // Strings are checked a word at a time, the last word overlapping: one
    // character to escape (or UTF-8) at every place of short and long strings.
    for (std::size_t n = 0; n <= 20; ++n)
        for (const char* odd : {"\"", "\\", "\x01", "\xC3\xA9", "\xFF"})
            for (std::size_t at = 0; at <= n; ++at) {
                std::string s(n, 'a');
                s.insert(at, odd);
                std::string one;
                newslens::write_json_string(one, s);
                CHECK(one == nlohmann::ordered_json(s).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
            }
    // Whole numbers up to four digits take a short path: both sides of each
    // length, negative ones and the extremes.
    for (std::int64_t v : {std::int64_t{0}, std::int64_t{9}, std::int64_t{10}, std::int64_t{99}, std::int64_t{100},
                           std::int64_t{101}, std::int64_t{999}, std::int64_t{1000}, std::int64_t{1009}, std::int64_t{9999},
                           std::int64_t{10000}, std::int64_t{-7}, std::int64_t{-1000}, std::int64_t{-10000},
                           std::int64_t{1130000000}, std::numeric_limits<std::int64_t>::max(),
                           std::numeric_limits<std::int64_t>::min()}) {
        std::string one;
        newslens::write_json_number(one, v);
        CHECK(one == std::to_string(v));
    }
    // Whole numbers take a short path: the same text as nlohmann's, on both
    // sides of 10^15 and for -0.
    for (double v : {0.0, -0.0, 1.0, -5.0, 270.0, 1234567.0, 99999999999999.0, 999999999999999.0, 1e15, -1e15,
                     1e16, 123456789012345.0, 0.5, 1e-5, -2.5e20}) {
        std::string one;
        newslens::write_json_number(one, v);
        CHECK(one == nlohmann::ordered_json(v).dump());
    }
    // Numbers of a few decimals take a short path too: every one of up to
    // five digits and three decimals, of either sign, as nlohmann writes it.
    std::size_t differ = 0;
    for (double scale : {10.0, 100.0, 1000.0})
        for (std::int64_t n = 1; n < 100000; ++n)
            for (double v : {static_cast<double>(n) / scale, -static_cast<double>(n) / scale}) {
                std::string one;
                newslens::write_json_number(one, v);
                if (one != nlohmann::ordered_json(v).dump()) ++differ;
            }
    CHECK(differ == 0);
}

TEST_CASE("offsets in a part's fields are moved into the whole document", "[json]") {
    std::string text;
    for (int i = 0; i < 60; ++i)
        text += "Officials said " + std::to_string(100 + i) + " people were hurt in Bogotá on Monday, said Ana Ortiz.\n\n";
    const Document doc("big", text);
    const newslens::Analyzer analyzer({"numbers", "quotes"});
    std::string whole, parts;
    newslens::write_json_line(whole, doc, analyzer.analyze(doc));
    newslens::write_json_line_in_parts(parts, doc, analyzer, 700);
    const auto a = nlohmann::json::parse(whole), b = nlohmann::json::parse(parts);
    REQUIRE(a["mentions"].size() == b["mentions"].size());
    std::size_t offsets = 0;
    for (std::size_t i = 0; i < a["mentions"].size(); ++i)
        for (const char* key : {"start", "end", "source_start", "source_end", "sentence_start", "sentence_end"}) {
            CHECK(a["mentions"][i].value(key, nlohmann::json()) == b["mentions"][i].value(key, nlohmann::json()));
            offsets += b["mentions"][i].value(key, nlohmann::json()).is_number();
        }
    CHECK(offsets == 6 * 60);  // every mention has a source and a sentence
}

TEST_CASE("a large document analysed in parts gives the same line as in one piece", "[json]") {
    std::string text;
    for (int i = 0; i < 400; ++i) text += "Line " + std::to_string(i) + " of Bogotá and Zürich\n";
    const Document doc("big", text);
    const newslens::Analyzer analyzer({"test-words"});
    std::string whole, parts;
    newslens::write_json_line(whole, doc, analyzer.analyze(doc));
    const auto errors = newslens::write_json_line_in_parts(parts, doc, analyzer, 500);
    CHECK(errors.empty());
    CHECK(parts == whole);
    // Streamed: the same line in pieces, one per part, and nothing left behind.
    std::string left = "start ", streamed;
    std::size_t pieces = 0;
    newslens::write_json_line_in_parts(left, doc, analyzer, 500, {}, [&](std::string_view piece) {
        streamed += piece;
        ++pieces;
    });
    CHECK(streamed == "start " + whole);
    CHECK(pieces > 3);
    CHECK(left.empty());
}
