#include "tokens.h"

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <cstring>

#include "document.h"
#include "regex.h"

namespace newslens::numbers {

namespace {

// Phone numbers, tried only where a chunk starts with a digit, '+' or '('.
const wchar_t* const kPhonePattern =
    L"(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{2,4}[.-]\\d{2,4}[.-]\\d{3,4}(?![\\w-])"
    L"|\\+\\d{1,3}(?:[ .-]?\\(?\\d{1,4}\\)?){2,5}"
    L"|\\(\\d{3}\\) ?\\d{3}[ .-]\\d{4}";

// Sentence punctuation after an address is not part of it.
bool trailing_mark(wchar_t c) {
    return std::wstring_view(L".,;:!?)]\"'\u201D\u2019").find(c) != std::wstring_view::npos;
}

bool char_is(const std::wstring& text, const Token& t, wchar_t c) { return text[t.start] == c; }

// Token k is ':', '@' or '#': one of them is part of every URL, e-mail
// address or handle that Masker masks.
bool is_sign(const std::vector<Token>& lt, const std::wstring& text, std::size_t k) {
    if (lt[k].type != TokenType::Punct && lt[k].type != TokenType::Symbol) return false;
    const wchar_t c = text[lt[k].start];
    return c == L':' || c == L'@' || c == L'#';
}

}  // namespace

Masker::Masker(const Lexicon& lexicon) : phone_(make_regex(kPhonePattern)), www_(lexicon.w.www) {}

std::size_t Masker::mask_end(const TextLayer& layer, std::size_t first) const {
    const std::vector<Token>& lt = layer.tokens();
    const std::wstring& text = layer.document().wide();
    const std::size_t begin = lt[first].start;
    // The loop below finds URLs, addresses and handles only in a chunk
    // with a sign (see is_sign); most chunks ("don't", "U.S.", "2.5%") have none.
    bool signs = is_sign(lt, text, first);
    std::size_t last = first + 1;  // the chunk is tokens [first, last)
    while (last < lt.size() && lt[last].glued()) signs |= is_sign(lt, text, last++);

    // "://" anywhere or "www." at the start: a URL. The first '@' with
    // something before it and a letter after it: an e-mail address. '#' or
    // '@' and a letter: a handle.
    bool mask = last > first + 1 && lt[first].type == TokenType::Word && lt[first].end - lt[first].start == 3 &&
                lt[first].key == www_ && char_is(text, lt[first + 1], L'.');
    bool seen_at = false;
    for (std::size_t k = first; k < last && signs && !mask; ++k) {
        if (lt[k].type != TokenType::Punct && lt[k].type != TokenType::Symbol) continue;
        const wchar_t c = text[lt[k].start];
        if (c == L':' && k + 2 < last && char_is(text, lt[k + 1], L'/') && char_is(text, lt[k + 2], L'/')) mask = true;
        if (c == L'@' && !seen_at) {
            seen_at = true;
            if (k > first && k + 1 < last && chars::is_letter(static_cast<char32_t>(text[lt[k + 1].start])))
                mask = true;
        }
        if (k == first && (c == L'#' || c == L'@') && k + 1 < last &&
            chars::is_letter(static_cast<char32_t>(text[lt[k + 1].start])))
            mask = true;
    }
    if (mask) {
        std::size_t e = lt[last - 1].end;
        while (e > begin + 1 && trailing_mark(text[e - 1])) --e;
        return e;
    }

    const wchar_t c = text[begin];
    bool phone = c == L'+' || c == L'(';
    if (chars::is_ascii_digit(static_cast<char32_t>(c))) {
        // Starting with a digit, only the first alternative can match, and
        // it begins with two groups of 2 to 4 digits, each with a dot or
        // dash after it, and a digit ("12.5" and "2014-15" are no phone).
        auto group_end = [&](std::size_t at) {  // the dot or dash after a group at `at`, or kNone
            std::size_t d = 0;
            while (d < 5 && at + d < text.size() && chars::is_digit(static_cast<char32_t>(text[at + d]))) ++d;
            const bool sep = at + d < text.size() && (text[at + d] == L'.' || text[at + d] == L'-');
            return d >= 2 && d <= 4 && sep ? at + d : kNone;
        };
        const std::size_t first_sep = group_end(begin);
        const std::size_t second_sep = first_sep == kNone ? kNone : group_end(first_sep + 1);
        phone = second_sep != kNone && second_sep + 1 < text.size() &&
                chars::is_digit(static_cast<char32_t>(text[second_sep + 1]));
    }
    if (phone) {
        boost::wsmatch m;
        const auto from = text.begin() + static_cast<std::ptrdiff_t>(begin);
        const auto to = text.begin() + static_cast<std::ptrdiff_t>(std::min(text.size(), begin + 40));
        if (boost::regex_search(from, to, m, phone_, boost::match_continuous))
            return begin + static_cast<std::size_t>(m.length());
    }
    return begin;
}

namespace {

// A token find_masked looks at (see there): "www", a number, '+', '(', ':', '@', '#'.
bool mask_candidate(const NumToken& t, const std::wstring& text, WordId www) {
    switch (t.kind) {
        case TokKind::Word: return t.key == www;
        case TokKind::Number: return true;
        default: {
            const wchar_t c = text[t.start];
            return c == L'+' || c == L'(' || c == L':' || c == L'@' || c == L'#';
        }
    }
}

}  // namespace

// The layouts copy_layer relies on.
static_assert(offsetof(Token, end) == offsetof(Token, start) + 4 && offsetof(NumToken, end) == offsetof(NumToken, start) + 4);
static_assert(offsetof(Token, type) == offsetof(Token, key) + 4 && offsetof(Token, shape) == offsetof(Token, key) + 5 &&
              offsetof(Token, gap) == offsetof(Token, key) + 6 && sizeof(Token) >= offsetof(Token, key) + 8);
static_assert(offsetof(NumToken, kind) == offsetof(NumToken, key) + 4 &&
              offsetof(NumToken, shape) == offsetof(NumToken, key) + 5 &&
              offsetof(NumToken, gap) == offsetof(NumToken, key) + 6 &&
              offsetof(NumToken, unused) == offsetof(NumToken, key) + 7);

void Tokens::copy_layer(std::vector<std::uint32_t>& mask_candidates) {
    const std::vector<Token>& lt = layer_.tokens();
    const std::size_t n = lt.size();
    const WordId www = lex_.w.www;
    if (view_.size() < n) view_.resize(n);
    if (starters_.size() < n) starters_.resize(n);
    // Raw pointers in locals: the byte-sized stores below may alias any
    // memory, so members would be read again for every token.
    const Token* const from = lt.data();
    NumToken* const to = view_.data();
    std::uint32_t* const starter = starters_.data();
    const std::uint32_t* const info_table = lex_.word_infos().data();
    const std::size_t info_size = lex_.word_infos().size();
    std::size_t starters = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Token& t = from[i];
        const auto at = static_cast<std::uint32_t>(i);
        NumToken v;
        std::memcpy(&v.start, &t.start, 8);  // start, end
        std::memcpy(&v.key, &t.key, 8);      // key, type, shape, gap and a padding byte
        if (t.type == TokenType::Word) {  // most tokens: one look-up gives entry and start
            const std::uint32_t info = t.key < info_size ? info_table[t.key] : 0;
            v.entry = static_cast<std::uint16_t>(info);
            to[i] = v;
            starter[starters] = at;
            starters += (info & Lexicon::kStartsBit) != 0;
            if (t.key == www) mask_candidates.push_back(at);
            continue;
        }
        v.entry = t.type == TokenType::Number ? 0 : lex_.index(t.key);
        to[i] = v;
        if (starts_token(v)) starter[starters++] = at;
        if (mask_candidate(v, text_, www)) mask_candidates.push_back(at);
    }
    size_ = n;
    starter_count_ = starters;
}

