// The comparison across documents (core/compare.h), on results written by
// hand: the JSON that `newslens analyze` prints, with and without the claim
// fields of issue 13 (source, said, said_date, period) and the segments of
// issue 18, so that both older and newer results are covered.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "compare.h"

namespace {

using json = nlohmann::ordered_json;
using newslens::CompareDocument;

// A mention of `plugin` on the first occurrence of `span` after `from` in
// `text` (ASCII texts: bytes are code points).
json mention(const std::string& text, const std::string& plugin, const std::string& span, json fields, std::size_t from = 0) {
    const std::size_t at = text.find(span, from);
    REQUIRE(at != std::string::npos);
    fields["plugin"] = plugin;
    fields["start"] = at;
    fields["end"] = at + span.size();
    fields["text"] = span;
    return fields;
}

json count(const std::string& text, const std::string& span, double value, const std::string& unit, const std::string& q = "exact") {
    return mention(text, "numbers", span, {{"value", value}, {"qualifier", q}, {"kind", "count"}, {"unit", unit}});
}

json place(const std::string& text, const std::string& span, const std::string& country, std::size_t from = 0) {
    return mention(text, "locations", span, {{"name", span}, {"country", country}, {"type", "country"}, {"lat", 1.0}, {"lon", 2.0}}, from);
}

CompareDocument doc(const std::string& name, const std::string& text, std::vector<json> mentions, bool with_text = true) {
    std::sort(mentions.begin(), mentions.end(), [](const json& a, const json& b) { return a["start"] < b["start"]; });
    json j = {{"document", name}, {"chars", text.size()}, {"mentions", mentions}, {"errors", json::array()}};
    if (with_text) j["text"] = text;
    return newslens::compare_document_from_json(j);
}

// The group holding a figure of `doc` with this value, or nullptr.
const nlohmann::ordered_json* group_with(const nlohmann::ordered_json& out, std::size_t doc, double value) {
    for (const auto& g : out["numbers"])
        for (const auto& f : g["figures"])
            if (f["doc"] == doc && f["value"] == value) return &g;
    return nullptr;
}

std::set<std::size_t> docs_of(const nlohmann::ordered_json& g) {
    std::set<std::size_t> out;
    for (const auto& f : g["figures"]) out.insert(f["doc"].get<std::size_t>());
    return out;
}

const std::string kA = "More than 270 Venezuelan soldiers have defected to Colombia since Saturday, migration officials said.\n"
                       "A similar scenario played out in Brazil, where two soldiers sought refuge.\n";
const std::string kB = "A total of 326 members of Venezuela's armed forces have defected to Colombia, the migration service said.\n"
                       "There are also about 1.6 million civilians in the colectivos of Venezuela.\n";
const std::string kC = "Some 104 troops have fled across the border into Colombia, the migration agency said.\n"
                       "Nine soldiers described the day they were ordered to stop the aid in Venezuela.\n"
                       "Shortages have led more than 3 million people to leave Venezuela.\n";
const std::string kD = "Shortages have led more than 3 million people to leave Venezuela in recent years.\n";

std::vector<CompareDocument> story(bool with_text) {
    std::vector<CompareDocument> docs;
    docs.push_back(doc("a.txt", kA, {count(kA, "More than 270", 270, "soldiers", "over"), place(kA, "Venezuelan", "VE"), place(kA, "Colombia", "CO"),
                                     count(kA, "two", 2, "soldiers"), place(kA, "Brazil", "BR")}, with_text));
    docs.push_back(doc("b.txt", kB, {count(kB, "326", 326, "members"), place(kB, "Venezuela", "VE"), place(kB, "Colombia", "CO"),
                                     count(kB, "about 1.6 million", 1600000, "civilians", "about"), place(kB, "Venezuela", "VE", 110)}, with_text));
    docs.push_back(doc("c.txt", kC, {count(kC, "Some 104", 104, "troops", "about"), place(kC, "Colombia", "CO"),
                                     count(kC, "Nine", 9, "soldiers"), place(kC, "Venezuela", "VE"),
                                     count(kC, "more than 3 million", 3000000, "people", "over"), place(kC, "Venezuela", "VE", 200)}, with_text));
    docs.push_back(doc("d.txt", kD, {count(kD, "more than 3 million", 3000000, "people", "over"), place(kD, "Venezuela", "VE")}, with_text));
    return docs;
}

}  // namespace

