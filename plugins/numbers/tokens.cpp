#include "tokens.h"

#include <algorithm>
#include <cstddef>
#include <cstdlib>

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
    // After '+' or '(' every phone alternative has a digit ("(AFP)" tries none).
    bool phone = (c == L'+' || c == L'(') && begin + 1 < text.size() &&
                 chars::is_digit(static_cast<char32_t>(text[begin + 1]));
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
bool mask_candidate(const Token& t, const std::wstring& text, WordId www) {
    switch (t.type) {
        case TokenType::Word: return t.key == www;
        case TokenType::Number: return true;
        default: {
            const wchar_t c = text[t.start];
            return c == L'+' || c == L'(' || c == L':' || c == L'@' || c == L'#';
        }
    }
}

std::vector<std::uint16_t>& entry_buffer() {
    static thread_local std::vector<std::uint16_t> buffer;
    return buffer;
}
std::vector<std::uint32_t>& starter_buffer() {
    static thread_local std::vector<std::uint32_t> buffer;
    return buffer;
}

}  // namespace

// What read_layer records of a token that is no word, as Lexicon::word_info
// gives it for words: its entry (currency signs have one), whether a rule
// starts at it and whether a masked run may.
// Out of line: the loop over every token keeps its registers.
[[gnu::noinline]] std::uint32_t Tokens::sign_info(const Token& t) const {
    if (t.type == TokenType::Number) return Lexicon::kStartsBit | Lexicon::kMaskBit;
    const std::uint16_t entry = lex_.index(t.key);
    return entry | (starts_token(t, entry) ? Lexicon::kStartsBit : 0) |
           (mask_candidate(t, text_, lex_.w.www) ? Lexicon::kMaskBit : 0);
}