// The masked runs, in text order: the zero-led phone numbers and the
// chunks (runs of tokens without white space between them) Masker masks.
// Masker masks a chunk only when it starts with "www", a number, '+' or
// '(', or holds a ':', '@' or '#' (see is_sign): only those chunks are
// tried, the last kind when its first sign is reached. `candidates` lists
// those tokens (the rest are passed over).
std::vector<Tokens::Run> Tokens::find_masked(const Masker& masker, const std::vector<std::uint32_t>& candidates) const {
    const NumToken* const lt = view_.data();  // the layer's tokens, index for index
    const std::size_t n = size_;
    std::vector<Run> runs;
    std::size_t masked_until = 0;
    std::size_t tried = kNone;  // the last chunk tried
    std::size_t i = 0;  // the next token to look at
    auto space_before = [&](std::size_t k) { return (lt[k].gap & kSpaceBefore) != 0; };
    auto line_before = [&](std::size_t k) { return (lt[k].gap & kLineBefore) != 0; };
    auto glued = [&](std::size_t k) { return (lt[k].gap & (kSpaceBefore | kLineBefore)) == 0; };
    for (const std::uint32_t candidate : candidates) {
        if (candidate < i) continue;  // inside a run found before
        i = candidate;
        const NumToken& t = lt[i];
        std::size_t chunk = kNone;  // the first token of a chunk to try
        if (t.kind == TokKind::Word) {
            chunk = i;  // "www"
        } else if (t.kind == TokKind::Number) {
            // "0845 8 505 505", "0800 555 111": a number from 0 and groups of
            // digits after spaces is a phone number.
            if (text_[t.start] == L'0' && t.end - t.start >= 3 && t.end - t.start <= 5) {
                std::size_t g = i + 1;
                while (g < n && lt[g].kind == TokKind::Number && space_before(g) && !line_before(g) &&
                       lt[g].end - lt[g].start <= 4 &&
                       std::all_of(text_.begin() + lt[g].start, text_.begin() + lt[g].end,
                                   [](wchar_t c) { return c >= L'0' && c <= L'9'; }))
                    ++g;
                if (g >= i + 3 && !(g < n && glued(g) && lt[g].kind != TokKind::Punct)) {
                    masked_until = lt[g - 1].end;
                    runs.push_back({i, masked_until});
                    i = g;
                    continue;
                }
            }
            chunk = i;
        } else {
            const wchar_t c = text_[t.start];
            if (c == L'+' || c == L'(') {
                chunk = i;
            } else {  // ':', '@', '#'
                // The chunk began where the white space before it ended
                // (not tried when that is inside a masked run).
                chunk = i;
                while (chunk > 0 && !space_before(chunk)) --chunk;
                if (lt[chunk].start < masked_until) {
                    ++i;
                    continue;
                }
            }
        }
        ++i;
        // A chunk starts at the first token and after white space. A chunk
        // of one token is never masked (every pattern spans several).
        if (chunk == tried || !(chunk == 0 || space_before(chunk)) || chunk + 1 >= n || !glued(chunk + 1))
            continue;
        tried = chunk;
        masked_until = masker.mask_end(layer_, chunk);
        if (masked_until > lt[chunk].start) {
            runs.push_back({chunk, masked_until});
            // Past the tokens inside the run, and the rest of one it ends in (apply_masked).
            while (i < n && lt[i].start < masked_until) ++i;
        }
    }
    return runs;
}