TEST_CASE("compare: counted nouns come in WordNet families", "[compare]") {
    auto shares = [](const char* a, const char* b) {
        const auto fa = newslens::noun_family(a), fb = newslens::noun_family(b);
        return std::any_of(fa.begin(), fa.end(), [&](unsigned x) { return std::find(fb.begin(), fb.end(), x) != fb.end(); });
    };
    CHECK(shares("soldiers", "troops"));
    CHECK(shares("soldiers", "deserters"));
    CHECK(shares("troops", "servicemen"));
    CHECK(shares("people", "civilians"));
    CHECK(shares("planes", "aircraft"));
    CHECK_FALSE(shares("soldiers", "tanks"));
    CHECK_FALSE(shares("soldiers", "civilians"));
    CHECK_FALSE(shares("homes", "soldiers"));
    CHECK(newslens::noun_family("zzyzx").empty());
}

TEST_CASE("compare: identical documents and repeated paragraphs", "[compare]") {
    const std::string para = "The migration agency said the soldiers crossed at dawn on Saturday.";
    const std::string text = "Headline\n" + para + "\nAdvertisement\nAdvertisement\n" + para + "\nEnd.\n";
    const newslens::Repeats r = newslens::find_repeats(text);
    REQUIRE(r.paragraphs.size() == 1);  // the short repeated line is not marked
    CHECK(r.paragraphs[0].start == text.rfind(para));
    CHECK(r.paragraphs[0].end == text.rfind(para) + para.size());
    // Case, curly marks and spacing do not make another document.
    CHECK(newslens::find_repeats("It’s  over.\nReally") .key == newslens::find_repeats("it's over. \nREALLY").key);
    CHECK(newslens::find_repeats("It is over.").key != newslens::find_repeats("It was over.").key);

    // A copy of a document is marked and its figures are not a second source.
    auto docs = story(true);
    docs.push_back(docs[0]);
    docs.back().name = "copy-of-a.txt";
    const auto out = newslens::compare_documents(docs);
    CHECK(out["documents"][4]["duplicate_of"] == 0);
    CHECK(out["documents"][1]["duplicate_of"].is_null());
    for (const auto& g : out["numbers"])
        for (const auto& f : g["figures"]) CHECK(f["doc"] != 4);

    // A figure in a repeated paragraph counts once.
    const std::string rep = "About 40 soldiers crossed into Colombia with the migration agency watching.\n";
    std::vector<CompareDocument> two;
    two.push_back(doc("r.txt", rep + rep, {count(rep + rep, "About 40", 40, "soldiers", "about"),
                                           mention(rep + rep, "numbers", "About 40", {{"value", 40}, {"qualifier", "about"}, {"kind", "count"}, {"unit", "soldiers"}}, 10)}));
    const auto out2 = newslens::compare_documents(two);
    CHECK(out2["documents"][0]["repeats"].size() == 1);
    CHECK(out2["numbers"].empty());
}

TEST_CASE("compare: figures that count the same thing in the same story", "[compare]") {
    const auto out = newslens::compare_documents(story(true));
    const auto* g = group_with(out, 0, 270);
    REQUIRE(g != nullptr);
    CHECK(docs_of(*g) == std::set<std::size_t>{0, 1, 2});  // soldiers, members of the armed forces, troops
    CHECK((*g)["story"] == "CO");
    CHECK((*g)["sources"] == 3);
    CHECK((*g)["spread"] == true);
    CHECK((*g)["conflict"] == false);  // no source says two things at one time
    // Two soldiers in Brazil and nine who described their day are other counts.
    CHECK(group_with(out, 0, 2) == nullptr);
    CHECK(group_with(out, 2, 9) == nullptr);
    // Civilians in the colectivos are not the people who left.
    const auto* people = group_with(out, 3, 3000000);
    REQUIRE(people != nullptr);
    CHECK(docs_of(*people) == std::set<std::size_t>{2, 3});
    CHECK(group_with(out, 1, 1600000) == nullptr);

    // Without the texts (results alone) the story still comes from the places.
    const auto bare = newslens::compare_documents(story(false));
    const auto* h = group_with(bare, 0, 270);
    REQUIRE(h != nullptr);
    CHECK(docs_of(*h).count(2) == 1);  // troops and soldiers ("members of" needs the text)
}

json money(const std::string& text, const std::string& span, double value, const std::string& currency, std::size_t from = 0) {
    return mention(text, "numbers", span, {{"value", value}, {"qualifier", "exact"}, {"kind", "money"}, {"currency", currency}, {"unit", "$"}}, from);
}

