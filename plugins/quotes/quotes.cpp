// The `quotes` plugin: quotations of three or more words (shorter quoted
// terms are reported as kind "term") and who said them.
//
// 1. marks.cpp pairs quotation marks paragraph by paragraph (straight and
//    curly mixed, apostrophes ignored, nothing crosses a paragraph end).
// 2. names.cpp indexes who the article names, so that "Torres" and "he"
//    become "Jorge Torres": the people plugin's persons (it runs first and
//    gives each its fullest name), plus what quotes needs beyond them:
//    genders from Mr/Mrs, sentence subjects, roles, organisations that speak.
// 3. attribution.cpp reads a bounded window around each quote for "X said",
//    "said X", "X told Reuters:", "according to X", ...; quotes without one
//    inherit from the quote they continue or from the paragraph before.
// Every step is linear in the text: windows are bounded and nothing re-scans
// the document per quote.
#include <algorithm>

#include "analyzer.h"
#include "attribution.h"
#include "claims.h"
#include "lexicon.h"
#include "marks.h"
#include "names.h"
#include "plugin.h"
#include "words.h"

namespace newslens::quotes {
namespace {

constexpr std::size_t kMinQuoteWords = 3;      // shorter quoted text is a term ("colectivos")
constexpr std::size_t kMaxLookBack = 600;      // characters before a quote searched for its attribution
constexpr std::size_t kMaxLookAhead = 300;     // characters after it
constexpr std::size_t kMaxChainParagraphs = 20;  // a multi-paragraph quote looks this far for its speaker

// The string value of a name, role or verb. Those are nearly always short
// plain ASCII, narrowed on the stack and copied into the value once;
// anything else goes through utf8_of (the same bytes).
newslens::Value text_value(std::wstring_view s) {
    char narrow[64];
    if (s.size() > sizeof narrow) return newslens::Value(utf8_of(s));
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (static_cast<std::uint32_t>(s[i]) >= 0x80) return newslens::Value(utf8_of(s));
        narrow[i] = static_cast<char>(s[i]);
    }
    return newslens::Value(std::string_view(narrow, s.size()));
}

newslens::Value optional_text(std::wstring_view s) { return s.empty() ? newslens::Value() : text_value(s); }

newslens::Value optional_offset(std::size_t v) { return v == kNone ? newslens::Value() : newslens::Value(v); }

// Headline-like Title Case ("No More Mr Nasty", "Face the Nation"): every
// word capitalised but short function words. Without a cue before it, a
// run that ends like a sentence is speech ("‘Makes You Want To Retch.’");
// after one (`cued`), the comma or full stop a newspaper puts inside the
// marks is allowed: on ''Meet the Press.''
bool title_case(const std::wstring& text, const Words& tokens, const Lexicon& lex, const QuoteSpan& q, bool cued) {
    const wchar_t last = text[q.end - 1];
    if (last == L'!' || last == L'?' || last == 0x2026) return false;
    if ((last == L'.' || last == L',') && !cued) return false;
    std::size_t words = 0, capitalised = 0;
    for (std::size_t t = tokens.first_at(q.start); t < tokens.size() && tokens[t].start < q.end; ++t) {
        if (!tokens.is_word(t) || !chars::is_letter(static_cast<char32_t>(text[tokens[t].start]))) continue;
        ++words;
        if (tokens.capitalized(t)) ++capitalised;
        else if (words == 1 || !(lex.function_word(tokens.key(t)) && tokens.key_text(t).size() <= 4)) return false;
    }
    return words >= 3 && capitalised >= 2;
}

// A book, film or operation name: a documentary called "…", dubbed "…".
// `t` is the first word at the quote's opening mark (Words::first_at), here and below.
bool named_by_preceding_word(const Words& tokens, const Lexicon& lex, std::size_t t) {
    for (std::size_t back = 1; back <= 2 && back <= t; ++back) {
        if (!tokens.is_word(t - back)) continue;
        return lex.naming_word(tokens.key(t - back));
    }
    return false;
}

// Words that announce a title in Title Case: the film “…”, appeared on
// “…”, NBC’s “…”.
bool title_cue_before(const Words& tokens, const Lexicon& lex, std::size_t t) {
    if (t == 0 || !tokens.is_word(t - 1)) return false;
    return lex.work_noun(tokens.key(t - 1)) || (tokens.possessive(t - 1) && tokens.capitalized(t - 1));
}

// The mark follows a lower-case word: the quote sits inside a sentence
// ("took the stage to ''Eye of the Tiger.''", "roles in “How the Grinch Stole Christmas,”").
bool after_lower_case_word(const Words& tokens, std::size_t t) {
    return t > 0 && tokens.is_word(t - 1) && !tokens.capitalized(t - 1) && !tokens.line_break_before(t);
}

// The per-document vectors of extract(), kept per thread so that their
// storage is reused from document to document (extract runs on several
// threads at once, and is never re-entered on one).
struct Workspace {
    std::vector<QuoteSpan> quotes;
    std::vector<std::size_t> main, first_in_para, last_in_para, before_begin, after_end, predecessor;
    std::vector<bool> is_quote, is_title, direct_found;
    static Workspace& of_this_thread() {
        static thread_local Workspace w;
        return w;
    }
};

class QuoteExtractor : public Extractor {
public:
    void extract(const newslens::Context& ctx, std::vector<Mention>& out) const override;
    // Speakers take the fullest names the people plugin found.
    Dependencies dependencies() const override { return {{"people"}, {}}; }

private:
    // Annotations for the numbers plugin (docs/plugins.md): who states what
    // each quotation and each reporting verb covers.
    // `claims` are find_claims' (claims.h).
    void annotate_claims(const Words& tokens, const std::vector<Claim>& claims, const std::vector<QuoteSpan>& quotes,
                         const std::vector<bool>& is_quote, const std::vector<bool>& is_title,
                         const std::vector<Speaker>& speaker, std::vector<Mention>& out) const;

