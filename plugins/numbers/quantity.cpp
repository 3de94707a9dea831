#include "quantity.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cwchar>
#include <string>

#include "noun.h"

namespace newslens::numbers {

namespace {

bool parse_fraction(const Tokens& t, std::size_t j, Quantity& q, bool mixed = false);
bool parse_words(const Tokens& t, std::size_t j, Quantity& q);

bool is_dash_at(const Tokens& t, std::size_t k) { return t.is_punct(k) && chars::is_dash(t.punct(k)); }

// A scale word after a space: "million", "lakh" (0 when there is none).
double spaced_scale(const Tokens& t, std::size_t k) { return t.spaced(k) ? t.lex(k).scale : 0; }

// "dozen" or "dozens" after a number: "3 dozen", "three dozens", "3 dzs".
bool is_dozen(const Tokens& t, std::size_t k) { return t.is_word(k) && t.lex(k).dozen; }

// The digits of a number token as a whole number, its point and thousands
// commas skipped ("1.111" -> 1111).
double all_digits(const Tokens& t, std::size_t i) {
    double v = 0;
    for (wchar_t c : t.folded(i))
        if (c >= L'0' && c <= L'9') v = v * 10 + (c - L'0');
    return v;
}

// Digits before a number token's first comma or point.
std::size_t whole_digits(const Tokens& t, std::size_t i) {
    const std::wstring_view s = t.folded(i);
    std::size_t n = 0;
    while (n < s.size() && s[n] >= L'0' && s[n] <= L'9') ++n;
    return n;
}

// A glued comma and a glued number after token k-1: the number's index, or kNone.
std::size_t comma_then_number(const Tokens& t, std::size_t k) {
    return t.punct(k) == L',' && t.glued(k) && t.is_number(k + 1) && t.glued(k + 1) ? k + 1 : kNone;
}

// Nothing glued after a number written with commas but the end of a
// sentence part ("12,34,567.89.", "1,3)"), so "6,4-6" (a tennis score) and
// "1,5,a" are not read as one.
bool comma_number_ends(const Tokens& t, std::size_t k) {
    if (!t.glued(k)) return true;
    const wchar_t c = t.punct(k);
    if (c == L',' || c == L'.') return !(t.is_alnum(k + 1) && t.glued(k + 1));
    return c == L';' || c == L':' || c == L')' || c == L'!' || c == L'?' || c == L'"';
}

// Numbers written with commas the text layer does not join (it joins only
// groups of three after a comma). Returns the token after the number and
// sets `value`, or returns j when token j starts none:
// - Indian grouping, "12,34,567.89" and "1,23,45,678": one or two digits,
//   groups of two, then the last three (the layer's "34,567.89");
// - a decimal comma, "1,3" and "5,00": one comma and one or two digits;
// - dots for thousands and a decimal comma, "1.111,11".
// A decimal comma after a currency sign is a thousands group short of a
// digit ("sold for $110,00 (£59,000)"): English news writes sums with a
// point, so no number is read there.
std::size_t comma_number(const Tokens& t, std::size_t j, double& value) {
    if (j > 0 && t.punct(j - 1) == L',' && t.glued(j)) return j;  // inside a list: "22,24,26,31"
    std::size_t n = comma_then_number(t, j + 1);
    if (n == kNone) return j;
    if (t.plain(j) && t.digit_count(j) <= 2) {
        double v = t.digits_value(j);
        std::size_t k = n;
        while (t.plain(k) && t.digit_count(k) == 2 && comma_then_number(t, k + 1) != kNone) {
            v = v * 100 + t.digits_value(k);
            k = comma_then_number(t, k + 1);
        }
        // The last token: two digits, a comma and three ("34,567", "34,567.89").
        const std::wstring_view last = t.folded(k);
        if (whole_digits(t, k) == 2 && last.size() >= 6 && last[2] == L',' &&
            last.substr(3).find(L',') == std::wstring_view::npos &&
            (last.size() == 6 || last[6] == L'.') && comma_number_ends(t, k + 1)) {
            value = v * 100000 + t.digits_value(k);
            return k + 1;
        }
    }
    const bool dotted = t.decimals(j) == 3;  // "1.111"
    const bool after_sign = j > 0 && t.near(j) && t.lex(j - 1).currency_symbol;
    // "models 3,4 and 5": a list goes on after it.
    const Lexicon::Words& w = t.lexicon().w;
    const bool list_goes_on = (t.is(n + 1, w.and_) || t.is(n + 1, w.or_)) && t.is_number(n + 2);
    if (!after_sign && !list_goes_on && (t.plain(j) || dotted) && whole_digits(t, j) <= 3 && t.plain(n) &&
        t.digit_count(n) <= 2 && comma_number_ends(t, n + 1)) {
        const double whole = dotted ? all_digits(t, j) : t.digits_value(j);
        value = whole + t.digits_value(n) / std::pow(10.0, static_cast<double>(t.digit_count(n)));
        return n + 1;
    }
    return j;
}

// Token j is one of three or more plain numbers joined by glued commas, a
// list as exercise or page numbers are written: "22,24,26,31".
bool in_comma_list(const Tokens& t, std::size_t j) {
    if (!t.plain(j)) return false;
    std::size_t first = j, last = j;
    while (first >= 2 && t.punct(first - 1) == L',' && t.glued(first) && t.glued(first - 1) &&
           t.is_number(first - 2) && t.plain(first - 2))
        first -= 2;
    for (std::size_t n; (n = comma_then_number(t, last + 1)) != kNone && t.plain(n);) last = n;
    if (last - first < 4) return false;
    // Nothing glued before the first ("1-6,4-6,6-3" is a score) or after the last.
    if (t.glued(first) && (t.is_alnum(first - 1) || t.is_punct(first - 1))) return false;
    return comma_number_ends(t, last + 1) && !(t.punct(last + 1) == L',' && t.glued(last + 1));
}

// The fraction after a whole number that ends at token k: "and a half",
// "and three quarters", "and a quarter million". The scale of the whole
// carries over ("one million and a half" is 1,500,000), and one written
// after the fraction applies to the whole too when the whole has none
// ("one and a half million"). Returns the token after it, or k.
std::size_t mixed_fraction(const Tokens& t, std::size_t k, Quantity& q) {
    const Lexicon::Words& w = t.lexicon().w;
    double f = 0, scale_written = 0;
    std::size_t e = k;
    Quantity fq;
    // "one-and-a-half million"
    const bool hyphens = is_dash_at(t, k) && t.is(k + 1, w.and_) && is_dash_at(t, k + 2) && t.is(k + 3, w.a) &&
                         is_dash_at(t, k + 4) && t.is(k + 5, w.half);
    if (hyphens) {
        for (std::size_t g = k; g <= k + 5; ++g)
            if (!t.glued(g)) return k;
        f = 0.5;
        e = k + 6;
    } else if (!t.is(k, w.and_) || !t.spaced(k) || !t.spaced(k + 1)) {
        return k;
    } else if ((t.is(k + 1, w.a) || t.is(k + 1, w.an) || t.is(k + 1, w.one)) && t.is(k + 2, w.half) && t.spaced(k + 2)) {
        f = 0.5;
        e = k + 3;
    } else if (parse_fraction(t, k + 1, fq, true) || (parse_words(t, k + 1, fq) && fq.fraction)) {
        f = fq.value;
        e = fq.end;
        if (fq.scale > 1 && !fq.fraction) scale_written = fq.scale;  // "a quarter million"
    } else {
        return k;
    }
    if (t.is(e, w.of)) return k;  // "Stages 3 and 4 and two-fifths of schools": a list
    if (!scale_written && spaced_scale(t, e) >= 1e3) {
        scale_written = spaced_scale(t, e);
        f *= scale_written;
        ++e;
    }
    if (q.scale >= 1e3) {
        if (!scale_written) f *= q.scale;  // "3 million and a half"
        q.value += f;
    } else if (scale_written) {
        q.value = q.value * scale_written + f;  // "one and a half million"
        q.scale = scale_written;
    } else {
        q.value += f;  // "five and a quarter"
    }
    q.lone_one = false;
    q.plain = false;
    return e;
}

// What follows "4 thousand" in "4 thousand 3 hundred and 21", "3 hundred
// and one", "6 crore and two hundred": groups below the last scale. After
// "and", digits only below a hundred ("£3 million and 20 jobs" is two
// numbers). Returns the token after them and adds them to q.value.
std::size_t smaller_groups(const Tokens& t, std::size_t k, Quantity& q) {
    const Lexicon::Words& w = t.lexicon().w;
    double last = q.scale;
    while (last > 1) {
        std::size_t n = k;
        const bool and_ = t.is(n, w.and_) && t.spaced(n);
        if (and_) ++n;
        if (!t.spaced(n)) break;
        double v = 0, s = 0;
        std::size_t e = n;
        if (t.is_number(n) && t.plain(n)) {
            v = t.digits_value(n);
            e = n + 1;
            s = spaced_scale(t, e);
            if (s) {
                if (s >= last) break;  // "3 hundred and 2 hundred": two numbers
                v *= s;
                ++e;
            } else if (!(and_ && last == 100)) {
                break;
            }
        } else {
            Quantity words;
            if (t.lex(n).small < 0 && !t.lex(n).tens) break;
            if (!parse_words(t, n, words) || words.fraction || words.ordinal || words.end == n) break;
            v = words.value;
            e = words.end;
            s = words.scale;
        }
        if (v >= last || v <= 0) break;
        q.value += v;
        k = e;
        last = s;
    }
    return k;
}

// A capital C or F glued to digits is a temperature ("15C", "-4F"), but
// for numbers of four digits and more and after a capitalised word or a
// '#' ("Room 5C", "Block 4F", "#3F"). Returns the unit, or null.
const char* temperature_letter(const Tokens& t, std::size_t j, std::size_t k) {
    if (!t.upper(k) || t.length(k) != 1 || t.digit_count(j) > 3) return nullptr;
    const wchar_t c = t.folded(k)[0];
    if (c != L'c' && c != L'f') return nullptr;
    std::size_t p = j;
    if (p > 0 && (t.punct(p - 1) == L'-' || t.punct(p - 1) == 0x2212) && t.glued(p)) --p;
    if (p > 0 && t.near(p) && ((t.is_word(p - 1) && (t.cap(p - 1) || t.upper(p - 1))) || t.punct(p - 1) == L'#'))
        return nullptr;
    return c == L'c' ? "degrees Celsius" : "degrees Fahrenheit";
}

// A capitalised word or '#' before the number at token j makes a letter
// after it part of a code: "Tier 2B", "Room 10M", "#3F".
bool code_before(const Tokens& t, std::size_t j) {
    std::size_t p = j;
    if (p > 0 && (t.punct(p - 1) == L'-' || t.punct(p - 1) == 0x2212) && t.glued(p)) --p;
    return p > 0 && t.near(p) && ((t.is_word(p - 1) && (t.cap(p - 1) || t.upper(p - 1))) || t.punct(p - 1) == L'#');
}

// A scale letter at token k after the digits at token j (kLetterScales),
// glued ("10M", "1MM", "10B", "1.2b") or after a space with nothing after
// it in its sentence part ("2.33 k", "1,674.5 G"). Not glued G ("3G", "4G"
// are networks), nor lower-case b on a whole number ("question 2b") or
// after two decimals ("802.11b": a version); after a space only k in lower
// case. Returns the scale, or 0.
double letter_scale(const Tokens& t, std::size_t j, std::size_t k) {
    const Entry& e = t.lex(k);
    if (!t.is_word(k) || !e.letter_scale || code_before(t, j)) return 0;
    const bool lower_b = t.is(k, t.lexicon().w.b);
    if (!t.upper(k) && !t.is(k, t.lexicon().w.k) && !(lower_b && t.glued(k))) return 0;
    if (t.glued(k)) {
        if (t.folded(k) == L"g") return 0;
        if (!t.upper(k) && t.decimals(j) != 1) return 0;
        if (t.decimals(j) > 1) return 0;
        return e.letter_scale;
    }
    if (!t.spaced(k) || (t.is_alnum(k + 1) && t.near(k + 1)) || !comma_number_ends(t, k + 1)) return 0;
    return e.letter_scale;
}

// Digits with an optional glued or spaced scale ("1.6 million", "3bn").
bool parse_digits(const Tokens& t, std::size_t j, Quantity& q, bool range_end) {
    const Lexicon::Words& w = t.lexicon().w;
    // ".08", "a .22 rifle": a decimal point with no whole part.
    const bool point_first =
        t.glued(j) && t.punct(j - 1) == L'.' && t.plain(j) && !q.currency && (j == 1 || !t.glued(j - 1));
    // Glued to letters or to another code before: M23, G7, COVID-19, 737-800.
    const bool listed = in_comma_list(t, j);  // "22,24,26,31": each a number
    if (t.glued(j) && !q.currency && !range_end && !point_first && !listed) {
        const std::size_t p = j - 1;
        if (t.is_word(p)) return false;
        const wchar_t c = t.punct(p);
        if (c && t.glued(p) && p > 0 && t.is_alnum(p - 1) && c != L'>' && c != L'<' && c != L'=') {
            // "mid-2019", "pre-1990": a lower-case prefix is no code.
            const bool lower_prefix = c == L'-' && t.is_word(p - 1) && !t.cap(p - 1) && !t.upper(p - 1);
            if (!lower_prefix) return false;
        }
        if (c == L'#' || c == L'@' || c == L'_' || c == L'/' || c == L'\\' || c == L'.') return false;
    }
    const double code_scale = q.scale;  // MAUD 60: set by the currency prefix
    q.scale = 1;
    q.value = t.digits_value(j);
    q.plain = t.plain(j) && !point_first;
    if (point_first) q.value /= std::pow(10.0, static_cast<double>(t.digit_count(j)));
    std::size_t k = j + 1;
    if (!range_end && !point_first && !listed) {
        const std::size_t after = comma_number(t, j, q.value);  // 12,34,567.89; 1,3; 1.111,11
        if (after > k) {
            q.plain = false;
            k = after;
        }
    }
    if (q.plain && t.is_punct(k) && t.glued(k) && t.lex(k).vulgar) {
        q.value += t.lex(k).vulgar;  // 3½
        q.plain = false;
        ++k;
    }
    // "2 350 000", "1 234 567.89": thousands grouped by spaces.
    if (q.plain && t.digit_count(j) <= 3 && !(j > 0 && t.is_number(j - 1) && t.near(j))) {
        // (not "10 737-800 planes": a group ends the number or a sentence part)
        auto group_ends = [&](std::size_t e) {
            const wchar_t c = t.punct(e);
            return !t.glued(e) || c == L'.' || c == L',' || c == L';' || c == L')' || c == L'!' || c == L'?';
        };
        while (t.spaced(k) && t.is_number(k) && t.digit_count(k) - (t.decimals(k) ? t.decimals(k) + 1 : 0) == 3 &&
               group_ends(k + 1)) {
            if (t.folded(k).find(L',') != std::wstring_view::npos) break;  // "1 234,567" is no grouping
            q.value = q.value * 1000 + t.digits_value(k);
            q.plain = false;
            const bool decimals = t.decimals(k) > 0;
            ++k;
            if (decimals) break;
        }
        if (k > j + 1) {
            q.end = k;
            return true;
        }
    }
    // A suffix glued to the digits: 3bn, 100k, $3m, 10am, 1990s, 5km.
    if (t.is_word(k) && t.glued(k)) {
        const Entry& e = t.lex(k);
        if (e.glued_scale) {
            q.value *= e.glued_scale;
            q.scale = e.glued_scale;
        } else if (q.currency && e.money_scale) {
            q.value *= e.money_scale;
            q.scale = e.money_scale;
        } else if ((t.is(k, w.am) || t.is(k, w.pm)) && q.value <= 12) {
            q.kind = Kind::Time;
        } else if (e.has(kOrdinalSuffix)) {
            q.ordinal = true;
        } else if (t.is(k, w.s) && q.plain && (t.digit_count(j) == 4 || t.digit_count(j) == 2)) {
            q.kind = Kind::Year;  // the 1990s
        } else if (const double letter = letter_scale(t, j, k)) {
            q.value *= letter;  // 10M, 1MM, 1.2b
            q.scale = letter;
        } else if (e.glued_measure && !(t.upper(k) && t.length(k) == 1)) {
            // (a single capital is a code: 3G, 4G networks)
            q.kind = Kind::Measure;
            q.unit = e.glued_measure;
        } else if (e.currency_word && !q.currency && t.folded(k)[0] > 0x2E7F) {
            q.currency = e.currency_word->code;  // 100元: a CJK sign written as a letter
            q.currency_unit = e.currency_word->unit;
        } else if (e.currency_code && t.upper(k) && !q.currency) {
            q.currency = e.currency_code->code;  // 115USD, 300EUR, 25MEUR
            q.currency_unit = e.currency_code->unit;
            if (e.code_scale) {
                q.value *= e.code_scale;
                q.scale = e.code_scale;
            }
        } else if (const char* degrees = temperature_letter(t, j, k)) {
            q.kind = Kind::Measure;  // 15C, -4F
            q.unit = degrees;
        } else {
            return false;  // 3D, 4G, 5x: a code
        }
        ++k;
        if (t.is_alnum(k) && t.glued(k)) return false;
    }
    // Versions, slashed dates and ratios: 1.2.3, 24/7, 9/11.
    if (t.is_punct(k) && t.glued(k) && t.is_number(k + 1) && t.glued(k + 1)) {
        const wchar_t c = t.punct(k);
        // 1/5, 3/4: a fraction; 24/7, 9/11 and 1/5/2019 are not.
        if (c == L'/' && q.plain && !q.currency && q.scale == 1 && q.value >= 1 && t.plain(k + 1)) {
            const double den = t.digits_value(k + 1);
            // (not "the weekend of 8/9 January": two days)
            const bool days = t.spaced(k + 2) && t.lex(k + 2).month && (t.cap(k + 2) || t.upper(k + 2));
            if (q.value < den && den <= 10 && !days && !(t.is_punct(k + 2) && t.glued(k + 2) && t.is_number(k + 3))) {
                q.value /= den;
                q.fraction = true;
                q.plain = false;
                q.end = k + 2;
                return true;
            }
        }
        if (c == L'.' || c == L'/' || (c == L',' && !listed)) return false;
        // Clock time 10:30.
        if (c == L':' && t.digit_count(k + 1) == 2 && q.value < 24 && q.plain) {
            q.value += t.digits_value(k + 1) / 60.0;
            q.kind = Kind::Time;
            k += 2;
        }
    }
    // "3 1/2 inches": a whole number and a fraction.
    if (q.plain && q.scale == 1 && q.kind == Kind::None && k == j + 1 && t.spaced(k) && t.is_number(k) && t.plain(k) &&
        t.punct(k + 1) == L'/' && t.glued(k + 1) && t.glued(k + 2) && t.is_number(k + 2) && t.plain(k + 2) &&
        !(t.glued(k + 3) && (t.is_alnum(k + 3) || t.punct(k + 3) == L'/'))) {
        const double num = t.digits_value(k), den = t.digits_value(k + 2);
        if (num >= 1 && num < den && den <= 16) {
            q.value += num / den;
            q.plain = false;
            k += 3;
        }
    }
    // A spaced scale word: "1.6 million", "40 lakh", "3 dozen"; a bigger
    // one may follow ("2 lakh crore", "5 thousand million").
    if (q.scale == 1 && q.kind == Kind::None && t.spaced(k)) {
        const Entry& e = t.lex(k);
        if (e.scale) {
            q.value *= e.scale;
            q.scale = e.scale;
            ++k;
            if (spaced_scale(t, k) > q.scale) {
                q.scale = spaced_scale(t, k);
                q.value *= q.scale;
                ++k;
            }
        } else if (e.glued_scale && !t.is(k, w.k)) {
            q.value *= e.glued_scale;  // "3 bn"
            q.scale = e.glued_scale;
            ++k;
        } else if (is_dozen(t, k)) {
            q.value *= 12;
            q.scale = 12;
            ++k;
        } else if (const double letter = letter_scale(t, j, k)) {
            q.value *= letter;  // "2.33 k", "1,674.5 G"
            q.scale = letter;
            ++k;
        }
        if (q.scale >= 100 && q.value == std::floor(q.value)) k = smaller_groups(t, k, q);
    }
    if (code_scale > 1 && q.scale == 1) {
        q.value *= code_scale;
        q.scale = code_scale;
    }
    q.end = k;
    if (q.kind == Kind::None && !q.currency) q.end = mixed_fraction(t, k, q);  // "2 and a half"
    return true;
}

// Spelled-out numbers: "two", "twenty-one", "one hundred and fifty",
// "a dozen", "two million", "half a million", "two and a half".
bool parse_words(const Tokens& t, std::size_t j, Quantity& q) {
    const Lexicon::Words& w = t.lexicon().w;
    enum Last { None, Small, Tens, Hundred, Scale };
    double total = 0, current = 0, last_scale = 1;
    bool any = false;
    Last last = None;
    std::size_t k = j;
    std::size_t end = j;

    // "half a million", "half a dozen"
    if (t.is(k, w.half) && (t.is(k + 1, w.a) || t.is(k + 1, w.an)) && t.spaced(k + 1) && t.spaced(k + 2)) {
        const bool dozen = t.is(k + 2, w.dozen);
        if (dozen || (t.lex(k + 2).scale && !t.is(k + 2, w.hundred))) {
            const double s = dozen ? 12 : t.lex(k + 2).scale;
            q.value = 0.5 * s;
            q.scale = s;
            q.spelled = true;
            q.end = k + 3;
            return true;
        }
    }
    // "half a million" without the article: "half million eggs".
    if (t.is(k, w.half) && spaced_scale(t, k + 1) >= 1e3) {
        q.scale = spaced_scale(t, k + 1);
        q.value = 0.5 * q.scale;
        q.spelled = true;
        q.end = k + 2;
        return true;
    }
    // "a half" as a number: "below a half", "for a half hour" (not "a half-point").
    if ((t.is(k, w.a) || t.is(k, w.an)) && t.is(k + 1, w.half) && t.spaced(k + 1) &&
        !(is_dash_at(t, k + 2) && t.glued(k + 2)) && !(k > 0 && t.is(k - 1, w.and_))) {
        q.value = 0.5;
        q.spelled = q.half = true;
        q.end = k + 2;
        return true;
    }
    // "half" on its own: "around half the number", "half of them" (not
    // "the second half", "second-half efforts", "a fly-half").
    const bool compound = k > 1 && is_dash_at(t, k - 1) && t.glued(k) && t.glued(k - 1) && t.is_word(k - 2);
    if (t.is(k, w.half) && !(t.punct(k + 1) == L'-' && t.glued(k + 1)) &&
        !(k > 0 && t.has(k - 1, kHalfBefore) && t.spaced(k)) && !compound) {
        q.value = 0.5;
        q.spelled = q.half = true;
        q.end = k + 1;
        return true;
    }
    // "a dozen", "a hundred", "a million"
    if ((t.is(k, w.a) || t.is(k, w.an)) && t.spaced(k + 1) && t.is_word(k + 1) &&
        (t.is(k + 1, w.dozen) || t.lex(k + 1).scale)) {
        current = 1;
        any = true;
        last = Small;
        ++k;
    }
    double denominator = 0;  // "twenty-three fifths"
    bool ordinal = false;    // "twenty-second", "two hundredth"
    bool hyphen = false;     // the last word followed a hyphen
    while (k < t.size()) {
        if (k > j && !t.near(k)) break;
        // "twenty-one", and "fifty - two" as tokenised text writes it.
        if (t.is_punct(k) && chars::is_dash(t.punct(k)) && t.glued(k) == t.glued(k + 1) && t.near(k) &&
            t.near(k + 1) && last == Tens) {
            const Entry& u = t.lex(k + 1);
            if ((u.small > 0 && u.small < 10) || (u.ordinal > 0 && u.ordinal < 10)) {
                ++k;  // twenty-one, twenty-first
                hyphen = true;
                continue;
            }
        }
        // "five hundred-fifths": a hyphen before the denominator.
        if (any && is_dash_at(t, k) && t.glued(k) && t.glued(k + 1) && t.is_word(k + 1) &&
            t.lex(k + 1).plural_ordinal) {
            ++k;
            continue;
        }
        if (!t.is_word(k)) break;
        if (k > j && !t.space_before(k) && !t.is_punct(k - 1)) break;
        const Entry& e = t.lex(k);
        if (e.plural_ordinal && any) {
            denominator = e.fraction;  // "twenty-three fifths", "fifty-four hundredths"
            end = ++k;
            break;
        }
        if (e.ordinal && any) {
            // A compound ordinal ends the number: "twenty-second", "one
            // hundred twenty-fifth", "two hundredth". "thirty second" without
            // a hyphen is a duration.
            const double o = e.ordinal;
            bool fits = false;
            if (o < 10) fits = (last == Tens && (hyphen || o != 2)) || last == Hundred || last == Scale;
            else if (o < 100) fits = last == Hundred || last == Scale;
            else if (o == 100) fits = last == Small || last == Tens;
            else fits = last != Scale || o > last_scale;
            if (!fits) break;
            if (o == 100) {
                current = (current == 0 ? 1 : current) * 100;
            } else if (o >= 1000) {
                total = (total + (current == 0 ? 1 : current)) * o;
                current = 0;
            } else {
                current += o;
            }
            ordinal = true;
            end = ++k;
            break;
        }
        hyphen = false;
        if (e.small >= 0) {
            if (last == Small || (last == Tens && e.small >= 10) || (last == Tens && e.small == 0)) break;
            current += e.small;
            last = Small;
        } else if (e.tens) {
            if (last == Small || last == Tens) break;
            current += e.tens;
            last = Tens;
        } else if (t.is(k, w.hundred)) {
            if (!any || last == Hundred || last == Scale) break;
            current = (current == 0 ? 1 : current) * 100;
            last = Hundred;
            last_scale = 100;
        } else if (e.scale) {
            if (!any) break;
            if (last == Scale) {
                if (e.scale <= last_scale || current != 0) break;
                total *= e.scale;  // "three lakh crore", "two thousand million"
            } else {
                total += (current == 0 ? 1 : current) * e.scale;
            }
            current = 0;
            last = Scale;
            last_scale = std::max(last_scale, e.scale);
        } else if (is_dozen(t, k)) {
            if (!any || last == Scale) break;
            current = (current == 0 ? 1 : current) * 12;
            last = Scale;
        } else if (t.is(k, w.and_) && (last == Hundred || last == Scale) && t.spaced(k + 1) &&
                   (t.lex(k + 1).small >= 0 || t.lex(k + 1).tens)) {
            Quantity f;
            if (parse_fraction(t, k + 1, f, true)) break;  // "one hundred and three quarters"
            if (t.is(k + 1, w.one) && t.is(k + 2, w.half)) break;  // "two million and one half"
            ++k;  // "two hundred and fifty": "and" only inside the number
            continue;
        } else {
            break;
        }
        any = true;
        ++k;
        end = k;
    }
    if (!any || end == j) return false;
    // A lone "a" is no number.
    if (end == j + 1 && (t.is(j, w.a) || t.is(j, w.an))) return false;
    q.value = total + current;
    q.spelled = true;
    q.lone_one = end == j + 1 && t.is(j, w.one);
    if (last == Scale || last == Hundred) q.scale = last_scale;
    if (denominator) {
        q.value /= denominator;
        q.fraction = true;
        q.scale = 1;
        q.end = end;
        return true;
    }
    if (ordinal) {
        q.ordinal = true;
        q.end = end;
        return true;
    }
    // "two point five", "nine point nought four", "two point two million"
    // (not "at one point").
    const bool pronoun_one = q.lone_one && j > 0 && (t.has(j - 1, kPreposition) || t.has(j - 1, kPronounOneBefore));
    if (t.is(end, w.point) && t.spaced(end) && t.spaced(end + 1) && last != Scale && !pronoun_one) {
        std::size_t d = end + 1;
        std::wstring digits;
        while (t.is_word(d) && t.lex(d).small >= 0 && t.lex(d).small < 10 && (d == end + 1 || t.spaced(d))) {
            digits += static_cast<wchar_t>(L'0' + t.lex(d).small);
            ++d;
        }
        if (digits.empty()) {  // "point seventy-one", "point eleven"
            Quantity after;
            if (parse_words(t, end + 1, after) && !after.fraction && !after.ordinal && after.scale == 1 &&
                after.value >= 10 && after.value < 100 && after.value == std::floor(after.value)) {
                digits = std::to_wstring(static_cast<int>(after.value));
                d = after.end;
            }
        }
        if (!digits.empty()) {
            q.value += std::wcstod((L"0." + digits).c_str(), nullptr);
            q.lone_one = false;
            end = d;
            if (spaced_scale(t, end) >= 1e3) {
                q.scale = spaced_scale(t, end);
                q.value *= q.scale;
                ++end;
            }
        }
    }
    q.end = mixed_fraction(t, end, q);  // "two and a half", "one and a half million"
    return true;
}

bool num_word(const Tokens& t, std::size_t i) {
    return t.is_word(i) && !t.is(i, t.lexicon().w.a) && !t.is(i, t.lexicon().w.an);
}

// A denominator at token k: "fifth", "quarters", "hundredth",
// "twenty-fifth". Returns the token after it, or k when there is none.
std::size_t denominator_at(const Tokens& t, std::size_t k, double& den, bool& plural) {
    if (!t.is_word(k)) return k;
    const Entry& e = t.lex(k);
    if (e.fraction) {
        den = e.fraction;
        plural = t.folded(k).back() == L's';
        return k + 1;
    }
    if (e.tens && is_dash_at(t, k + 1) && t.glued(k + 1) && t.glued(k + 2) && t.is_word(k + 2)) {
        const Entry& u = t.lex(k + 2);
        const double unit = u.fraction ? u.fraction : u.ordinal;
        if (unit >= 1 && unit < 10) {
            den = e.tens + unit;
            plural = t.folded(k + 2).back() == L's';
            return k + 3;
        }
    }
    return k;
}

// Spelled fractions: "a third of", "one-third", "two-thirds majority",
// "three quarters of", "a hundredth", "a quarter million". Without a hyphen
// the fraction must be "of" something or stand alone: "a third term" and
// "a quarter-final" are ordinals. `mixed`: after "and" in a mixed number
// ("three and a quarter hours"), where any word may follow.
bool parse_fraction(const Tokens& t, std::size_t j, Quantity& q, bool mixed) {
    const Lexicon::Words& w = t.lexicon().w;
    double num = 0;
    std::size_t k = j + 1;
    if (t.is(j, w.quarter) && spaced_scale(t, j + 1) >= 1e3) {
        num = 1;  // "quarter million"
        k = j;
    } else if ((t.is(j, w.a) || t.is(j, w.an)) && (mixed || !t.is(j + 1, w.fourth))) {
        num = 1;  // ("score a fourth" is an ordinal; "one fourth" a fraction)
    } else if (t.lex(j).small >= 1) {
        num = t.lex(j).small;
    } else {
        return false;
    }
    // "two-thirds", and "one - fourth" as tokenised text writes it.
    const bool hyphen = k > j && is_dash_at(t, k) && t.glued(k) == t.glued(k + 1) && num_word(t, j);
    if (hyphen) {
        ++k;
    } else if (k > j && !t.spaced(k)) {
        return false;
    }
    double den = 0;
    bool plural = false;
    const std::size_t after = denominator_at(t, k, den, plural);
    if (after == k) return false;
    if (plural != (num > 1)) return false;  // "two thirds", "a third"; not "two third"
    if (is_dash_at(t, after) && t.glued(after)) return false;  // a quarter-final
    q.value = num / den;
    q.spelled = true;
    q.end = after;
    // The fraction of a scale is a number: "a quarter million", "three quarters billion".
    if (spaced_scale(t, after) >= 1e3) {
        q.scale = spaced_scale(t, after);
        q.value *= q.scale;
        q.end = after + 1;
        return true;
    }
    if (!hyphen && !mixed && t.is_word(after) && !t.has(after, kFractionFollower)) return false;
    // "a third" with nothing after it is a fraction after "by", "to", "than"
    // or a qualifier ("cut by a third", "almost a fifth"); else an ordinal
    // ("slid in a third", a goal).
    if (!hyphen && !mixed && (t.is(j, w.a) || t.is(j, w.an)) && j > 0 && !t.is_word(after)) {
        const std::size_t p = j - 1;
        const bool cue = t.is(p, w.by) || t.is(p, w.to) || t.is(p, w.than) || t.is(p, w.for_) ||
                         t.has(p, kSentenceOpener);
        if (!cue) return false;
    }
    q.fraction = true;
    // "a quarter of a million jobs"
    if (t.is(after, w.of) && (t.is(after + 1, w.a) || t.is(after + 1, w.one)) && t.spaced(after + 2)) {
        const double s = t.lex(after + 2).scale;
        if (s >= 1e6) {
            q.value *= s;
            q.scale = s;
            q.fraction = false;
            q.end = after + 3;
        }
    }
    return true;
}

// Vague amounts: "dozens", "hundreds", "tens of thousands",
// "several dozen", "a few hundred". Value = the scale named.
bool parse_vague(const Tokens& t, std::size_t j, Quantity& q) {
    const Lexicon::Words& w = t.lexicon().w;
    std::size_t k = j;
    if (t.is(k, w.a) && t.is(k + 1, w.few) && t.spaced(k + 1)) ++k;
    if (t.has(k, kFewWord) && t.spaced(k + 1) && t.is_word(k + 1)) {
        const bool dozen = t.is(k + 1, w.dozen);
        if (dozen || t.lex(k + 1).scale) {
            q.value = dozen ? 12 : t.lex(k + 1).scale;
            q.vague = true;
            q.end = k + 2;
            return true;
        }
    }
    // "a couple of weeks": two, loosely.
    if (t.is(j, w.a) && t.is(j + 1, w.couple) && t.is(j + 2, w.of) && t.spaced(j + 1) && t.spaced(j + 2)) {
        q.value = 2;
        q.vague = true;
        q.end = j + 2;
        return true;
    }
    k = j;
    double value = t.lex(k).vague_plural;
    if (!value) return false;
    ++k;
    // "tens of thousands", "hundreds of millions"
    if (t.is(k, w.of) && t.spaced(k) && t.spaced(k + 1)) {
        const double s = t.lex(k + 1).vague_plural;
        if (s >= 1000) {
            value *= s;
            k += 2;
        }
    }
    // A bare "tens" or "scores" is no amount; "tens of thousands" / "scores of people" is.
    if ((t.is(j, w.tens) || t.is(j, w.scores)) && k == j + 1 && !t.is(k, w.of)) return false;
    q.value = value;
    q.vague = true;
    q.end = k;
    return true;
}

// A vague amount, spelled fraction or number word can start at token j:
// what parse_vague, parse_fraction and parse_words test first, so when this
// is false all three fail without touching the quantity.
bool may_spell(const Tokens& t, std::size_t j) {
    const Lexicon::Words& w = t.lexicon().w;
    const Entry& e = t.lex(j);
    return e.small >= 0 || e.tens || e.has(kFewWord) || e.vague_plural || t.is(j, w.a) || t.is(j, w.an) ||
           t.is(j, w.half) || t.is(j, w.quarter);
}

}  // namespace

bool parse_quantity(const Tokens& t, std::size_t i, Quantity& q, bool range_end) {
    // "minus 5", "negative one" (not "10 minus 5", "tested negative").
    auto number_before = [&] {
        return i > 0 && t.near(i) &&
               (t.is_number(i - 1) || t.lex(i - 1).small >= 0 || t.lex(i - 1).tens || t.lex(i - 1).scale);
    };
    if (t.has(i, kMinusWord) && t.spaced(i + 1) && !number_before() &&
        !(i > 0 && t.is_word(i - 1) && ends_with(t.folded(i - 1), L"ed") && !t.is(i, t.lexicon().w.minus))) {
        if (!parse_quantity(t, i + 1, q, range_end) || q.vague || q.ordinal || q.value <= 0) return false;
        q.value = -q.value;
        q.begin = i;
        q.plain = q.lone_one = false;
        return true;
    }
    q = Quantity{};
    q.begin = i;
    std::size_t j = currency_prefix(t, i, q);
    bool negative = false;
    // -4.5: a minus sign glued to the digits, not after another number.
    if (!q.currency && t.is_punct(j) && (t.punct(j) == L'-' || t.punct(j) == 0x2212) && t.is_number(j + 1) &&
        t.glued(j + 1) && (j == 0 || t.space_before(j) || t.punct(j - 1) == L'(' || t.punct(j - 1) == L'<' ||
                           t.punct(j - 1) == L'>' || t.punct(j - 1) == L'=') &&
        !(j > 0 && t.is_number(j - 1) && !t.line_before(j))) {
        negative = true;
        ++j;
    }
    if (t.is_punct(j) && t.lex(j).vulgar && !q.currency) {
        q.value = t.lex(j).vulgar;  // ½ teaspoon
        q.fraction = true;
        q.end = j + 1;
    } else if (t.is_number(j)) {
        q.num_tok = j;
        if (!parse_digits(t, j, q, range_end)) return false;
    } else if (q.currency) {
        return false;
    } else if (!may_spell(t, j)) {
        return false;  // most tokens here: no vague amount, fraction or number word starts with them
    } else if (parse_vague(t, j, q)) {
        return true;  // vague amounts take no tail
    } else if (parse_fraction(t, j, q)) {
        if (q.fraction) return true;  // "a quarter million dollars" takes a tail
    } else if (!parse_words(t, j, q)) {
        return false;
    }
    if (negative) q.value = -q.value;
    if (q.ordinal || q.fraction) return true;
    return parse_tail(t, q);
}

}  // namespace newslens::numbers