json count_from(const std::string& text, const std::string& span, double value, const std::string& unit, std::size_t from) {
    return mention(text, "numbers", span, {{"value", value}, {"qualifier", "exact"}, {"kind", "count"}, {"unit", unit}}, from);
}

json measure(const std::string& text, const std::string& span, double value, const std::string& unit) {
    return mention(text, "numbers", span, {{"value", value}, {"qualifier", "exact"}, {"kind", "measure"}, {"unit", unit}});
}

TEST_CASE("compare: amounts are one thing when close in value and in the words beside them", "[compare]") {
    // One story, two amounts close in value: a tax bill and a lawsuit. Both
    // sentences name Yukos; the words next to each amount tell them apart.
    const std::string t1 = "Yukos was hit with a $27.5bn tax bill by the authorities in Russia.\n"
                           "Yukos has sued the government of Russia for $28.3bn in damages.\n"
                           "Yukos also wants $20bn in damages from four firms in Russia.\n";
    const std::string t2 = "Yukos owes more than $27bn in back taxes, a court in Russia heard.\n"
                           "Its owner is suing Russia for $28bn in damages, Yukos said.\n";
    std::vector<CompareDocument> docs;
    docs.push_back(doc("a.txt", t1, {money(t1, "$27.5bn", 27.5e9, "USD"), place(t1, "Russia", "RU"),
                                     money(t1, "$28.3bn", 28.3e9, "USD"), place(t1, "Russia", "RU", 80),
                                     money(t1, "$20bn", 20e9, "USD"), place(t1, "Russia", "RU", 150)}));
    docs.push_back(doc("b.txt", t2, {money(t2, "$27bn", 27e9, "USD"), place(t2, "Russia", "RU"),
                                     money(t2, "$28bn", 28e9, "USD"), place(t2, "Russia", "RU", 70)}));
    const auto out = newslens::compare_documents(docs);
    const auto* tax = group_with(out, 0, 27.5e9);
    REQUIRE(tax != nullptr);
    CHECK((*tax)["figures"].size() == 2);
    CHECK(group_with(out, 1, 27e9) == tax);
    const auto* suit = group_with(out, 0, 28.3e9);
    REQUIRE(suit != nullptr);
    CHECK(suit != tax);
    CHECK(group_with(out, 1, 28e9) == suit);
    // $20bn is another claim: counts may grow 5x in a story, amounts are repeated.
    CHECK(group_with(out, 0, 20e9) == nullptr);
}

TEST_CASE("compare: a measure that names an event is no measurement", "[compare]") {
    const std::string t1 = "Greene won the 100m final in Sheffield, where Jones cleared 1.95m to win the high jump.\n";
    const std::string t2 = "Obikwelu was second in the 100m final in Sheffield.\nJones cleared 1.95m in the high jump.\n";
    const std::string t3 = "Smith took the men's 200m in Sheffield.\n";
    std::vector<CompareDocument> docs;
    docs.push_back(doc("a.txt", t1, {measure(t1, "100m", 100, "m"), measure(t1, "1.95m", 1.95, "m")}));
    docs.push_back(doc("b.txt", t2, {measure(t2, "100m", 100, "m"), measure(t2, "1.95m", 1.95, "m")}));
    docs.push_back(doc("c.txt", t3, {measure(t3, "200m", 200, "m")}));
    const auto out = newslens::compare_documents(docs);
    CHECK(group_with(out, 0, 100) == nullptr);
    CHECK(group_with(out, 2, 200) == nullptr);
    const auto* jump = group_with(out, 0, 1.95);
    REQUIRE(jump != nullptr);
    CHECK(docs_of(*jump) == std::set<std::size_t>{0, 1});
}