// Each run made one masked token in view_, and starters_ listed again.
void Tokens::apply_masked(const std::vector<Run>& runs) {
    std::vector<NumToken> masked;
    masked.reserve(size_);
    std::size_t r = 0, masked_until = 0;
    for (std::size_t i = 0; i < size_; ++i) {
        const NumToken& t = view_[i];
        if (t.start < masked_until) {
            if (t.end <= masked_until) continue;  // inside a masked run
            // A phone number ended inside this digit run ("+1 234,567"): the
            // rest is read as a glued token of its own, its comma or point
            // apart. (A rest that starts inside decimals and is followed by
            // ",ddd" would have been one longer number before; no phone
            // pattern ends there in practice.)
            NumToken rest = t;
            rest.start = static_cast<std::uint32_t>(masked_until);
            rest.gap = 0;
            if (text_[rest.start] == L',' || text_[rest.start] == L'.') {
                NumToken p{};  // a punctuation token of no key
                p.start = rest.start;
                p.end = rest.start + 1;
                p.key = kNoWord;
                p.entry = lex_.index(kNoWord);
                p.kind = TokKind::Punct;
                p.shape = Shape::Other;
                masked.push_back(p);
                ++rest.start;
            }
            if (rest.start < t.end) masked.push_back(rest);
            continue;
        }
        if (r < runs.size() && runs[r].first == i) {
            NumToken m = t;
            m.end = static_cast<std::uint32_t>(runs[r].end);
            m.kind = TokKind::Masked;
            m.key = kNoWord;
            m.entry = 0;
            m.shape = Shape::Other;
            masked.push_back(m);
            masked_until = runs[r++].end;
            continue;
        }
        masked.push_back(t);
    }
    size_ = masked.size();
    if (view_.size() < size_) view_.resize(size_);  // (the rest of a digit run split in two can add one)
    if (starters_.size() < size_) starters_.resize(size_);
    std::copy(masked.begin(), masked.end(), view_.begin());
    starter_count_ = 0;
    for (std::size_t i = 0; i < size_; ++i)
        if (starts_token(view_[i])) starters_[starter_count_++] = static_cast<std::uint32_t>(i);
}

