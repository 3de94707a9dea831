// Word lists of the `numbers` extractor. Built once per extractor; every key
// is a lower-case wide literal (static storage, so string_view keys are safe).
#pragma once

#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace newslens::numbers {

using WView = std::wstring_view;

enum class Qualifier { Exact, Over, Under, AtLeast, AtMost, About, Range, Vague, Between };

// A multi-word qualifier such as "more than" or "an estimated".
struct QualifierPhrase {
    std::vector<WView> words;
    Qualifier qualifier;
};

// A unit word: the canonical name reported as `unit`.
struct UnitInfo {
    const char* canonical;
};

// A currency named by a word after the number ("dollars") or before it ("USD").
struct CurrencyInfo {
    const char* code;  // ISO 4217
    const char* unit;  // reported as `unit` ("dollars")
};

struct Lexicon {
    Lexicon();

    std::unordered_map<WView, double> small_numbers;  // zero .. nineteen
    std::unordered_map<WView, double> tens;           // twenty .. ninety
    std::unordered_map<WView, double> scales;         // hundred .. trillion
    std::unordered_map<WView, double> glued_scales;   // 3bn, 100k (always a scale)
    std::unordered_map<WView, double> money_scales;   // $3m, $2b (a scale only with money)
    std::unordered_map<WView, double> vague_plurals;  // dozens, hundreds, thousands ...
    std::unordered_map<WView, int> months;            // january, jan, sept ...
    std::unordered_map<WView, UnitInfo> time_units;   // days, minutes ...
    std::unordered_map<WView, UnitInfo> measure_units;  // km, tons ...
    std::unordered_map<WView, UnitInfo> glued_measures; // 5km, 10kg, 100m
    std::unordered_map<WView, CurrencyInfo> currency_words;     // dollars, euros
    std::unordered_map<WView, CurrencyInfo> currency_codes;     // usd, eur (written in capitals)
    std::unordered_map<WView, CurrencyInfo> dollar_prefixes;    // US$, C$, HK$
    std::unordered_map<WView, const char*> currency_adjectives; // "Canadian dollars"
    std::unordered_map<wchar_t, CurrencyInfo> currency_symbols;  // $ € £ ¥
    std::vector<QualifierPhrase> qualifiers;
    std::unordered_set<WView> qualifier_starts;  // first words of `qualifiers`
    std::unordered_set<WView> stop_words;        // words that end a counted-noun phrase
    std::unordered_set<WView> irregular_plurals; // people, staff, police ...
    std::unordered_set<WView> year_prepositions; // in 1958, since 2014
    std::unordered_set<WView> year_determiners;  // the 2026 elections
    std::unordered_set<WView> prepositions;      // in one room (determiner "one")
    std::unordered_set<WView> pronoun_one_before; // no one, the one, this one
    std::unordered_set<WView> fraction_words;    // two-thirds, three-quarters
    std::unordered_set<WView> few_words;         // several dozen, a few hundred
    std::unordered_set<WView> half_before;       // the first half, the other half
    std::unordered_set<WView> weekdays;          // "On Saturday 300 people ..."
    std::unordered_set<WView> sentence_openers;  // "Exactly 5", "Another 20"
    std::unordered_set<WView> change_verbs;      // "fell $2.86 to $41.32": a change, not a range
    std::unordered_set<WView> year_nouns;        // "the 2026 elections": nouns a year names
    std::unordered_set<WView> vague_times;       // "One day, ..." (someday): no quantity
    std::unordered_map<WView, double> fractions; // third(s) 3, quarter(s) 4 ... (denominators)

    const CurrencyInfo* currency_by_code(const char* code) const;
};

}  // namespace newslens::numbers