TEST_CASE("compare: the first and the last of a series are different counts", "[compare]") {
    const std::string t1 = "England lost their opening two matches of the Six Nations.\n"
                           "Robinson will miss the last two games of the Six Nations.\n";
    const std::string t2 = "Robinson is out of the final two games of the Six Nations.\n"
                           "England have lost the first two matches of the Six Nations.\n";
    std::vector<CompareDocument> docs;
    docs.push_back(doc("a.txt", t1, {place(t1, "England", "GB"), count(t1, "two", 2, "matches"), count_from(t1, "two", 2, "games", 40)}));
    docs.push_back(doc("b.txt", t2, {count(t2, "two", 2, "games"), place(t2, "England", "GB"), count_from(t2, "two", 2, "matches", 40)}));
    const auto out = newslens::compare_documents(docs);
    const auto* first = group_with(out, 0, 2);
    REQUIRE(first != nullptr);
    CHECK((*first)["figures"].size() == 2);
    for (const auto& f : (*first)["figures"]) CHECK(f["text"] == "two");
    std::set<std::size_t> starts;
    for (const auto& f : (*first)["figures"]) starts.insert(f["start"].get<std::size_t>());
    // Their opening two (a.txt, first line) with the first two (b.txt, second line).
    CHECK(starts == std::set<std::size_t>{t1.find("two"), t2.find("two", 40)});
    CHECK(out["numbers"].size() == 2);
}

TEST_CASE("compare: irregular verb forms link sentences as their base does", "[compare]") {
    // The only word the two sentences share is "flee", written "fled" in one.
    const std::string t1 = "Some 104 soldiers fled across the border.\n";
    const std::string t2 = "Over 100 soldiers flee each day, officials say.\n";
    std::vector<CompareDocument> docs;
    docs.push_back(doc("a.txt", t1, {count(t1, "Some 104", 104, "soldiers", "about")}));
    docs.push_back(doc("b.txt", t2, {count(t2, "Over 100", 100, "soldiers", "over")}));
    const auto out = newslens::compare_documents(docs);
    const auto* g = group_with(out, 0, 104);
    REQUIRE(g != nullptr);
    CHECK(docs_of(*g) == std::set<std::size_t>{0, 1});
    CHECK(newslens::irregular_verb_base("fled") == "flee");
    CHECK(newslens::irregular_verb_base("sold") == "sell");
    CHECK(newslens::irregular_verb_base("walked").empty());
}

TEST_CASE("compare: claim and segment fields when the results carry them", "[compare]") {
    const std::string t1 = "Colombia's migration agency said on Sunday that over 100 soldiers had crossed into Colombia.\n"
                           "Related: 5,000 soldiers parade in Bogota.\n";
    const std::string t2 = "Colombia's migration agency said on Tuesday that 326 soldiers had crossed into Colombia.\n";
    const std::string t3 = "Colombia's migration agency said on Tuesday that 420 soldiers had crossed into Colombia.\n";
    auto claim = [](json m, const char* source, const char* said, const char* date, const char* segment) {
        m["source"] = source;
        m["source_start"] = 0;
        m["source_end"] = 27;
        m["said"] = said;
        m["said_date"] = date;
        m["period"] = nullptr;
        m["segment"] = segment;
        return m;
    };
    std::vector<CompareDocument> docs;
    docs.push_back(doc("sun.txt", t1, {claim(count(t1, "over 100", 100, "soldiers", "over"), "Colombia's migration agency", "on Sunday", "2019-02-24", "article"),
                                       place(t1, "Colombia", "CO"), place(t1, "Colombia", "CO", 60),
                                       claim(count(t1, "5,000", 5000, "soldiers"), "Colombia's migration agency", "on Sunday", "2019-02-24", "story"),
                                       place(t1, "Bogota", "CO")}));
    docs.push_back(doc("tue.txt", t2, {claim(count(t2, "326", 326, "soldiers"), "Colombia's migration agency", "on Tuesday", "2019-02-26", "article"),
                                       place(t2, "Colombia", "CO")}));
    auto out = newslens::compare_documents(docs);
    const auto* g = group_with(out, 0, 100);
    REQUIRE(g != nullptr);
    CHECK((*g)["conflict"] == false);  // a count that rose from Sunday to Tuesday
    CHECK((*g)["figures"][0]["said_date"] == "2019-02-24");
    CHECK((*g)["figures"][0]["source"] == "Colombia's migration agency");
    CHECK(group_with(out, 0, 5000) == nullptr);  // another story on the page

    // The same source, the same day, two figures that cannot both hold.
    docs.push_back(doc("tue2.txt", t3, {claim(count(t3, "420", 420, "soldiers"), "Colombia's Migration Agency", "on Tuesday", "2019-02-26", "article"),
                                        place(t3, "Colombia", "CO")}));
    out = newslens::compare_documents(docs);
    g = group_with(out, 1, 326);
    REQUIRE(g != nullptr);
    CHECK(docs_of(*g).count(2) == 1);
    CHECK((*g)["conflict"] == true);

    // The same day but another period is not a contradiction.
    auto periods = docs;
    periods[2] = doc("tue2.txt", t3, {claim(count(t3, "420", 420, "soldiers"), "Colombia's Migration Agency", "on Tuesday", "2019-02-26", "article"),
                                      place(t3, "Colombia", "CO")});
    for (auto& m : periods[2].mentions)
        if (m.plugin == "numbers") m.fields["period"] = newslens::Value("this month");
    out = newslens::compare_documents(periods);
    g = group_with(out, 1, 326);
    REQUIRE(g != nullptr);
    CHECK((*g)["conflict"] == false);
}

