// The segmentation pass (core/segmentation.h): one case or more for each
// kind of passage, on pages written for these tests, and the JSON it adds.
// The examples' hand-written gold and the corpus figures are in
// tests/segments/ (measure.py).
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "analyzer.h"
#include "segmentation.h"

using newslens::Document;
using newslens::PassageKind;

namespace {

// "kind" (or "story N") of each non-blank line, from the passage holding its
// last character (a line opened by a dateline is the article's).
std::vector<std::string> line_kinds(const std::string& text) {
    const Document doc("test", text);
    std::vector<std::string> out;
    for (const auto& line : doc.layer().lines()) {
        const newslens::Passage* p = doc.segmentation().at(line.end - 1);
        REQUIRE(p != nullptr);
        std::string k = newslens::passage_kind_name(p->kind);
        if (p->kind == PassageKind::Story) k += " " + std::to_string(p->story);
        out.push_back(k);
    }
    return out;
}

using Kinds = std::vector<std::string>;

const char* const kFlood =
    "The river burst its banks on Tuesday night and by morning the water had reached the doors of the old mill in "
    "Santarem, residents said.\n\n"
    "Emergency crews moved more than two hundred families from the lower streets of Santarem to the school gym, "
    "where volunteers handed out blankets and soup.\n\n"
    "Mayor Rita Lopes said the Tagus had not risen so fast since 1979, and asked the government in Lisbon for help.\n\n";

}  // namespace

TEST_CASE("a headline, the article, and the page around them", "[segments]") {
    const std::string page = std::string("Menu\n\nSections\n\nFlood waters rise across the valley towns\n\n") + kFlood +
                             "Share this article\n\nWe use cookies to give you the best experience on our website.\n";
    CHECK(line_kinds(page) == Kinds{"boilerplate", "boilerplate", "headline", "article", "article", "article",
                                    "boilerplate", "boilerplate"});
}

TEST_CASE("a clean article is all article", "[segments]") {
    const std::string page = std::string("Flood waters rise across the valley towns\n\n") + kFlood +
                             "Rescue work\n\n"  // a subheading between paragraphs stays in the article
                             "Boats from the fire brigade of Santarem were still out at dusk, looking for two fishermen.\n\n"
                             "He denies the charges.\n";
    CHECK(line_kinds(page) == Kinds{"headline", "article", "article", "article", "article", "article", "article"});
    CHECK(line_kinds("") == Kinds{});
    CHECK(line_kinds("Venezuela") == Kinds{"article"});
    CHECK(line_kinds("Prices rose by 3% in May.") == Kinds{"article"});
}

TEST_CASE("datelines: a place opening the first paragraph, and a date line", "[segments]") {
    const std::string text =
        "LISBON, Portugal: The harbour authority closed the port on Monday after a storm damaged two cranes.\n\n"
        "Published 3 March 2021\n\n"
        "Published in 2004, the report found that most of the town's wells were unsafe to drink from.\n\n"
        "ROME (Reuters) - The city council voted on Friday to close the old bridge to cars for a year.\n";
    const Document doc("test", text);
    const auto& passages = doc.segmentation().passages();
    REQUIRE(passages.size() >= 4);
    CHECK(passages[0].kind == PassageKind::Dateline);
    CHECK(doc.slice(passages[0].start, passages[0].end) == "LISBON, Portugal:");
    CHECK(passages[1].kind == PassageKind::Article);
    CHECK(doc.slice(passages[1].start, passages[1].start + 3) == "The");
    CHECK(line_kinds(text) == Kinds{"article", "dateline", "article", "article"});
    const newslens::Passage* rome = doc.segmentation().at(text.find("ROME"));
    REQUIRE(rome != nullptr);
    CHECK(rome->kind == PassageKind::Dateline);
    CHECK(doc.slice(rome->start, rome->end) == "ROME (Reuters) -");
    // Capitals that do not name a place before a colon and a paragraph.
    CHECK(doc.segmentation().kind_at(text.find("Published in")) == PassageKind::Article);
}

TEST_CASE("bylines, and sentences that open with By", "[segments]") {
    const std::string text = std::string("Flood waters rise across the valley towns\n\nBy Maria Okafor and Tom Reyes\n\n") +
                             kFlood + "By the end of the day most of the water had gone back into the river bed.\n\n" +
                             "(source: example news)\n";
    CHECK(line_kinds(text) == Kinds{"headline", "byline", "article", "article", "article", "article", "byline"});
}

TEST_CASE("captions: a photo line written twice, once with its credit", "[segments]") {
    const std::string text =
        std::string("Flood waters rise across the valley towns\n\n"
                    "Rescue workers carry a child through a flooded street in Santarem, Portugal, March 5, 2021.\n"
                    "Rescue workers carry a child through a flooded street in Santarem, Portugal, March 5, 2021. "
                    "REUTERS/Ana Lima\n\n") +
        kFlood;
    CHECK(line_kinds(text) == Kinds{"headline", "caption", "caption", "article", "article", "article"});
}

