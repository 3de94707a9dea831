#include "noun.h"

namespace newslens::numbers {

bool ends_with(std::wstring_view w, std::wstring_view tail) {
    if (w.size() <= tail.size() + 2) return false;
    // Compared from the end, where most words already differ (no wmemcmp call for a few letters).
    for (std::size_t k = 1; k <= tail.size(); ++k)
        if (w[w.size() - k] != tail[tail.size() - k]) return false;
    return true;
}

bool looks_plural(const Tokens& t, std::size_t i) {
    if (!t.is_word(i)) return false;
    const std::wstring_view w = t.folded(i);
    if (w.size() < 3) return false;
    if (t.has(i, kIrregularPlural)) return true;
    // gunmen, policewomen, grandchildren, townspeople (not specimen, omen)
    const wchar_t last = w.back();  // each of these ends in n or e
    if ((last == L'n' || last == L'e') &&
        (ends_with(w, L"children") || ends_with(w, L"people") || ends_with(w, L"women") ||
         (ends_with(w, L"men") && !ends_with(w, L"imen") && !ends_with(w, L"omen"))))
        return true;
    if (w.back() != L's' || t.has(i, kStopWord)) return false;
    const std::wstring_view tail = w.substr(w.size() - 2);
    return tail != L"ss" && tail != L"us" && tail != L"is" && tail != L"'s";
}

// The head noun of the phrase after token k: "mostly low-ranking
// soldiers" -> soldiers; "members of ..." -> members. Modifiers
// (adjectives, nationality words, noun modifiers) are skipped until a
// plural noun; a verb, function word or punctuation ends the phrase.
// `singular`: after "one" the head is singular (the last noun seen).
// Returns the token range [first, last] of the head, or kNone.
Span find_head(const Tokens& t, std::size_t k, bool allow_of, bool singular) {
    const Span none{kNone, kNone};
    // Headlines in capitals: "ONE HUNDRED SOLDIERS DEFECT".
    const bool caps_text = k > 0 && t.is_word(k - 1) && t.upper(k - 1) && t.length(k - 1) > 2;
    if (allow_of && t.is(k, t.lexicon().w.of) && t.spaced(k)) {
        ++k;
        if (t.has(k, kOfDeterminer) && t.spaced(k)) ++k;
    }
    Span last_singular = none;
    bool verb_seen = false;
    // "10.9 million more people": a comparative right after the number.
    if (!singular && t.has(k, kComparative) && t.spaced(k) && t.is_word(k + 1) && t.spaced(k + 1) &&
        !t.has(k + 1, kStopWord))
        ++k;
    for (int n = 0; n < 5 && k < t.size(); ++n) {
        if (!t.is_word(k) || !t.spaced(k)) break;
        // A hyphenated compound counts as one word: "low-ranking".
        std::size_t last = k;
        while (t.punct(last + 1) == L'-' && t.glued(last + 1) && t.is_word(last + 2) && t.glued(last + 2)) last += 2;
        const std::wstring_view w = t.folded(last);
        if (last == k && t.has(last, kStopWord)) break;
        // A short word in capitals is an acronym or model name ("737 MAX",
        // "One ECCAS official"), unless the whole phrase is in capitals.
        const std::size_t letters = t.length(k);
        if (t.upper(k) && letters > 1 && letters <= 5 && !caps_text) break;
        // A possessive ends the phrase: "Venezuela's armed forces".
        if (t.apostrophe(last + 1) && t.glued(last + 1)) break;
        const std::size_t next = last + 1;
        if (last == k && ends_with(w, L"ly")) {
            k = next;  // adverb: "mostly"
            continue;
        }
        if (looks_plural(t, last)) {
            // A plural noun modifier before the head: "five Wimbledon doubles titles".
            const std::size_t n2 = last + 1;
            if (t.is_word(n2) && t.spaced(n2) && looks_plural(t, n2) && !ends_with(t.folded(n2), L"ly") &&
                (!t.cap(n2) || t.cap(last)) && !(t.upper(n2) && !caps_text))
                return {n2, n2};
            return {k, last};
        }
        if (ends_with(w, L"ed") || ends_with(w, L"ing")) {
            // An -ed/-ing word is a modifier only when a noun follows
            // ("unmanned aerial vehicles"); otherwise a verb ends the
            // phrase ("two killed", "one shipment burned").
            verb_seen = true;
            k = next;
            continue;
        }
        if (!verb_seen) last_singular = {k, last};
        k = next;
    }
    return singular ? last_singular : none;
}

}  // namespace newslens::numbers