TEST_CASE("compare: quotes shared across sources", "[compare]") {
    const std::string t1 = "\u201cI am tired of people seeing me as a traitor,\u201d said Sgt. Jorge Torres.\n";
    const std::string t2 = "\"I'm tired of people seeing me as a traitor,\" Torres told AFP.\n";
    const std::string t3 = "\"I am tired of people seeing me as a traitor,\" Juan Guaido said.\n";
    auto quote = [](const std::string& t, const std::string& span, const char* speaker) {
        return mention(t, "quotes", span, {{"speaker", speaker}, {"role", nullptr}, {"verb", "said"}, {"kind", "quote"}});
    };
    std::vector<CompareDocument> docs;
    docs.push_back(doc("1.txt", t1, {quote(t1, "I am tired of people seeing me as a traitor,", "Sgt. Jorge Torres")}));
    docs.push_back(doc("2.txt", t2, {quote(t2, "I'm tired of people seeing me as a traitor,", "Torres")}));
    auto out = newslens::compare_documents(docs);
    REQUIRE(out["quotes"].size() == 1);
    CHECK(out["quotes"][0]["sources"] == 2);
    CHECK(out["quotes"][0]["speakers"].size() == 1);
    CHECK(out["quotes"][0]["speakers"][0]["name"] == "Sgt. Jorge Torres");
    CHECK(out["quotes"][0]["conflict"] == false);
    docs.push_back(doc("3.txt", t3, {quote(t3, "I am tired of people seeing me as a traitor,", "Juan Guaido")}));
    out = newslens::compare_documents(docs);
    REQUIRE(out["quotes"].size() == 1);
    CHECK(out["quotes"][0]["sources"] == 3);
    CHECK(out["quotes"][0]["conflict"] == true);
    // A quote in one source only is no group.
    std::vector<CompareDocument> one;
    one.push_back(doc("1.txt", t1, {quote(t1, "I am tired of people seeing me as a traitor,", "Sgt. Jorge Torres")}));
    CHECK(newslens::compare_documents(one)["quotes"].empty());
}

TEST_CASE("compare: places across sources", "[compare]") {
    const auto out = newslens::compare_documents(story(true));
    const auto& places = out["places"];
    REQUIRE(!places.empty());
    CHECK(places[0]["name"] == "Venezuela");  // the most mentions
    CHECK(places[0]["sources"] == 3);
    bool brazil = false;
    for (const auto& p : places)
        if (p["name"] == "Brazil") {
            brazil = true;
            CHECK(p["sources"] == 1);
            CHECK(p["docs"] == nlohmann::ordered_json::array({0}));
        }
    CHECK(brazil);
}

TEST_CASE("compare: bad results are refused with a reason", "[compare]") {
    CHECK_THROWS_WITH(newslens::compare_document_from_json(json::array()), Catch::Contains("object"));
    CHECK_THROWS_WITH(newslens::compare_document_from_json({{"mentions", json::array()}}), Catch::Contains("document"));
    CHECK_THROWS_WITH(newslens::compare_document_from_json({{"document", "x"}, {"mentions", {{{"plugin", "numbers"}, {"start", -1}}}}}),
                      Catch::Contains("start"));
}

