#include "article_date.h"

#include <cstdio>

#include "chars.h"

namespace newslens {
namespace {

constexpr std::size_t kHeadChars = 4000;  // where date lines, bylines and datelines are
constexpr std::size_t kTailChars = 1500;  // "Published ..." printed under the article
constexpr std::size_t kDatelineChars = 80;
constexpr std::size_t kMaxDateLineChars = 120;  // "By Ana Ruiz, BBC News | Published 25 February 2019, 10:02 GMT"  // "CITY, Country, Feb. 25, 2019 (AP) —": the date comes early

int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

// A cursor over one line, folded to lower case as it reads.
class Line {
public:
    Line(std::wstring_view text, std::size_t begin, std::size_t end) : text_(text), pos_(begin), end_(end) {}
    std::size_t pos() const { return pos_; }
    void seek(std::size_t p) { pos_ = p; }
    bool at_end() const { return pos_ >= end_; }
    char32_t peek() const { return at_end() ? 0 : chars::fold(static_cast<char32_t>(text_[pos_])); }
    void skip_space() {
        while (!at_end() && chars::is_space(static_cast<char32_t>(text_[pos_]))) ++pos_;
    }
    // Skips spaces and any of `marks` (",.:|-" and dashes when asked).
    void skip_separators(bool dashes) {
        while (!at_end()) {
            const char32_t c = static_cast<char32_t>(text_[pos_]);
            if (chars::is_space(c) || c == ',' || c == ':' || c == '|' || (dashes && chars::is_dash(c))) ++pos_;
            else break;
        }
    }
    // A run of letters, folded (a view of a buffer the next call reuses); empty if none here.
    // Longer words than any month or cue word come back as "-".
    std::wstring_view word() {
        std::size_t n = 0;
        while (!at_end() && chars::is_letter(static_cast<char32_t>(text_[pos_]))) {
            if (n < kMaxWord) buf_[n] = static_cast<wchar_t>(chars::fold(static_cast<char32_t>(text_[pos_])));
            ++n;
            ++pos_;
        }
        if (n > kMaxWord) return L"-";
        return std::wstring_view(buf_, n);
    }
    // A run of ASCII digits as a number (-1 if none), with how many digits.
    int number(int& digits) {
        int v = 0;
        digits = 0;
        while (!at_end() && text_[pos_] >= L'0' && text_[pos_] <= L'9' && digits < 5) {
            v = v * 10 + (text_[pos_++] - L'0');
            ++digits;
        }
        return digits ? v : -1;
    }
    bool eat(wchar_t c) {
        if (!at_end() && text_[pos_] == c) { ++pos_; return true; }
        return false;
    }

private:
    static constexpr std::size_t kMaxWord = 12;
    std::wstring_view text_;
    std::size_t pos_, end_;
    wchar_t buf_[kMaxWord] = {};
};

int month_of(std::wstring_view w) {
    static const wchar_t* const full[] = {L"january", L"february", L"march", L"april", L"may", L"june",
                                          L"july", L"august", L"september", L"october", L"november", L"december"};
    if (w.size() < 3) return 0;
    for (int m = 0; m < 12; ++m) {
        const std::wstring_view f = full[m];
        if (w == f) return m + 1;
        // Jan, Feb, Sept: the first three letters (four for Sept).
        if (w.size() >= 3 && w.size() < f.size() && f.compare(0, w.size(), w) == 0 && (w.size() == 3 || w == L"sept"))
            return m + 1;
    }
    return 0;
}

bool weekday(std::wstring_view w) {
    static const wchar_t* const days[] = {L"monday", L"tuesday", L"wednesday", L"thursday", L"friday", L"saturday",
                                          L"sunday", L"mon", L"tue", L"tues", L"wed", L"thu", L"thur", L"thurs",
                                          L"fri", L"sat", L"sun"};
    for (const wchar_t* d : days)
        if (w == d) return true;
    return false;
}

std::string iso(int y, int m, int d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

bool real_day(int y, int m, int d) { return y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m); }

// A full date at the cursor: "25 February 2019", "Feb. 26, 2019",
// "2019-02-26", with a weekday before it. Moves the cursor past it.
std::string date_at(Line& line) {
    const std::size_t start = line.pos();
    std::wstring_view w = line.word();
    if (weekday(w)) {
        line.eat(L'.');
        line.skip_separators(false);
        w = line.word();
    }
    int digits = 0;
    if (w.empty()) {  // "25 February 2019" or "2019-02-25"
        const int first = line.number(digits);
        if (digits == 4 && line.eat(L'-')) {
            const int m = line.number(digits);
            if (digits != 2 || !line.eat(L'-')) { line.seek(start); return {}; }
            const int d = line.number(digits);
            if (digits == 2 && real_day(first, m, d)) return iso(first, m, d);
            line.seek(start);
            return {};
        }
        if (digits < 1 || digits > 2) { line.seek(start); return {}; }
        const std::size_t after_day = line.pos();
        const std::wstring_view suffix = line.word();  // 25th
        if (!(suffix.empty() || suffix == L"st" || suffix == L"nd" || suffix == L"rd" || suffix == L"th")) line.seek(after_day);
        line.skip_space();
        const int m = month_of(line.word());
        line.eat(L'.');
        line.skip_separators(false);
        const int y = line.number(digits);
        if (m && digits == 4 && real_day(y, m, first)) return iso(y, m, first);
        line.seek(start);
        return {};
    }
    const int m = month_of(w);  // "February 25, 2019"
    if (!m) { line.seek(start); return {}; }
    line.eat(L'.');
    line.skip_space();
    const int d = line.number(digits);
    if (digits < 1 || digits > 2) { line.seek(start); return {}; }
    const std::size_t after_day = line.pos();
    const std::wstring_view suffix = line.word();
    if (!(suffix.empty() || suffix == L"st" || suffix == L"nd" || suffix == L"rd" || suffix == L"th")) line.seek(after_day);
    line.skip_separators(false);
    const int y = line.number(digits);
    if (digits == 4 && real_day(y, m, d)) return iso(y, m, d);
    line.seek(start);
    return {};
}

// What may follow the article's date on its line: nothing, a clock time,
// a separator, a bracket ("(Reuters)"), a dash: not the rest of a sentence.
bool ends_date_line(Line& line) {
    line.skip_space();
    if (line.at_end()) return true;
    const char32_t c = line.peek();
    if (c == '|' || c == '(' || c == '/' || c == '-' || chars::is_dash(c) || c == ',' || c == '.' || c == ';') return true;
    int digits = 0;
    const std::size_t p = line.pos();
    const std::wstring_view w = line.word();
    if (w == L"at" || w == L"updated" || w == L"last") return true;
    line.seek(p);
    line.number(digits);
    return digits >= 1 && digits <= 2 && (line.peek() == ':' || line.peek() == '.');
}

bool cue_word(std::wstring_view w) {
    return w == L"published" || w == L"updated" || w == L"posted" || w == L"modified" || w == L"dated" ||
           w == L"first" || w == L"last" || w == L"date";
}

// The date one line [b, e) gives the article, or empty.
std::string date_of_line(std::wstring_view text, std::size_t b, std::size_t e) {
    Line line(text, b, e);
    line.skip_space();
    const std::size_t start = line.pos();
    // A paragraph is no date line; only its head can be a dateline.
    if (e - start > kMaxDateLineChars) {
        if (e - start < 3 || !chars::is_upper(static_cast<char32_t>(text[start])) ||
            !chars::is_upper(static_cast<char32_t>(text[start + 1])))
            return {};
        e = start + kDatelineChars;
        line = Line(text, start, e);
    }
    // "Published 25 February 2019", "Last updated: Feb. 26, 2019".
    bool cued = false;
    for (int k = 0; k < 3; ++k) {
        const std::size_t p = line.pos();
        const std::wstring_view w = line.word();
        if (w.empty() || !cue_word(w)) { line.seek(p); break; }
        cued = true;
        line.skip_separators(false);
    }
    std::string d = date_at(line);
    if (!d.empty() && ends_date_line(line)) return d;
    // A cue later in the line: "By Ana Ruiz | Published 25 February 2019".
    for (std::size_t p = start; p < e; ++p) {
        const wchar_t c = text[p] | 0x20;  // ASCII lower case
        if ((c != L'p' && c != L'u') || (p > b && chars::is_letter(static_cast<char32_t>(text[p - 1])))) continue;
        line.seek(p);
        const std::wstring_view w = line.word();
        if (w != L"published" && w != L"updated" && w != L"posted") continue;
        line.skip_separators(false);
        if (line.peek() == 'o') {  // "Published on"
            const std::size_t q = line.pos();
            if (line.word() != L"on") line.seek(q);
            line.skip_space();
        }
        d = date_at(line);
        if (!d.empty()) return d;
    }
    if (cued) return {};
    // A dateline: "CUCUTA, Colombia, Feb. 25, 2019 (AP) —", a place in
    // capitals, then the date within the first words.
    line.seek(start);
    const std::size_t caps_start = line.pos();
    std::size_t upper = 0;
    while (!line.at_end() && chars::is_upper(static_cast<char32_t>(text[line.pos()]))) { line.seek(line.pos() + 1); ++upper; }
    if (upper < 3 || line.pos() - caps_start != upper) return {};
    for (std::size_t p = line.pos(); p < e && p < start + kDatelineChars; ++p) {
        if (text[p] != L',') continue;
        line.seek(p + 1);
        line.skip_space();
        d = date_at(line);
        if (!d.empty() && ends_date_line(line)) return d;
    }
    return {};
}

std::string first_date_in(std::wstring_view text, std::size_t from, std::size_t to) {
    std::size_t b = from;
    while (b < to) {
        std::size_t e = text.find(L'\n', b);  // wmemchr: most of the text is long lines
        if (e == std::wstring_view::npos) e = text.size();
        std::string d = date_of_line(text, b, e);
        if (!d.empty()) return d;
        b = e + 1;
    }
    return {};
}

}  // namespace

std::string article_date_in(std::wstring_view text) {
    const std::size_t head_end = std::min(text.size(), kHeadChars);
    std::string d = first_date_in(text, 0, head_end);
    if (!d.empty() || text.size() <= head_end) return d;
    // The last lines, from a line start.
    std::size_t b = std::max(head_end, text.size() - std::min(text.size(), kTailChars));
    while (b < text.size() && b > 0 && text[b - 1] != L'\n') ++b;
    return first_date_in(text, b, text.size());
}

bool valid_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    const int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    const int m = (s[5] - '0') * 10 + (s[6] - '0');
    const int d = (s[8] - '0') * 10 + (s[9] - '0');
    return real_day(y, m, d);
}

}  // namespace newslens