void Tokens::read_layer(std::vector<std::uint32_t>& mask_candidates) {
    const std::vector<Token>& lt = layer_.tokens();
    const std::size_t n = lt.size();
    if (entries_.size() < n) entries_.resize(n);
    if (starters_.size() < n) starters_.resize(n);
    // Raw pointers in locals: the 16-bit stores below may alias any
    // memory of their type, so members would be read again for every token.
    const Token* const from = lt.data();
    std::uint16_t* const entry = entries_.data();
    std::uint32_t* const starter = starters_.data();
    const std::uint32_t* const info_table = lex_.word_infos().data();
    const std::size_t info_size = lex_.word_infos().size();
    std::size_t starters = 0;
    // Every token in a few instructions: most are words in no list.
    for (std::size_t i = 0; i < n; ++i) {
        const Token& t = from[i];
        std::uint32_t info = t.key < info_size ? info_table[t.key] : 0;
        if (t.type != TokenType::Word) info = sign_info(t);
        entry[i] = static_cast<std::uint16_t>(info);
        starter[starters] = static_cast<std::uint32_t>(i);
        starters += (info >> 16) & 1;  // kStartsBit
        if (info & Lexicon::kMaskBit) mask_candidates.push_back(static_cast<std::uint32_t>(i));
    }
    static_assert(Lexicon::kStartsBit == 1u << 16);
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
    const std::vector<Token>& lt = layer_.tokens();
    const std::size_t n = lt.size();
    std::vector<Run> runs;
    std::size_t masked_until = 0;
    std::size_t tried = kNone;  // the last chunk tried
    std::size_t i = 0;          // the next token to look at
    for (const std::uint32_t candidate : candidates) {
        if (candidate < i) continue;  // inside a run found before
        i = candidate;
        const Token& t = lt[i];
        std::size_t chunk = kNone;  // the first token of a chunk to try
        if (t.type == TokenType::Word) {
            chunk = i;  // "www"
        } else if (t.type == TokenType::Number) {
            // "0845 8 505 505", "0800 555 111": a number from 0 and groups of
            // digits after spaces is a phone number.
            if (text_[t.start] == L'0' && t.end - t.start >= 3 && t.end - t.start <= 5) {
                std::size_t g = i + 1;
                while (g < n && lt[g].type == TokenType::Number && lt[g].space_before() && !lt[g].line_before() &&
                       lt[g].end - lt[g].start <= 4 &&
                       std::all_of(text_.begin() + lt[g].start, text_.begin() + lt[g].end,
                                   [](wchar_t c) { return c >= L'0' && c <= L'9'; }))
                    ++g;
                if (g >= i + 3 && !(g < n && lt[g].glued() && lt[g].type != TokenType::Punct)) {
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
                while (chunk > 0 && !lt[chunk].space_before()) --chunk;
                if (lt[chunk].start < masked_until) {
                    ++i;
                    continue;
                }
            }
        }
        ++i;
        // A chunk starts at the first token and after white space. A chunk
        // of one token is never masked (every pattern spans several).
        if (chunk == tried || !(chunk == 0 || lt[chunk].space_before()) || chunk + 1 >= n || !lt[chunk + 1].glued())
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

// The layer's tokens with each run one masked token, into masked_, and
// starters_ listed again.
void Tokens::apply_masked(const std::vector<Run>& runs) {
    const std::vector<Token>& lt = layer_.tokens();
    std::vector<std::uint16_t> entries;
    masked_.reserve(lt.size());
    entries.reserve(lt.size());
    auto add = [&](const Token& t, std::uint16_t entry) {
        masked_.push_back(t);
        entries.push_back(entry);
    };
    std::size_t r = 0, masked_until = 0;
    for (std::size_t i = 0; i < lt.size(); ++i) {
        const Token& t = lt[i];
        if (t.start < masked_until) {
            if (t.end <= masked_until) continue;  // inside a masked run
            // A phone number ended inside this digit run ("+1 234,567"): the
            // rest is read as a glued token of its own, its comma or point
            // apart. (A rest that starts inside decimals and is followed by
            // ",ddd" would have been one longer number before; no phone
            // pattern ends there in practice.) Their byte offsets are not kept.
            Token rest = t;
            rest.start = static_cast<std::uint32_t>(masked_until);
            rest.gap = 0;
            if (text_[rest.start] == L',' || text_[rest.start] == L'.') {
                Token p;  // a Punct of no key: no lexicon entry
                p.start = rest.start;
                p.end = rest.start + 1;
                add(p, 0);
                ++rest.start;
            }
            if (rest.start < t.end) add(rest, entries_[i]);
            continue;
        }
        if (r < runs.size() && runs[r].first == i) {
            Token m = t;
            m.end = static_cast<std::uint32_t>(runs[r].end);
            m.key = kNoWord;
            m.shape = Shape::Other;
            m.type = static_cast<TokenType>(TokKind::Masked);
            add(m, 0);
            masked_until = runs[r++].end;
            continue;
        }
        add(t, entries_[i]);
    }
    size_ = masked_.size();
    // (the rest of a digit run split in two can add one)
    if (entries_.size() < size_) entries_.resize(size_);
    if (starters_.size() < size_) starters_.resize(size_);
    std::copy(entries.begin(), entries.end(), entries_.begin());
    starter_count_ = 0;
    for (std::size_t i = 0; i < size_; ++i)
        if (starts_token(masked_[i], entries_[i])) starters_[starter_count_++] = static_cast<std::uint32_t>(i);
}

// A long document's buffers are given back after it: kept, every plugin's
// would add up while the next plugins run (the page's WASM heap ends at
// 2 GB; a 50 MB document did not fit).
Tokens::~Tokens() {
    if (starters_.capacity() > (1u << 20)) {
        entries_ = {};
        starters_ = {};
    }
}

Tokens::Tokens(const TextLayer& layer, const Lexicon& lexicon, const Masker& masker)
    : layer_(layer), lex_(lexicon), text_(layer.document().wide()), entries_(entry_buffer()), starters_(starter_buffer()) {
    static thread_local std::vector<std::uint32_t> mask_candidates;  // (its capacity kept, as the buffers')
    mask_candidates.clear();
    read_layer(mask_candidates);
    const std::vector<Run> runs = find_masked(masker, mask_candidates);
    toks_ = layer.tokens().data();
    masked_runs_ = !runs.empty();
    if (masked_runs_) {
        apply_masked(runs);
        toks_ = masked_.data();
    }
    entry_ = entries_.data();
    if (size_ > 0) {
        // The layer puts a line break before the first token; here, as
        // before, only a real one in the white space the text starts with counts.
        const bool line = std::any_of(text_.begin(), text_.begin() + toks_[0].start,
                                      [](wchar_t c) { return chars::is_newline(static_cast<char32_t>(c)); });
        first_gap_ = static_cast<std::uint8_t>((toks_[0].gap & ~kLineBefore) | (line ? kLineBefore : 0));
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