// The two steps (README "Comparing at scale"): summaries made one document at
// a time, sent as JSON text (as `newslens compare --map` writes them) and
// merged, give the comparison of the whole set.
TEST_CASE("compare: map per document, reduce over the summaries", "[compare]") {
    std::vector<CompareDocument> docs = story(true);
    for (auto& d : story(false)) {  // the same reports as results without text
        d.name = "no-text-" + d.name;
        docs.push_back(std::move(d));
    }
    const std::string q1 = "\u201cWe will not let the aid through the border,\u201d said Delcy Rodriguez.\n";
    const std::string q2 = "\"We will not let the aid through the border,\" Rodriguez told reporters.\n";
    auto quote = [](const std::string& t, const std::string& span, json speaker) {
        return mention(t, "quotes", span, {{"speaker", speaker}, {"verb", "said"}, {"kind", "quote"}});
    };
    docs.push_back(doc("q1.txt", q1, {quote(q1, "We will not let the aid through the border,", "Delcy Rodriguez")}));
    docs.push_back(doc("q2.txt", q2, {quote(q2, "We will not let the aid through the border,", nullptr)}));
    // Over 20 documents the documents' word vectors decide which figures are
    // of one story: reports of the story with a line of their own each, and
    // a copy of the first.
    for (int i = 0; i < 20; ++i) {
        const std::string t = (i % 2 ? kA : kC) + "Reported by desk number " + std::to_string(i) + " overnight.\n";
        docs.push_back(i % 2 ? doc("a" + std::to_string(i), t, {count(t, "More than 270", 270, "soldiers", "over"), place(t, "Colombia", "CO")})
                             : doc("c" + std::to_string(i), t, {count(t, "Some 104", 104, "troops", "about"), place(t, "Colombia", "CO")}));
    }
    docs.push_back(docs[0]);
    docs.back().name = "copy-of-a.txt";

    const json whole = newslens::compare_documents(docs);
    REQUIRE(whole["numbers"].size() >= 2);
    REQUIRE(whole["quotes"].size() == 1);
    CHECK(whole["quotes"][0]["members"][1]["speaker"].is_null());
    CHECK(whole["documents"].back()["duplicate_of"] == 0);

    // Mapped in two partitions, each summary through JSON text, reduced in input order.
    std::vector<newslens::CompareSummary> summaries;
    const std::size_t mid = docs.size() / 2;
    for (const auto& [from, to] : {std::pair<std::size_t, std::size_t>{0, mid}, {mid, docs.size()}})
        for (std::size_t i = from; i < to; ++i) {
            const newslens::CompareSummary mapped = newslens::map_document(docs[i]);
            const std::string line = newslens::summary_to_json(mapped).dump();
            std::string written;
            newslens::write_summary_json(written, mapped);
            REQUIRE(written == line);  // the CLI's direct writer, byte for byte
            const json parsed = json::parse(line);
            REQUIRE(newslens::is_summary_json(parsed));
            summaries.push_back(newslens::summary_from_json(parsed));
        }
    REQUIRE(summaries.size() == docs.size());
    CHECK(newslens::reduce_summaries(summaries).dump() == whole.dump());

    // A summary says what is wrong with it.
    json bad = newslens::summary_to_json(newslens::map_document(docs[0]));
    CHECK_FALSE(newslens::is_summary_json(json::parse(R"({"document": "x", "mentions": []})")));
    bad["figures"][0].erase("value");
    CHECK_THROWS_WITH(newslens::summary_from_json(bad), Catch::Contains("value"));
    bad["compare_summary"] = 2;
    CHECK_THROWS_WITH(newslens::summary_from_json(bad), Catch::Contains("version"));
}

TEST_CASE("compare: the direct summary writer matches the tree's dump", "[compare]") {
    // Escapes, a figure without a finite value, fields of every type and a
    // text with its sentences: the cases where a writer could differ.
    const std::string t = "\"Tab\there\" \u00e9t\u00e9, 3.25 million \u201cunits\u201d \\ said Jos\u00e9.\nOver 10 died in Caf\u00e9 Town.\n";
    json n1 = count(t, "3.25 million", 3.25e6, "units");
    n1["range"] = json::array({1, 2.5, "x"});
    n1["flag"] = true;
    n1["huge"] = 1e300;
    n1["neg"] = -0.001;
    json n2 = count(t, "10", 10, "people", "over");
    json p = place(t, "Caf\u00e9 Town", "FR");
    p["lat"] = 48.8566;
    p["lon"] = nullptr;
    json q = mention(t, "quotes", "Tab\there", {{"speaker", "Jos\u00e9"}, {"verb", "said"}});
    for (bool with_text : {true, false}) {
        const newslens::CompareSummary s = newslens::map_document(doc("w\"eird\\name.txt", t, {n1, n2, p, q}, with_text));
        std::string written;
        newslens::write_summary_json(written, s);
        CHECK(written == newslens::summary_to_json(s).dump());
        newslens::CompareSummary nan = s;
        for (auto& f : nan.figures) f.value = std::nan("");
        written.clear();
        newslens::write_summary_json(written, nan);
        CHECK(written == newslens::summary_to_json(nan).dump());
    }
}
