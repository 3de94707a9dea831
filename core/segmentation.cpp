#include "segmentation.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>

#include "document.h"
#include "text.h"
#include "vocabulary.h"

namespace newslens::segment_data {
struct PhraseEntry {
    const char* kind;
    const char* match;
    const char* phrase;  // UTF-8
};
extern const char* const kStopWords[];  // UTF-8
extern const std::size_t kStopWordCount;
extern const PhraseEntry kPhrases[];
extern const std::size_t kPhraseCount;
}  // namespace newslens::segment_data

namespace newslens {

const char* passage_kind_name(PassageKind kind) {
    switch (kind) {
        case PassageKind::Headline: return "headline";
        case PassageKind::Dateline: return "dateline";
        case PassageKind::Byline: return "byline";
        case PassageKind::Caption: return "caption";
        case PassageKind::Article: return "article";
        case PassageKind::Story: return "story";
        case PassageKind::Boilerplate: return "boilerplate";
    }
    return "article";
}

namespace {

// What a phrase of core/data/page_phrases.txt says about its line.
enum class Cue : std::uint8_t { None, Boilerplate, Related, Caption, Byline, Dateline };
enum class Match : std::uint8_t { Line, Start, Any };

struct Phrase {
    std::vector<WordId> keys;  // token keys, leading punctuation dropped
    std::size_t line_length;   // tokens compared by a Line match (trailing punctuation dropped)
    Cue cue;
    Match match;
};

struct Lexicon {
    WordSet stop;
    // First keys of the phrases matched at a line's start (Line, Start, Any)
    // and of those matched anywhere (Any): most tokens are neither, and cost
    // one look-up.
    WordSet first_at_start, first_anywhere;
    // first_anywhere as bits of the keys' low 12 bits: most tokens are ruled
    // out by one load and test.
    std::uint64_t anywhere_bits[64] = {};
    bool may_be_anywhere(WordId key) const {
        return (anywhere_bits[(key >> 6) & 63] >> (key & 63)) & 1 && first_anywhere.contains(key);
    }
    std::unordered_map<WordId, std::vector<std::uint32_t>> by_first;  // phrase indexes, in the file's order
    std::vector<Phrase> phrases;
    WordId by = kNoWord;
};

Cue cue_named(const char* s) {
    if (!std::strcmp(s, "boilerplate")) return Cue::Boilerplate;
    if (!std::strcmp(s, "related")) return Cue::Related;
    if (!std::strcmp(s, "caption")) return Cue::Caption;
    if (!std::strcmp(s, "byline")) return Cue::Byline;
    return Cue::Dateline;
}

const Lexicon& lexicon() {
    static const Lexicon lex = [] {
        Lexicon l;
        Vocabulary& vocabulary = Vocabulary::global();
        for (std::size_t i = 0; i < segment_data::kStopWordCount; ++i)
            l.stop.insert(vocabulary.intern(fold_text(to_wide(segment_data::kStopWords[i]))));
        l.by = vocabulary.intern(L"by");
        for (std::size_t i = 0; i < segment_data::kPhraseCount; ++i) {
            const auto& e = segment_data::kPhrases[i];
            // Tokenized as documents are (a TextLayer of its own: Document::layer()
            // would come back here).
            const Document doc("phrase", e.phrase);
            const TextLayer layer(doc);
            Phrase p;
            p.cue = cue_named(e.kind);
            p.match = !std::strcmp(e.match, "line") ? Match::Line : !std::strcmp(e.match, "start") ? Match::Start : Match::Any;
            std::size_t t = 0;
            const auto& tokens = layer.tokens();
            while (t < tokens.size() && tokens[t].type == TokenType::Punct) ++t;
            for (; t < tokens.size(); ++t) p.keys.push_back(vocabulary.intern(layer.token_folded(t)));
            std::size_t n = tokens.size();
            while (n > 0 && tokens[n - 1].type == TokenType::Punct) --n;
            p.line_length = n > tokens.size() - p.keys.size() ? n - (tokens.size() - p.keys.size()) : 0;
            if (p.keys.empty() || p.line_length == 0) continue;
            l.first_at_start.insert(p.keys[0]);
            if (p.match == Match::Any) {
                l.first_anywhere.insert(p.keys[0]);
                l.anywhere_bits[(p.keys[0] >> 6) & 63] |= std::uint64_t{1} << (p.keys[0] & 63);
            }
            l.by_first[p.keys[0]].push_back(static_cast<std::uint32_t>(l.phrases.size()));
            l.phrases.push_back(std::move(p));
        }
        return l;
    }();
    return lex;
}

bool closing_mark(wchar_t c) {
    return chars::is_quote(static_cast<char32_t>(c)) || c == L')' || c == L']';
}
bool end_mark(wchar_t c) { return c == L'.' || c == L'!' || c == L'?' || c == 0x2026; }
bool bullet_mark(wchar_t c) {
    return c == 0x2022 || c == 0x00B7 || c == L'*' || c == 0x25AA || c == 0x25BA || c == 0x25CF || c == 0x2023 ||
           chars::is_dash(static_cast<char32_t>(c));
}

// Thresholds, in the spirit of jusText's defaults (its "length_low" of 70
// characters is about 10 words of news prose).
constexpr std::size_t kBodyWords = 10;        // a body paragraph has at least this many words...
constexpr double kBodyStopDensity = 0.25;     // ...and this share of stop words (stopwords-iso's English list)
constexpr std::size_t kLongWords = 20;        // long enough to be prose without a final stop
constexpr std::size_t kMaxTitleWords = 25;    // longer lines without a final stop are prose cut short
constexpr std::size_t kMaxCueWords = 10;      // a byline or a date line is short
constexpr std::size_t kLookAhead = 3;         // lines after a title where its bullets or dateline are
constexpr double kSameTopic = 0.5;            // share of a block's names the article named: the article goes on
constexpr std::size_t kDensityWords = 32;     // stop-word density measured on a paragraph's first words

// What the pass knows of one line.
struct Line {
    std::uint32_t start = 0, end = 0;
    std::uint32_t first = 0, last = 0;            // tokens
    std::uint32_t first_word = 0, last_word = 0;  // words
    std::size_t words = 0, stops = 0;
    bool ends_sentence = false;  // a final . ! ? or …, closing quotes aside
    bool ends_period = false;    // a final full stop (not ? ! or an ellipsis): headlines have none
    bool ends_colon = false;
    bool bullet = false;         // "• Week", "- Over 270 soldiers fled"
    bool capital = false;        // the first word is not in lower case
    bool has_number = false;
    std::uint32_t dateline_end = 0;  // code point after "CUCUTA, Colombia:" opening the line, or 0
    Cue cue = Cue::None;
    PassageKind kind = PassageKind::Article;
    bool decided = false;
    std::uint32_t story = 0;

