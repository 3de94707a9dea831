#include "marks.h"

#include "document.h"

#include <algorithm>
#include <iterator>

namespace newslens::quotes {
namespace {

using Marks = std::vector<std::size_t>;  // positions of quotation marks, in order

// Candidate single marks, kept across calls so that their storage is reused.
struct SingleMarks {
    std::vector<std::size_t> openers, closers;
};

// Longest single-quoted span we believe in: beyond it an "opening" mark was
// more likely an apostrophe (’90s, rock ’n’ roll) that happens to be followed
// by a plural possessive (soldiers’) much later.
constexpr std::size_t kMaxSingleQuote = 400;

bool space(wchar_t c) { return chars::is_space(static_cast<char32_t>(c)); }
bool alnum(wchar_t c) { return chars::is_alnum(static_cast<char32_t>(c)); }

bool opens_after(wchar_t c) {  // characters a quotation may directly follow
    return space(c) || c == L'(' || c == L'[' || c == L'{' || chars::is_dash(static_cast<char32_t>(c)) || c == L'/' ||
           c == L':';
}

// Elisions that start with an apostrophe: ’90s, ’em, ’til, ’n’.
bool elision_at(const std::wstring& text, std::size_t p, std::size_t limit) {
    std::size_t q = p + 1, digits = 0;
    while (q < limit && chars::is_ascii_digit(static_cast<char32_t>(text[q]))) ++q, ++digits;
    if (digits == 2 || digits == 4) return true;  // ’90s, ’2019
    const std::size_t from = q;
    while (q < limit && chars::is_letter(static_cast<char32_t>(text[q])) && q - from < 6) ++q;
    if (q < limit && chars::is_letter(static_cast<char32_t>(text[q]))) return false;
    wchar_t folded[6];
    for (std::size_t k = from; k < q; ++k) folded[k - from] = static_cast<wchar_t>(chars::fold(static_cast<char32_t>(text[k])));
    const std::wstring_view w(folded, q - from);
    return w == L"em" || w == L"til" || w == L"tis" || w == L"twas" || w == L"cause" || w == L"n" ||
           w == L"bout" || w == L"cos" || w == L"s";
}

// Single-quoted spans inside [begin, end) (the inside of a double quote, or a
// stretch of a paragraph outside double quotes). An opening mark has a
// non-word character before it and a word character after; a closing mark has
// a non-space before and no word character after. An apostrophe inside a word
// (don’t, Venezuela’s) has word characters on both sides, so it is neither.
// Marks before marks[from] lie before `begin` (the paragraph's first mark).
void find_single_quotes(const std::wstring& text, const Marks& marks, std::size_t from, std::size_t begin, std::size_t end,
                        std::size_t paragraph, std::size_t parent, SingleMarks& scratch, std::vector<QuoteSpan>& out) {
    std::vector<std::size_t>& openers = scratch.openers;
    std::vector<std::size_t>& closers = scratch.closers;
    openers.clear();
    closers.clear();
    for (auto it = std::lower_bound(marks.begin() + from, marks.end(), begin); it != marks.end() && *it < end; ++it) {
        const std::size_t p = *it;
        if (!chars::is_single_quote(text[p])) continue;
        const wchar_t before = p > 0 ? text[p - 1] : L' ';
        const wchar_t after = p + 1 < end ? text[p + 1] : L' ';
        if (!alnum(before) && alnum(after)) {
            if (before != L'=' && !elision_at(text, p, end)) openers.push_back(p);  // not an attribute value
        } else if (!space(before) && !alnum(after) && p > begin) {
            closers.push_back(p);
        }
    }
    std::size_t c = 0;
    for (std::size_t o = 0; o < openers.size();) {
        while (c < closers.size() && closers[c] <= openers[o]) ++c;
        if (c == closers.size()) break;
        if (closers[c] - openers[o] > kMaxSingleQuote) { ++o; continue; }
        QuoteSpan q;
        q.open = openers[o];
        q.start = openers[o] + 1;
        q.end = closers[c];
        q.close = closers[c];
        q.paragraph = paragraph;
        q.parent = parent;
        out.push_back(q);
        const std::size_t closed_at = closers[c];
        while (o < openers.size() && openers[o] < closed_at) ++o;  // openers inside were apostrophes
    }
}

// Width of a double quotation mark at p: 1 for " “ ” and the like, 2 for
// two single marks written as one ('' in one newspaper's house style), 0
// for none. Of three single marks the double mark is the pair that faces
// the text outside: ,''' closes an inner and an outer quote at once
// (`inside`: a double quote is open), ''' before a word opens both.
std::size_t double_mark_width(const std::wstring& text, std::size_t p, std::size_t end, bool inside) {
    if (chars::is_double_quote(text[p])) return 1;
    auto single = [&](std::size_t i) { return i < end && chars::is_single_quote(text[i]); };
    if (!single(p) || !single(p + 1)) return 0;
    if (single(p + 2) && inside) return 0;  // p closes the inner quote; the mark starts at p + 1
    return 2;
}

// Double quotes of one paragraph. Marks pair up in order whatever their
// glyph (scraped text has ”days were numbered” and why?“), with two repairs
// that keep a stray mark from shifting every later pair: a mark that can only
// close (word before, space after) while no quote is open is dropped (an inch
// sign, a lost opener), and a mark that can only open (space before, word
// after) while one is open restarts the quote there. A quote still open at
// the paragraph end stops there: it runs over paragraphs (each one repeats
// the opening mark) or is unbalanced, and never swallows the next paragraph.
// marks[first] is the paragraph's first mark.
void find_double_quotes(const std::wstring& text, const Marks& marks, std::size_t first, const Segment& para, std::size_t index,
                        std::vector<QuoteSpan>& out) {
    bool open = false;
    std::size_t open_at = 0, open_width = 1;
    auto emit = [&](std::size_t o, std::size_t close, std::size_t content_end) {
        QuoteSpan q;
        q.open = o;
        q.start = o + open_width;
        q.end = content_end;
        q.close = close;
        q.paragraph = index;
        // Marks with blanks just inside: "  text  ".
        while (q.start < q.end && space(text[q.start])) ++q.start;
        while (q.end > q.start && space(text[q.end - 1])) --q.end;
        if (q.start < q.end) out.push_back(q);
    };
    std::size_t skip_to = para.start;  // past the second character of a two-character mark
    for (auto it = marks.begin() + first; it != marks.end() && *it < para.end; ++it) {
        std::size_t p = *it;
        if (p < skip_to) continue;
        const std::size_t width = double_mark_width(text, p, para.end, open);
        if (width == 0) continue;
        // Markup: <tweet date="March 4, 2016"> holds an attribute value, not a
        // quote; its closing mark is the next one.
        if (!open && p > para.start && text[p - 1] == L'=') {
            skip_to = p + width;
            auto next = std::next(it);
            if (next != marks.end() && *next < para.end) {
                skip_to = *next + 1;
                it = next;
            }
            continue;
        }
        const std::size_t last = p + width - 1;  // the mark's last character
        const bool space_before = p == para.start || opens_after(text[p - 1]);
        const bool space_after = last + 1 == para.end || space(text[last + 1]);
        if (!open) {
            if (!space_before && space_after) { skip_to = last + 1; continue; }
            open = true;
            open_at = p;
            open_width = width;
        } else if (space_before && !space_after && p > open_at + open_width && space(text[p - 1])) {
            // The part before the restart is a quote of its own: scraped text
            // that lost its paragraph breaks keeps "A. "B." of a quote running
            // over paragraphs.
            emit(open_at, kNone, p);
            open_at = p;
            open_width = width;
        } else {
            emit(open_at, last, p);
            open = false;
        }
        skip_to = last + 1;
    }
    if (open) emit(open_at, kNone, para.end);
}

}  // namespace

void find_quotes(const TextLayer& layer, const std::vector<Segment>& paragraphs, std::vector<QuoteSpan>& out) {
    const std::wstring& text = layer.document().wide();
    // Every quotation mark is a punctuation token of its own: the scans
    // below visit these positions, not every character. The scratch vectors
    // are kept per thread, to reuse their storage.
    static thread_local Marks marks;
    static thread_local std::vector<QuoteSpan> doubles;
    static thread_local SingleMarks scratch;
    marks.clear();
    auto add = [&](const Token& t) {
        if (t.type != TokenType::Punct) return;
        const wchar_t c = text[t.start];
        // Below « (U+00AB) only the ASCII marks are quotation marks.
        if (c == L'"' || c == L'\'' || (c >= 0xAB && (chars::is_double_quote(c) || chars::is_single_quote(c))))
            marks.push_back(t.start);
    };
    const Token* t = layer.tokens().data();
    const Token* const end = t + layer.tokens().size();
    // Four tokens a step: the loop's own compares cost as much as the type test.
    for (; end - t >= 4; t += 4) {
        add(t[0]);
        add(t[1]);
        add(t[2]);
        add(t[3]);
    }
    for (; t != end; ++t) add(*t);
    out.clear();
    out.reserve(marks.size() / 2);
    std::size_t next_mark = 0;  // the first mark not before the paragraph
    for (std::size_t pi = 0; pi < paragraphs.size(); ++pi) {
        const Segment& para = paragraphs[pi];
        // Most paragraphs hold no mark at all: nothing to pair there.
        while (next_mark < marks.size() && marks[next_mark] < para.start) ++next_mark;
        if (next_mark == marks.size() || marks[next_mark] >= para.end) continue;
        doubles.clear();
        find_double_quotes(text, marks, next_mark, para, pi, doubles);
        std::size_t gap = para.start;  // single quotes between double ones stand alone
        for (const QuoteSpan& d : doubles) {
            find_single_quotes(text, marks, next_mark, gap, d.open, pi, kNone, scratch, out);
            const std::size_t parent = out.size();
            out.push_back(d);
            find_single_quotes(text, marks, next_mark, d.start, d.end, pi, parent, scratch, out);
            gap = d.close == kNone ? d.end : d.close + 1;
        }
        find_single_quotes(text, marks, next_mark, gap, para.end, pi, kNone, scratch, out);
    }
    // Already in order except that stand-alone single quotes before a double
    // one were pushed first, which is their text order too.
}

}  // namespace newslens::quotes