TEST_CASE("stories appended to the page are told apart by what they name", "[segments]") {
    const std::string text =
        std::string(kFlood) +
        // The article's own title block, after its text: it names Santarem.
        "Flood waters rise across the valley towns\n\n"
        "- Families from the lower streets of Santarem spent the night in the school gym\n"
        "Chess champion keeps her title after a five-hour final\n\n"
        "- Ingrid Berg beat Anna Kowalska in the last game of the match\n"
        "OSLO: Ingrid Berg kept her world title on Sunday after a five-hour final game against Anna Kowalska of Poland.\n"
        "Berg, who is 24, said the match in Oslo had been the hardest of her career.\n"
        "Kowalska said she would play in the Norway Open in June.\n"
        "Airline cancels flights as pilots walk out\n\n"
        "MADRID: Iberia cancelled 300 flights on Friday as its pilots began a strike over pay, the Spanish airline said.\n"
        "The union said talks with Iberia in Madrid had broken down on Thursday.\n";
    CHECK(line_kinds(text) == Kinds{"article", "article", "article", "headline", "article", "story 1", "story 1",
                                    "story 1", "story 1", "story 1", "story 2", "story 2", "story 2"});
}

TEST_CASE("after a list of other stories: teasers and their labels", "[segments]") {
    const std::string text = std::string("Flood waters rise across the valley towns\n\n") + kFlood +
                             "You may also like:\n\nSport\n\nThe league cut its season short after the stadium roof fell in.\n\n"
                             "Business\n\nA bakery chain opens its hundredth shop\n\n"
                             "The owners started with one oven in a garage.\n\nMost Read\n\n  • Week\n\n  • Month\n";
    CHECK(line_kinds(text) == Kinds{"headline", "article", "article", "article", "boilerplate", "boilerplate", "story 1",
                                    "boilerplate", "story 2", "story 2", "boilerplate", "boilerplate", "boilerplate"});
}

TEST_CASE("boilerplate: widgets, notices, credits, an agency's description after its byline", "[segments]") {
    const std::string text =
        std::string("Skip to main content\n\n  • Oops!\n    Something went wrong.\n    Please try again later.\n\n"
                    "Flood waters rise across the valley towns\n\n") +
        kFlood +
        "Additional reporting by Ana Lima\n\n"
        "Written By\n\n"
        "Our agency has 300 reporters in 90 countries and covers the news of the world for radio, print and screens.\n\n"
        "Comments are closed on this article.\n";
    CHECK(line_kinds(text) == Kinds{"boilerplate", "boilerplate", "boilerplate", "boilerplate", "headline", "article",
                                    "article", "article", "boilerplate", "byline", "boilerplate", "boilerplate"});
}

TEST_CASE("mentions carry their segment, documents their segments; --segments article", "[segments][json]") {
    const std::string text =
        std::string(kFlood) +
        "Airline cancels flights as pilots walk out\n\n"
        "MADRID: Iberia cancelled 300 flights on Friday as its pilots began a strike over pay, the Spanish airline said.\n"
        "The union said talks with Iberia in Madrid had broken down on Thursday.\n";
    const Document doc("test", text);
    const newslens::Analyzer analyzer({"numbers"});
    const newslens::Result result = analyzer.analyze(doc);
    const auto tree = newslens::to_json(doc, result);
    REQUIRE(tree.contains("segments"));
    std::size_t stories = 0;
    bool flights = false, article = false;
    for (const auto& m : tree["mentions"]) {
        REQUIRE(m.contains("segment"));
        if (m["segment"] == "story") {
            ++stories;
            CHECK(m["story"] == 1);
            flights |= m["text"] == "300";
        } else {
            CHECK_FALSE(m.contains("story"));
        }
        article |= m["segment"] == "article";
    }
    CHECK(flights);
    CHECK(article);
    for (const auto& s : tree["segments"]) CHECK(s["story"].is_null() == (s["kind"] != "story"));
    // The JSON Lines writer says the same, whole or in parts.
    std::string line, parts;
    newslens::write_json_line(line, doc, result);
    CHECK(nlohmann::ordered_json::parse(line) == tree);
    newslens::write_json_line_in_parts(parts, doc, analyzer, 1u << 20);
    CHECK(parts == line);
    std::string small;
    newslens::write_json_line_in_parts(small, doc, analyzer, 120);
    const auto cut = nlohmann::ordered_json::parse(small);
    std::size_t previous = 0;
    for (const auto& s : cut["segments"]) {
        CHECK(s["start"].get<std::size_t>() >= previous);
        CHECK(s["start"].get<std::size_t>() < s["end"].get<std::size_t>());
        CHECK(s["end"].get<std::size_t>() <= doc.length());
        previous = s["end"].get<std::size_t>();
    }
    // Only the article's own mentions.
    newslens::JsonOptions only;
    only.article_only = true;
    const auto kept = newslens::to_json(doc, result, only);
    CHECK(kept["mentions"].size() + stories == tree["mentions"].size());
    for (const auto& m : kept["mentions"]) CHECK(m["segment"] != "story");
    std::string kept_line;
    newslens::write_json_line(kept_line, doc, result, only);
    CHECK(nlohmann::ordered_json::parse(kept_line) == kept);
}
