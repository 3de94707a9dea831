#include "names.h"

#include <algorithm>

namespace newslens::quotes {
namespace {

bool all_caps(std::wstring_view w) {
    std::size_t letters = 0;
    for (wchar_t c : w) {
        if (!is_letter(c)) continue;
        if (!is_upper(c)) return false;
        ++letters;
    }
    return letters >= 2;
}

// Text of tokens [b, e) as written, without a final possessive 's.
std::wstring span_text(const std::wstring& text, const Tokens& tokens, std::size_t b, std::size_t e) {
    std::size_t end = tokens[e - 1].end;
    if (tokens.possessive(e - 1)) end -= 2;
    return text.substr(tokens[b].start, end - tokens[b].start);
}

}  // namespace

bool is_title_token(const Tokens& tokens, std::size_t i, const Lexicon& lex) {
    if (!tokens.is_word(i)) return false;
    const std::wstring k = tokens.key(i);
    if (lex.title(k)) return true;
    // Secretary-General, Vice-President
    std::size_t from = 0;
    bool any = false;
    for (std::size_t dash = k.find(L'-'); dash != std::wstring::npos; dash = k.find(L'-', from)) {
        any = any || lex.title(k.substr(from, dash - from));
        from = dash + 1;
    }
    return any || (from > 0 && lex.title(k.substr(from)));
}

NameSplit split_trailing_name(const Tokens& tokens, std::size_t begin, std::size_t end, const Lexicon& lex) {
    NameSplit s;
    std::size_t i = end;
    while (i > begin) {
        const std::size_t t = i - 1;
        if (!tokens.is_word(t)) break;
        const std::wstring k = tokens.key(t);
        if (tokens.capitalized(t)) {
            if (is_title_token(tokens, t, lex) || lex.function_word(k) || lex.calendar_word(k)) break;
            // A possessive inside the run ends the name: "Venezuela’s Juan" is no name.
            if (tokens.possessive(t) && t != end - 1) break;
            i = t;
            continue;
        }
        // Particles only between capitalised words: "Simon de la Cruz".
        if (lex.name_particle(k) && i < end && tokens.capitalized(i)) { i = t; continue; }
        break;
    }
    while (i < end && !tokens.capitalized(i)) ++i;  // a name never starts with "de"
    s.name_begin = i;
    s.name_end = end;
    // The role: up to six words before the name, stopping at punctuation and
    // at words that start a clause rather than a title ("On Saturday Mr X").
    // Lower-case words belong to it only as titles ("opposition leader") or
    // inside a possessive ("the migration service’s director").
    std::size_t r = s.name_begin;
    bool in_possessive = false;
    while (r > begin && s.name_begin - r < 6) {
        const std::size_t t = r - 1;
        if (!tokens.is_word(t)) break;
        const std::wstring k = tokens.key(t);
        if (lex.calendar_word(k)) break;
        if (lex.function_word(k) && k != L"of") break;
        if (tokens.possessive(t)) in_possessive = true;
        else if (!tokens.capitalized(t) && !is_title_token(tokens, t, lex) && k != L"of" && !in_possessive) break;
        r = t;
    }
    while (r < s.name_begin && tokens.key(r) == L"of") ++r;
    s.role_begin = r;
    return s;
}

std::wstring NameIndex::surname(const std::wstring& name) {
    const auto space = name.find_last_of(L' ');
    return lower(space == std::wstring::npos ? name : name.substr(space + 1));
}

NameIndex::NameIndex(const std::wstring& text, const Tokens& tokens, const Lexicon& lex,
                     const std::vector<QuoteSpan>& quotes) {
    struct Run {
        std::size_t b, e;  // name tokens
        bool person;
        bool reliable;
        bool titled;
        Gender gender;
    };
    std::vector<Run> runs;
    const std::size_t n = tokens.size();
    for (std::size_t i = 0; i < n;) {
        if (!tokens.capitalized(i)) { ++i; continue; }
        // Grow a run of capitalised words (with particles: "Simon de la Cruz"),
        // ending after a possessive ("Maduro’s").
        std::size_t e = i + 1;
        while (e < n && !tokens.possessive(e - 1)) {
            if (tokens.capitalized(e)) { ++e; continue; }
            if (tokens.is_word(e) && lex.name_particle(tokens.key(e)) && e + 1 < n && tokens.capitalized(e + 1)) {
                e += 2;
                continue;
            }
            break;
        }
        const std::size_t run_end = e;
        std::size_t b = i;
        // Sentence openers and dates in front: "On Saturday Mr Guaido".
        while (b < e && (lex.function_word(tokens.key(b)) || lex.calendar_word(tokens.key(b)))) ++b;
        // The name follows the last title: "US Vice President Mike Pence".
        bool titled = false;
        Gender gender = Gender::Unknown;
        for (std::size_t t = b; t < e; ++t) {
            if (!is_title_token(tokens, t, lex)) continue;
            titled = true;
            const std::wstring k = tokens.key(t);
            gender = lex.male_title(k) ? Gender::Male : lex.female_title(k) ? Gender::Female : Gender::Unknown;
            b = t + 1;
        }
        // A date inside ends the name: "Guaido Saturday".
        for (std::size_t t = b; t < e; ++t)
            if (lex.calendar_word(tokens.key(t)) || lex.function_word(tokens.key(t))) { e = t; break; }
        if (b < e && !tokens.capitalized(b)) ++b;
        if (b < e) {
            // "leader Juan Guaido", "director Christian Kruger": a role word just before.
            if (!titled && b == i && i > 0 && tokens.is_word(i - 1) && !tokens.capitalized(i - 1) &&
                lex.person_title(tokens.key(i - 1)))
                titled = true;
            bool organisation = false;
            for (std::size_t t = b; t < e; ++t) {
                const std::wstring k = tokens.key(t);
                // An acronym ends organisations ("Migration NGO"), not names ("JD Vance").
                if (lex.organisation_word(k) || (all_caps(tokens.text(t)) && t + 1 == e) ||
                    is_digit(tokens.text(t)[0]))
                    organisation = true;
            }
            // Sentence-initial runs may carry a capitalised non-name word ("Fearful Gomez").
            const std::size_t before = b;
            const bool sentence_start =
                before == 0 ||
                (tokens[before - 1].kind == TokenKind::Punct &&
                 std::wstring(L".!?\"“”:").find(text[tokens[before - 1].start]) != std::wstring::npos) ||
                std::find(text.begin() + tokens[before - 1].end, text.begin() + tokens[before].start, L'\n') !=
                    text.begin() + tokens[before].start;
            // A single word next to a speech verb is a speaker: "Kruger said", "said Kruger".
            const bool speaks = (e < n && tokens.is_word(e) && lex.speech_verb(tokens.key(e))) ||
                                (b > 0 && tokens.is_word(b - 1) && lex.speech_verb(tokens.key(b - 1)));
            const bool person = titled || (!organisation && (e - b >= 2 || speaks));
            // At a sentence start a capitalised common noun may lead the run
            // ("Farmer Luis Vega"): a long untitled run there loses its first word.
            if (person && !titled && sentence_start && e - b >= 3) ++b;
            runs.push_back({b, e, person, titled || !sentence_start, titled, gender});
        }
        i = std::max(run_end, i + 1);
    }

    for (const Run& r : runs) {
        if (!r.person) continue;
        const std::wstring form = span_text(text, tokens, r.b, r.e);
        const std::wstring key = surname(form);
        auto it = best_.find(key);
        const std::size_t words = r.e - r.b;
        if (it == best_.end()) {
            best_[key] = {form, words, r.reliable};
        } else {
            Form& f = it->second;
            const bool better = words > f.words || (words == f.words && r.reliable && !f.reliable);
            if (better) f = {form, words, r.reliable};
        }
        if (r.gender != Gender::Unknown) gender_[key] = r.gender;
        if (r.titled) titled_.insert(key);
    }

    // Mentions outside quotations, for pronouns. Quotes are sorted by start
    // and top-level ones do not overlap, so one forward pointer suffices.
    std::size_t q = 0;
    for (const Run& r : runs) {
        const std::size_t start = tokens[r.b].start;
        while (q < quotes.size() && (quotes[q].parent != kNone || quotes[q].end <= start)) ++q;
        if (q < quotes.size() && quotes[q].start <= start) continue;
        const std::wstring form = span_text(text, tokens, r.b, r.e);
        const std::wstring key = surname(form);
        if (!best_.count(key)) continue;
        mentions_.push_back({start, tokens[r.e - 1].end, fullest(form), gender(form)});
    }
}

std::wstring NameIndex::fullest(const std::wstring& name) const {
    auto it = best_.find(surname(name));
    if (it == best_.end()) return name;
    const std::size_t words = static_cast<std::size_t>(std::count(name.begin(), name.end(), L' ')) + 1;
    return it->second.words >= words ? it->second.text : name;
}

Gender NameIndex::gender(const std::wstring& name) const {
    auto it = gender_.find(surname(name));
    return it == gender_.end() ? Gender::Unknown : it->second;
}

bool NameIndex::is_person(const std::wstring& name) const { return best_.count(surname(name)) != 0; }

const PersonMention* NameIndex::last_before(std::size_t pos, Gender wanted, std::size_t floor) const {
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), pos,
                               [](const PersonMention& m, std::size_t p) { return m.start < p; });
    int looked = 0;  // bounded: a long run of the wrong gender gives up
    while (it != mentions_.begin()) {
        --it;
        if (it->start < floor || ++looked > 50) return nullptr;
        // Only someone known as a person by a full name or a title: "he" is not "Russia".
        if (it->name.find(L' ') == std::wstring::npos && gender_.count(surname(it->name)) == 0 &&
            !titled_.count(surname(it->name)))
            continue;
        if (wanted == Gender::Unknown || it->gender == Gender::Unknown || it->gender == wanted) return &*it;
    }
    return nullptr;
}

const PersonMention* NameIndex::first_in(std::size_t from, std::size_t to) const {
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), from,
                               [](const PersonMention& m, std::size_t p) { return m.start < p; });
    return it != mentions_.end() && it->start < to ? &*it : nullptr;
}

}  // namespace newslens::quotes