    double stop_density() const {
        const std::size_t measured = std::min(words, kDensityWords);
        return measured ? static_cast<double>(stops) / static_cast<double>(measured) : 0.0;
    }
    bool body() const {
        return words >= kBodyWords && stop_density() >= kBodyStopDensity && (ends_sentence || words >= kLongWords);
    }
    bool sentence() const { return ends_sentence && words >= 4; }
    bool title() const {
        return words >= 2 && words <= kMaxTitleWords && !ends_period && !ends_colon && capital && !bullet;
    }
    void set(PassageKind k) {
        kind = k;
        decided = true;
    }
};

class Segmenter {
public:
    explicit Segmenter(const TextLayer& layer) : layer_(layer), lex_(lexicon()) {}
    std::vector<Passage> run();

private:
    void describe(Line& line) const;
    Cue phrase_cue(const Line& line) const;
    std::uint32_t dateline_end(const Line& line) const;
    bool by_pattern(const Line& line) const;
    bool caption_twin(const Line& a, const Line& b) const;
    void name_words(std::size_t from, std::size_t to, WordSet& names, std::vector<WordId>* list) const;
    void split_stories(std::size_t begin, std::size_t end);
    void teasers(std::size_t begin);
    std::vector<Passage> passages() const;

    const TextLayer& layer_;
    const Lexicon& lex_;
    std::vector<Line> lines_;
    bool has_headline_ = false;
    std::uint32_t stories_ = 0;
};

void Segmenter::describe(Line& l) const {
    const auto& tokens = layer_.tokens();
    const auto& words = layer_.words();
    const std::wstring_view text = layer_.text(0, layer_.document().length());
    for (std::uint32_t w = l.first_word; w < l.last_word; ++w) {
        const Word& word = words[w];
        if (!word.alnum) continue;
        if (l.words == 0)  // "$1m payoff for..." opens with a figure
            l.capital = word.shape != Shape::Lower || chars::is_digit(static_cast<char32_t>(text[word.start]));
        if (l.words++ < kDensityWords && lex_.stop.contains(word.key)) ++l.stops;
        if (word.shape == Shape::Digits) l.has_number = true;
    }
    if (l.first < l.last) {
        const Token& t0 = tokens[l.first];
        l.bullet = t0.type != TokenType::Word && t0.type != TokenType::Number && bullet_mark(text[t0.start]) &&
                   l.first + 1 < l.last && !tokens[l.first + 1].glued();
        std::uint32_t k = l.last;
        while (k > l.first && tokens[k - 1].type == TokenType::Punct && closing_mark(text[tokens[k - 1].start])) --k;
        if (k > l.first && tokens[k - 1].type == TokenType::Punct) {
            const wchar_t c = text[tokens[k - 1].start];
            l.ends_sentence = end_mark(c) && !words[layer_.word_of_token(k - 1)].alnum;  // not an abbreviation's dot
            l.ends_period = l.ends_sentence && c == L'.' &&
                            !(k - 1 > l.first && tokens[k - 2].type == TokenType::Punct && text[tokens[k - 2].start] == L'.');
            l.ends_colon = c == L':';
        }
    }
    l.cue = phrase_cue(l);
    l.dateline_end = dateline_end(l);
}

// The cue of the first phrase of the list that the line holds.
Cue Segmenter::phrase_cue(const Line& l) const {
    const auto& tokens = layer_.tokens();
    std::uint32_t b = l.first;
    while (b < l.last && tokens[b].type == TokenType::Punct) ++b;
    std::uint32_t e = l.last;
    while (e > b && tokens[e - 1].type == TokenType::Punct) --e;
    Cue found = Cue::None;
    for (std::uint32_t t = b; t < l.last && found == Cue::None; ++t) {
        if (t == b ? !lex_.first_at_start.contains(tokens[t].key) : !lex_.may_be_anywhere(tokens[t].key)) continue;
        for (const std::uint32_t index : lex_.by_first.find(tokens[t].key)->second) {
            const Phrase& p = lex_.phrases[index];
            if (p.match != Match::Any && t != b) continue;
            if (p.match == Match::Line && e - b != p.line_length) continue;
            const std::size_t n = p.match == Match::Line ? p.line_length : p.keys.size();
            if (t + n > l.last) continue;
            bool same = true;
            for (std::size_t k = 1; k < n && same; ++k) same = tokens[t + k].key == p.keys[k];
            if (!same) continue;
            // Bylines, dates and "More from" lines are short; prose that opens
            // with "Published in 2004, the report..." is not one.
            if (p.match == Match::Start && (p.cue == Cue::Byline || p.cue == Cue::Dateline || p.cue == Cue::Related) &&
                l.words > kMaxCueWords)
                continue;
            if (p.cue == Cue::Dateline && !l.has_number) continue;
            found = p.cue;
            break;
        }
    }
    return found;
}

// "CUCUTA, Colombia:", "LOS ANGELES:", "BRIDGEWATER, N.J.:", "KYIV, Ukraine
// (Reuters) -": a place in capitals, perhaps its region, perhaps an agency,
// then a colon or a dash, at the start of a paragraph that goes on.
std::uint32_t Segmenter::dateline_end(const Line& l) const {
    const auto& tokens = layer_.tokens();
    const auto& words = layer_.words();
    const std::wstring_view text = layer_.text(0, layer_.document().length());
    std::uint32_t w = l.first_word;
    auto caps = [&](std::uint32_t i) {
        return i < l.last_word && words[i].alnum && words[i].shape == Shape::AllCaps && words[i].end - words[i].start >= 2;
    };
    auto punct = [&](std::uint32_t i, wchar_t c) {
        return i < l.last_word && !words[i].alnum && text[words[i].start] == c;
    };
    if (!caps(w)) return 0;
    std::size_t place = 0;
    while (caps(w) && place < 4) ++w, ++place;
    if (punct(w, L',')) {
        ++w;
        std::size_t region = 0;
        while (w < l.last_word && words[w].alnum && words[w].shape != Shape::Lower && region < 4) ++w, ++region;
        if (region == 0) return 0;
    }
    if (punct(w, L'(')) {  // (Reuters), (AP)
        ++w;
        std::size_t agency = 0;
        while (w < l.last_word && words[w].alnum && words[w].shape != Shape::Lower && agency < 3) ++w, ++agency;
        if (agency == 0 || !punct(w, L')')) return 0;
        ++w;
    }
    if (w >= l.last_word || words[w].alnum) return 0;
    const wchar_t c = text[words[w].start];
    const bool colon = c == L':' && tokens[words[w].first].glued();
    const bool dash = chars::is_dash(static_cast<char32_t>(c)) && tokens[words[w].first].space_before();
    if (!colon && !dash) return 0;
    // The paragraph goes on after it.
    std::size_t rest = 0;
    for (std::uint32_t k = w + 1; k < l.last_word; ++k) rest += words[k].alnum;
    if (rest < 3) return 0;
    return words[w].end;
}

// "By Jane Smith", "By Jane Smith and Tom Jones in Caracas".
bool Segmenter::by_pattern(const Line& l) const {
    const auto& words = layer_.words();
    if (l.words < 2 || l.words > kMaxCueWords || l.ends_sentence) return false;
    std::uint32_t w = l.first_word;
    while (w < l.last_word && !words[w].alnum) ++w;
    if (w >= l.last_word || words[w].key != lex_.by || words[w].shape == Shape::Lower) return false;
    std::size_t names = 0, others = 0;
    for (++w; w < l.last_word; ++w) {
        if (!words[w].alnum) continue;
        if (words[w].shape == Shape::Capitalized || words[w].shape == Shape::AllCaps) ++names;
        else ++others;
    }
    return names >= 1 && names >= 2 * others;
}

// A caption written twice, once with its credit: the first is the start of
// the other.
bool Segmenter::caption_twin(const Line& a, const Line& b) const {
    const std::wstring_view x = layer_.folded(a.start, a.end);
    const std::wstring_view y = layer_.folded(b.start, b.end);
    const std::wstring_view shorter = x.size() <= y.size() ? x : y;
    const std::wstring_view longer = x.size() <= y.size() ? y : x;
    return shorter.size() >= 20 && longer.compare(0, shorter.size(), shorter) == 0;
}

// The people and places lines [from, to) name: words in capitals that are
// not stop words and do not merely open a sentence.
void Segmenter::name_words(std::size_t from, std::size_t to, WordSet& names, std::vector<WordId>* list) const {
    const auto& words = layer_.words();
    const auto& tokens = layer_.tokens();
    const std::wstring_view text = layer_.text(0, layer_.document().length());
    for (std::size_t i = from; i < to; ++i) {
        const Line& l = lines_[i];
        bool opening = true;  // the next alphanumeric word opens a sentence
        for (std::uint32_t w = l.first_word; w < l.last_word; ++w) {
            const Word& word = words[w];
            if (!word.alnum) {
                const wchar_t c = text[word.start];
                if (end_mark(c) || c == L':' || (chars::is_quote(static_cast<char32_t>(c)) && !tokens[word.first].glued()))
                    opening = true;
                continue;
            }
            const bool name = (word.shape == Shape::Capitalized || word.shape == Shape::AllCaps) && !lex_.stop.contains(word.key);
            if (name && (!opening || word.shape == Shape::AllCaps)) {
                if (list && !names.contains(word.key)) list->push_back(word.key);
                names.insert(word.key);
            }
            opening = false;
        }
    }
}

// Blocks of the article's lines [begin, end) opened by a title with summary
// bullets or a dated paragraph after it: the same story when the names it
// gives are mostly the article's, else another story.
void Segmenter::split_stories(std::size_t begin, std::size_t end) {
    std::vector<std::size_t> opens;
    for (std::size_t i = begin + 1; i < end; ++i) {
        if (lines_[i].decided || !lines_[i].title()) continue;
        if (!opens.empty() && opens.back() + 1 == i) continue;  // a title written twice opens one block
        bool opens_block = false;
        for (std::size_t j = i + 1, seen = 0; j < end && seen < kLookAhead && !opens_block; ++j, ++seen) {
            const Line& n = lines_[j];
            // A summary bullet opens with a capital; "- manipulated nicotine
            // levels" goes on the sentence above it.
            opens_block = (n.bullet && n.words >= 4 && n.capital) || n.dateline_end != 0;
        }
        if (opens_block) opens.push_back(i);
    }
    if (opens.empty()) return;
    WordSet article;
    name_words(begin, opens[0], article, nullptr);
    for (std::size_t b = 0; b < opens.size(); ++b) {
        const std::size_t from = opens[b];
        const std::size_t to = b + 1 < opens.size() ? opens[b + 1] : end;
        WordSet seen;
        std::vector<WordId> names;
        name_words(from, to, seen, &names);
        std::size_t shared = 0;
        for (const WordId id : names) shared += article.contains(id);
        const bool same = names.empty() || static_cast<double>(shared) >= kSameTopic * static_cast<double>(names.size());
        if (same) {
            // The article's own title block ("Attacked and powerless..." after its text).
            std::size_t i = from;
            for (; i < to && lines_[i].title() && !lines_[i].decided; ++i) {
                lines_[i].set(has_headline_ ? PassageKind::Article : PassageKind::Headline);
                if (i + 1 == to || !lines_[i + 1].title()) has_headline_ = true;
            }
            for (; i < to; ++i)  // its summary bullets and paragraphs
                if (!lines_[i].decided) lines_[i].set(PassageKind::Article);
            for (const WordId id : names) article.insert(id);
            continue;
        }
        ++stories_;
        for (std::size_t i = from; i < to; ++i) {
            if (lines_[i].decided && lines_[i].kind == PassageKind::Boilerplate) continue;
            lines_[i].set(PassageKind::Story);
            lines_[i].story = stories_;
        }
    }
}

// After "You may also like": each teaser (a title, a sentence, a title with
// its sentence) is a story of its own; section labels are boilerplate.
void Segmenter::teasers(std::size_t begin) {
    bool after_title = false;
    for (std::size_t i = begin; i < lines_.size(); ++i) {
        Line& l = lines_[i];
        if (l.decided && l.kind == PassageKind::Boilerplate) {
            after_title = false;
            continue;
        }
        if (l.words < 3) {
            l.set(PassageKind::Boilerplate);
            after_title = false;
            continue;
        }
        if (!after_title) ++stories_;
        l.set(PassageKind::Story);
        l.story = stories_;
        after_title = l.title() && !after_title;
    }
}

std::vector<Passage> Segmenter::run() {
    for (const Segment& s : layer_.lines()) {
        Line l;
        l.start = s.start;
        l.end = s.end;
        l.first = s.first;
        l.last = s.last;
        l.first_word = s.first_word;
        l.last_word = s.last_word;
        describe(l);
        lines_.push_back(l);
    }
    const std::size_t n = lines_.size();
    // 1. What a line says by itself.
    for (Line& l : lines_) {
        switch (l.cue) {
            case Cue::Boilerplate:
            case Cue::Related: l.set(PassageKind::Boilerplate); break;
            case Cue::Caption: l.set(PassageKind::Caption); break;
            case Cue::Byline: l.set(PassageKind::Byline); break;
            case Cue::Dateline: l.set(PassageKind::Dateline); break;
            case Cue::None:
                if (l.words == 0 || (l.bullet && l.words <= 2)) l.set(PassageKind::Boilerplate);
                else if (by_pattern(l)) l.set(PassageKind::Byline);
                break;
        }
    }
    for (std::size_t i = 0; i + 1 < n; ++i) {
        Line& a = lines_[i];
        Line& b = lines_[i + 1];
        if (a.kind == PassageKind::Caption && !b.decided && caption_twin(a, b)) b.set(PassageKind::Caption);
        if (b.kind == PassageKind::Caption && !a.decided && caption_twin(a, b)) a.set(PassageKind::Caption);
    }
    // 2. Where the article starts: its first paragraph of prose.
    std::size_t start = n;
    for (std::size_t i = 0; i < n && start == n; ++i)
        if (!lines_[i].decided && (lines_[i].body() || lines_[i].sentence())) start = i;
    if (start == n) {  // no prose at all (a title, a list): nothing to tell apart
        for (Line& l : lines_)
            if (!l.decided) l.set(PassageKind::Article);
        return passages();
    }
    // Its headline: the last title before it, widgets and captions aside;
    // anything else before it is the page's top.
    for (std::size_t i = start; i-- > 0;) {
        if (lines_[i].decided) continue;
        if (!lines_[i].title()) break;
        lines_[i].set(PassageKind::Headline);
        has_headline_ = true;
        if (i == 0 || !(lines_[i - 1].title() && !lines_[i - 1].decided)) break;
    }
    for (std::size_t i = 0; i < start; ++i)
        if (!lines_[i].decided) lines_[i].set(PassageKind::Boilerplate);
    // 3. Where it ends: a list of other stories, or a byline that only an
    // author's or agency's description follows.
    std::size_t related = n;
    for (std::size_t i = start; i < n && related == n; ++i)
        if (lines_[i].cue == Cue::Related) related = i;
    std::size_t end = related;
    std::size_t prose_after = 0;  // body paragraphs after line i, up to `related`
    for (std::size_t i = related; i-- > start + 1;) {
        if (lines_[i].decided && lines_[i].kind == PassageKind::Byline && prose_after <= 1) end = i;
        prose_after += lines_[i].body();
    }
    for (std::size_t i = end; i < related; ++i)
        if (!lines_[i].decided) lines_[i].set(PassageKind::Boilerplate);
    if (related < n) teasers(related + 1);
    // 4. Other stories appended to the article.
    split_stories(start, end);
    // 5. Short lines take their neighbours' class: between paragraphs of
    // the article they are its subheadings; after its last one, the page's
    // when the page's furniture follows them, else the article's (a list of
    // results or awards that ends it).
    std::size_t last_prose = start;
    for (std::size_t i = start; i < end; ++i)
        if (!lines_[i].decided && (lines_[i].body() || lines_[i].sentence())) last_prose = i;
    bool furniture_after = end < n;  // a byline, "You may also like" or teasers end the article
    for (std::size_t i = end; i-- > start;) {
        Line& l = lines_[i];
        if (l.decided) {
            furniture_after |= l.kind == PassageKind::Boilerplate;
            continue;
        }
        l.set(i <= last_prose || l.body() || l.sentence() || !furniture_after ? PassageKind::Article : PassageKind::Boilerplate);
    }
    return passages();
}

std::vector<Passage> Segmenter::passages() const {
    std::vector<Passage> out;
    auto add = [&](std::uint32_t start, std::uint32_t end, PassageKind kind, std::uint32_t story) {
        if (start >= end) return;
        if (!out.empty() && out.back().kind == kind && out.back().story == story) {
            out.back().end = end;
            return;
        }
        Passage p;
        p.start = start;
        p.end = end;
        p.kind = kind;
        p.story = story;
        out.push_back(p);
    };
    for (const Line& l : lines_) {
        if (l.kind == PassageKind::Article && l.dateline_end) {
            add(l.start, l.dateline_end, PassageKind::Dateline, 0);
            // The article resumes after the white space that follows.
            std::uint32_t s = l.dateline_end;
            const std::wstring_view text = layer_.text(0, layer_.document().length());
            while (s < l.end && chars::is_space(static_cast<char32_t>(text[s]))) ++s;
            add(s, l.end, PassageKind::Article, 0);
            continue;
        }
        add(l.start, l.end, l.kind, l.kind == PassageKind::Story ? l.story : 0);
    }
    return out;
}

}  // namespace

Segmentation::Segmentation(const TextLayer& layer) : passages_(Segmenter(layer).run()) {}

const Passage* Segmentation::at(std::size_t cp) const {
    const auto it = std::upper_bound(passages_.begin(), passages_.end(), cp,
                                     [](std::size_t p, const Passage& x) { return p < x.end; });
    return it == passages_.end() ? nullptr : &*it;
}

void prepare_segmentation() { lexicon(); }

}  // namespace newslens