    Lexicon lex_;  // built once per Analyzer
    ClaimLexicon claim_lex_;
};

// Fields in order, appended (each key is new): kind, source, source_start,
// source_end, verb, said_start, said_end, cue_start, cue_end.
// Built in place at the end of `out`.
void add_claim_annotation(std::vector<Mention>& out, std::size_t start, std::size_t end, const char* kind,
                          const Speaker& s, std::size_t said_start, std::size_t said_end, std::size_t cue_start,
                          std::size_t cue_end) {
    Mention& m = out.emplace_back();
    m.annotation = true;
    m.start = start;
    m.end = end;
    Fields& f = m.fields;
    f.reserve(9);
    f.append("kind", kind);
    f.append("source", text_value(s.name));
    f.append("source_start", optional_offset(s.start));
    f.append("source_end", optional_offset(s.end));
    f.append("verb", optional_text(s.verb));
    f.append("said_start", optional_offset(said_start));
    f.append("said_end", optional_offset(said_end));
    f.append("cue_start", optional_offset(cue_start));
    f.append("cue_end", optional_offset(cue_end));
}

void QuoteExtractor::annotate_claims(const Words& tokens, const std::vector<Claim>& claims,
                                     const std::vector<QuoteSpan>& quotes, const std::vector<bool>& is_quote,
                                     const std::vector<bool>& is_title, const std::vector<Speaker>& speaker,
                                     std::vector<Mention>& out) const {
    std::vector<std::size_t> tag(quotes.size(), kNone);  // the claim that is each quote's tag
    for (std::size_t c = 0; c < claims.size(); ++c)
        if (claims[c].quote != kNone && tag[claims[c].quote] == kNone) tag[claims[c].quote] = c;
    for (std::size_t i = 0; i < quotes.size(); ++i) {
        if (!is_quote[i] || is_title[i] || quotes[i].parent != kNone || !speaker[i].found() ||
            !holds_figure(tokens, claim_lex_, quotes[i].start, quotes[i].end))
            continue;
        const Claim* tag_claim = tag[i] == kNone ? nullptr : &claims[tag[i]];
        add_claim_annotation(out, quotes[i].start, quotes[i].end, "quote", speaker[i],
                             tag_claim ? tag_claim->said_start : kNone, tag_claim ? tag_claim->said_end : kNone, kNone,
                             kNone);
    }
    for (const Claim& c : claims)
        add_claim_annotation(out, c.scope_start, c.scope_end, "reported", c.source, c.said_start, c.said_end,
                             c.cue_start, c.cue_end);
}

void QuoteExtractor::extract(const newslens::Context& ctx, std::vector<Mention>& out) const {
    const Document& doc = ctx.document();
    const std::wstring& text = doc.wide();
    const TextLayer& layer = ctx.layer();
    const std::vector<Segment>& paragraphs = layer.lines();
    Workspace& work = Workspace::of_this_thread();
    NameStore::of_this_thread().clear();  // the names of the document before are no longer read
    std::vector<QuoteSpan>& quotes = work.quotes;
    find_quotes(layer, paragraphs, quotes);
    const Words tokens(layer);
    const NameIndex names(text, tokens, lex_, quotes, ctx.mentions("people"));
    Attributor attributor(text, tokens, lex_, names);

    const std::size_t n = quotes.size();
    std::vector<bool>& is_quote = work.is_quote;
    is_quote.assign(n, false);
    for (std::size_t i = 0; i < n; ++i) is_quote[i] = count_words(text, quotes[i].start, quotes[i].end, kMinQuoteWords) >= kMinQuoteWords;

    // Top-level quotations (not terms, not nested), in text order, and where
    // each paragraph's first and last ones are.
    std::vector<std::size_t>& main = work.main;
    main.clear();
    for (std::size_t i = 0; i < n; ++i)
        if (is_quote[i] && quotes[i].parent == kNone) main.push_back(i);
    std::vector<std::size_t>& first_in_para = work.first_in_para;
    std::vector<std::size_t>& last_in_para = work.last_in_para;
    first_in_para.assign(paragraphs.size(), kNone);
    last_in_para.assign(paragraphs.size(), kNone);
    for (std::size_t k = 0; k < main.size(); ++k) {
        const std::size_t p = quotes[main[k]].paragraph;
        if (first_in_para[p] == kNone) first_in_para[p] = k;
        last_in_para[p] = k;
    }
    auto same_paragraph = [&](std::size_t a, std::size_t b) {
        return quotes[main[a]].paragraph == quotes[main[b]].paragraph;
    };
    // The quote of the next paragraph that continues quote k (it was left
    // open and the next paragraph opens with a mark), or kNone.
    auto continuation = [&](std::size_t k) -> std::size_t {
        const QuoteSpan& q = quotes[main[k]];
        if (q.close != kNone || q.paragraph + 1 >= paragraphs.size()) return kNone;
        const std::size_t next = first_in_para[q.paragraph + 1];
        if (next == kNone || quotes[main[next]].open != paragraphs[q.paragraph + 1].start) return kNone;
        return next;
    };

    // Windows: from the previous quote of the paragraph to the next one,
    // never more than a few hundred characters either side.
    std::vector<std::size_t>& before_begin = work.before_begin;
    std::vector<std::size_t>& after_end = work.after_end;
    before_begin.assign(main.size(), 0);
    after_end.assign(main.size(), 0);
    std::vector<Speaker> direct(main.size());
    for (std::size_t k = 0; k < main.size(); ++k) {
        const QuoteSpan& q = quotes[main[k]];
        const Segment& para = paragraphs[q.paragraph];
        std::size_t b = para.start;
        if (k > 0 && same_paragraph(k - 1, k)) {
            const QuoteSpan& prev = quotes[main[k - 1]];
            b = prev.close == kNone ? prev.end : prev.close + 1;
        }
        before_begin[k] = std::max(b, q.open > kMaxLookBack ? q.open - kMaxLookBack : 0);
        std::size_t e = para.end;
        if (k + 1 < main.size() && same_paragraph(k, k + 1)) e = quotes[main[k + 1]].open;
        if (q.close != kNone) e = std::min(e, q.close + 1 + kMaxLookAhead);
        after_end[k] = e;
        direct[k] = attributor.direct(q, before_begin[k], after_end[k]);
    }

    std::vector<Speaker> speaker(n);
    std::vector<std::size_t>& predecessor = work.predecessor;
    predecessor.assign(main.size(), kNone);
    for (std::size_t k = 0; k < main.size(); ++k) {
        const std::size_t next = continuation(k);
        if (next != kNone) predecessor[next] = k;
    }
    // Titles and names in quotes are nobody's speech: "called “…”", or Title
    // Case with no attribution next to it.
    std::vector<bool>& is_title = work.is_title;
    is_title.assign(n, false);
    for (std::size_t k = 0; k < main.size(); ++k) {
        const QuoteSpan& q = quotes[main[k]];
        const std::size_t t = tokens.first_at(q.open);
        const bool cued = title_cue_before(tokens, lex_, t);
        is_title[main[k]] = named_by_preceding_word(tokens, lex_, t) || (cued && title_case(text, tokens, lex_, q, true)) ||
                            (!direct[k].found() && title_case(text, tokens, lex_, q, after_lower_case_word(tokens, t)));
    }

    // direct[k] is moved into its quote's speaker below (later quotes read
    // only the direct attributions of later quotes, and this).
    std::vector<bool>& direct_found = work.direct_found;
    direct_found.assign(main.size(), false);
    for (std::size_t k = 0; k < main.size(); ++k) direct_found[k] = direct[k].found();
    std::size_t last_attributed = kNone;  // the latest quote with a speaker, to inherit from in O(1)
    for (std::size_t k = 0; k < main.size(); ++k) {
        const QuoteSpan& q = quotes[main[k]];
        if (is_title[main[k]]) continue;
        Speaker s = std::move(direct[k]);
        // "X called the plan “…”": the subject of the sentence the quote is inside.
        if (!s.found()) s = attributor.clause_subject(q, before_begin[k]);
        // "During 2004 “…” for car sales, NAAMSA said.": the attribution ends the sentence.
        if (!s.found()) s = attributor.sentence_end(q, after_end[k]);
        // A quote opening a sentence after narrative about someone else:
        // "US coach Patrick McEnroe wants ... "I think ..."" is McEnroe's.
        // "“A,” X said in a statement. “B.”": B is X's too, not the first name of that sentence.
        if (!s.found() && k > 0 && last_attributed == k - 1 && same_paragraph(k - 1, k) && direct_found[k - 1] &&
            attributor.one_sentence(before_begin[k], q.open))
            s = speaker[main[k - 1]];
        if (!s.found()) s = attributor.previous_sentence_subject(q, before_begin[k]);
        // "A," he said. "B." — B belongs to A's speaker.
        if (!s.found() && last_attributed != kNone && same_paragraph(last_attributed, k)) s = speaker[main[last_attributed]];
        // A quote running over paragraphs: one speaker for all its parts.
        if (!s.found() && predecessor[k] != kNone) s = speaker[main[predecessor[k]]];
        for (std::size_t j = continuation(k), hops = 0; !s.found() && j != kNone && hops < kMaxChainParagraphs;
             j = continuation(j), ++hops)
            s = direct[j];
        if (!s.found()) s = attributor.sentence_person(q, before_begin[k]);
        // A quote opening its paragraph with no attribution: the speaker of
        // the paragraph before.
        if (!s.found() && q.open == paragraphs[q.paragraph].start && q.paragraph > 0) {
            const std::size_t prev = last_in_para[q.paragraph - 1];
            if (prev != kNone) s = speaker[main[prev]];
            if (!s.found()) s = attributor.paragraph_context(paragraphs[q.paragraph - 1]);
        }
        if (s.found()) last_attributed = k;
        speaker[main[k]] = std::move(s);
    }

    // The claims first, so that `out` grows once: a mention per quote, an
    // annotation per attributed quote and one per claim. Their attributor is
    // one of its own: resolving subjects remembers descriptions, which must
    // not change the quotes' speakers.
    Attributor claim_attributor(text, tokens, lex_, names);
    const std::vector<Claim> claims = find_claims(layer, tokens, lex_, claim_lex_, claim_attributor, names, quotes);
    out.reserve(out.size() + 2 * n + claims.size());
    for (std::size_t i = 0; i < n; ++i) {
        const QuoteSpan& q = quotes[i];
        // Nested quotes are spoken by whoever the outer quote says spoke them.
        // Titles are left out altogether: scorers count any 3+-word span as a quote.
        if (is_title[i] || (q.parent != kNone && is_title[q.parent])) continue;
        static const Speaker kNobody;  // terms have no speaker
        const Speaker& s = !is_quote[i] ? kNobody : q.parent == kNone ? speaker[i] : speaker[q.parent];
        Mention& m = out.emplace_back();
        m.start = q.start;
        m.end = q.end;
        Fields& f = m.fields;  // each key is new
        f.reserve(6);
        f.append("speaker", optional_text(s.name));
        f.append("speaker_start", optional_offset(s.found() ? s.start : kNone));
        f.append("speaker_end", optional_offset(s.found() ? s.end : kNone));
        f.append("role", optional_text(s.role));
        f.append("verb", optional_text(s.verb));
        f.append("kind", is_quote[i] ? "quote" : "term");
    }
    annotate_claims(tokens, claims, quotes, is_quote, is_title, speaker, out);
}

}  // namespace
}  // namespace newslens::quotes

using newslens::quotes::QuoteExtractor;
NEWSLENS_PLUGIN("quotes", "Quotations (3+ words) with speaker, role and verb; shorter quoted terms as kind \"term\"",
                QuoteExtractor);