namespace {
std::vector<NumToken>& view_buffer() {
    static thread_local std::vector<NumToken> buffer;
    return buffer;
}
std::vector<std::uint32_t>& starter_buffer() {
    static thread_local std::vector<std::uint32_t> buffer;
    return buffer;
}
}  // namespace

Tokens::Tokens(const TextLayer& layer, const Lexicon& lexicon, const Masker& masker)
    : layer_(layer), lex_(lexicon), text_(layer.document().wide()), view_(view_buffer()), starters_(starter_buffer()) {
    static thread_local std::vector<std::uint32_t> mask_candidates;  // (its capacity kept, as the view's)
    mask_candidates.clear();
    copy_layer(mask_candidates);
    const std::vector<Run> runs = find_masked(masker, mask_candidates);
    masked_runs_ = !runs.empty();
    if (masked_runs_) apply_masked(runs);
    toks_ = view_.data();
    if (size_ > 0) {
        // The layer puts a line break before the first token; here, as
        // before, only a real one in the white space the text starts with counts.
        const bool line = std::any_of(text_.begin(), text_.begin() + view_[0].start,
                                      [](wchar_t c) { return chars::is_newline(static_cast<char32_t>(c)); });
        view_[0].gap = static_cast<std::uint8_t>((view_[0].gap & ~kLineBefore) | (line ? kLineBefore : 0));
    }
}

bool Tokens::sentence_start(std::size_t i) const {
    if (i == 0 || line_before(i)) return true;
    if (masked(i - 1)) return true;
    if (!is_punct(i - 1)) return false;
    const wchar_t c = text_[toks_[i - 1].start];
    return c == L'.' || c == L'!' || c == L'?' || c == L':' || c == L';' || c == L'"' || c == 0x201C ||
           c == 0x201D || apostrophe(i - 1) || c == L'(' || c == L'[' || chars::is_dash(static_cast<char32_t>(c)) ||
           c == 0x2022 || c == L'|' || c == L'*';
}

double Tokens::digits_value(std::size_t i) const {
    // The digits as a whole number, and the count after the point. Both a
    // whole number below 2^53 and a power of ten up to 10^22 are exact in a
    // double, so their quotient is the nearest double to the decimal, as
    // strtod gives it (2.86 stays 2.86, not 2.8600000000000003); longer
    // numbers go through strtod.
    static constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                         1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    std::uint64_t whole = 0;
    bool point = false;
    std::size_t digits = 0, decimals = 0;
    for (std::size_t k = toks_[i].start; k < toks_[i].end; ++k) {
        const wchar_t c = text_[k];
        if (c == L'.') point = true;
        if (c == L'.' || c == L',') continue;
        whole = whole * 10 + static_cast<std::uint64_t>(c - L'0');
        ++digits;
        if (point) ++decimals;
    }
    if (digits <= 15) return point ? static_cast<double>(whole) / kPowers[decimals] : static_cast<double>(whole);
    char buf[64];
    std::size_t n = 0;
    for (std::size_t k = toks_[i].start; k < toks_[i].end && n + 1 < sizeof buf; ++k) {
        const wchar_t c = text_[k];
        if (c != L',') buf[n++] = static_cast<char>(c);  // a number token holds digits, commas and a point
    }
    buf[n] = 0;
    return std::strtod(buf, nullptr);
}

std::size_t Tokens::decimals(std::size_t i) const {
    for (std::size_t k = toks_[i].start; k < toks_[i].end; ++k)
        if (text_[k] == L'.') return toks_[i].end - k - 1;
    return 0;
}

}  // namespace newslens::numbers
