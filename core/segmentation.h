// The segmentation pass: which lines of a scraped page are the article and
// which are not. Computed once per document (Document::segmentation()), after
// the text layer, and read by plugins, the JSON writers, the comparison and
// the page.
//
// Each non-blank line (scraped pages put one paragraph per line) becomes a
// headline, a dateline ("CUCUTA, Colombia:" opening a paragraph, or a line
// "Published 26 February 2019"), a byline, a photo caption, the article, a
// story of its own (a teaser, or a full article appended to the page), or
// boilerplate (navigation, "Most Read", cookie and comment notices, error
// widgets, share and subscribe prompts, agency self-descriptions).
//
// How (after jusText, boilerpipe and Readability, as they apply to plain
// text): a line's length, stop-word density (npm stopwords-iso) and sentence
// punctuation tell body paragraphs from short labels; the phrases of
// core/data/page_phrases.txt name widgets and notices; short lines take the
// class of their neighbours; a title-like line followed by summary bullets
// or a dated paragraph opens a block, which stays in the article when the
// people and places it names are mostly the article's, and is another story
// when they are not.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace newslens {

class TextLayer;

enum class PassageKind : std::uint8_t { Headline, Dateline, Byline, Caption, Article, Story, Boilerplate };

// "headline", "dateline", "byline", "caption", "article", "story", "boilerplate".
const char* passage_kind_name(PassageKind kind);

// The article's own text, what a comparison counts: its headline, its
// datelines and its paragraphs (not captions, bylines, other stories or
// boilerplate).
inline bool in_article(PassageKind kind) {
    return kind == PassageKind::Headline || kind == PassageKind::Dateline || kind == PassageKind::Article;
}

// Code points [start, end) of one or more consecutive lines (or the dateline
// that opens a line) of one kind. Blank lines between passages belong to none.
struct Passage {
    std::uint32_t start = 0, end = 0;
    PassageKind kind = PassageKind::Article;
    std::uint32_t story = 0;  // for kind Story: 1 for the first other story on the page, 2 for the next...; else 0
};

class Segmentation {
public:
    explicit Segmentation(const TextLayer& layer);

    // In text order, not overlapping.
    const std::vector<Passage>& passages() const { return passages_; }
    // The passage holding code point `cp`, or the next one when cp is in a
    // blank between two; nullptr past the last.
    const Passage* at(std::size_t cp) const;
    // The kind of the passage holding `cp` (Article for an empty document).
    PassageKind kind_at(std::size_t cp) const {
        const Passage* p = at(cp);
        return p ? p->kind : PassageKind::Article;
    }

private:
    std::vector<Passage> passages_;
};

// Interns the pass's word lists into the shared vocabulary. It must run
// before documents are analysed on several threads (and before the text
// layer of a document to segment is built): Document::layer() and the
// Analyzer's constructor call it; later calls cost nothing.
void prepare_segmentation();

}  // namespace newslens
