// Word lists of the `numbers` extractor, interned once per extractor
// (core/vocabulary.h): a token's WordId indexes a table of entries, so a
// look-up is an array index, never a string hash.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <vector>

#include "vocabulary.h"

namespace newslens::numbers {

enum class Qualifier : std::uint8_t { Exact, Over, Under, AtLeast, AtMost, About, Range, Vague, Between };

// A currency named by a word after the number ("dollars") or before it ("USD").
struct CurrencyInfo {
    const char* code;  // ISO 4217
    const char* unit;  // reported as `unit` ("dollars")
};

// A multi-word qualifier such as "more than" or "an estimated".
struct QualifierPhrase {
    WordId words[6] = {};
    std::uint8_t size = 0;
    Qualifier qualifier = Qualifier::Exact;
};

// A name of several words: a currency ("Spanish pesetas", "Hong Kong
// dollars") or a unit ("metric tons", "degrees Celsius"), from CLDR.
struct NamePhrase {
    WordId words[5] = {};
    std::uint8_t size = 0;
    const CurrencyInfo* currency = nullptr;  // else a unit
    const char* unit = nullptr;
};

// Word sets (bits of Entry::flags).
enum WordFlag : std::uint32_t {
    kStopWord = 1u << 0,          // ends a counted-noun phrase
    kIrregularPlural = 1u << 1,   // people, staff, police ...
    kYearPreposition = 1u << 2,   // in 1958, since 2014
    kYearDeterminer = 1u << 3,    // the 2026 elections
    kPreposition = 1u << 4,       // in one room (determiner "one")
    kPronounOneBefore = 1u << 5,  // no one, the one, this one
    kFractionWord = 1u << 6,      // two-thirds, three-quarters
    kFewWord = 1u << 7,           // several dozen, a few hundred
    kHalfBefore = 1u << 8,        // the first half, the other half
    kWeekday = 1u << 9,           // "On Saturday 300 people ..."
    kSentenceOpener = 1u << 10,   // "Exactly 5", "Another 20"
    kChangeVerb = 1u << 11,       // "fell $2.86 to $41.32": a change, not a range
    kYearNoun = 1u << 12,         // "the 2026 elections": nouns a year names
    kVagueTime = 1u << 13,        // "One day, ..." (someday): no quantity
    kFractionFollower = 1u << 14, // "a third of", "a third and": a fraction, not an ordinal
    kTimeZone = 1u << 15,         // 0900 GMT (in capitals)
    kClockWord = 1u << 16,        // 1500 hrs, 0900 gmt
    kWeakYearPrep = 1u << 17,     // of, by, from, to: a year only with more evidence
    kTurned = 1u << 18,           // "when she turned 40"
    kDurationBefore = 1u << 19,   // "for one day"
    kDurationAfter = 1u << 20,    // "one day later"
    kAgeWord = 1u << 21,          // aged 6, ages 3-5
    kMetresBefore = 1u << 22,     // "the final 200m": metres, not millions
    kOrdinalSuffix = 1u << 23,    // 21st, 2nd, 3rd, 4th
    kOfDeterminer = 1u << 24,     // "members of the"
    kComparative = 1u << 25,      // "10.9 million more people"
    kMonthAbbrev = 1u << 26,      // "Feb." takes its full stop; "May." ends a sentence
    kCapitalMonth = 1u << 27,     // may, march: months only when capitalised
    kIsWas = 1u << 28,            // "how old she is: Six"
    kMinusWord = 1u << 29,        // "minus 5", "negative one"
    kOrMore = 1u << 30,           // "20 or more", "50 and over": at least
    kOrLess = 1u << 31,           // "five or fewer", "100 or less": at most
};

// Why a word can start a rule, each with what must follow it (bits of
// Entry::start_needs; numbers.cpp tests them before trying the word).
enum StartNeed : std::uint8_t {
    kStartsAlone = 1u << 0,    // a number word, vague amount, "half": nothing
    kStartsPhrase = 1u << 1,   // first word of a qualifier phrase: the rest of one
    kStartsDollar = 1u << 2,   // "US", "A" of US$5, A$3: a glued '$'
    kStartsCode = 1u << 3,     // "USD" of USD 5: a number
    kStartsFrom = 1u << 4,     // "from 3 to 4": a token a quantity can start with
    kStartsArticle = 1u << 5,  // "a", "an": a word Entry::after_article
    kStartsMonth = 1u << 6,    // a month (try_date): a number, maybe after its dot
    kStartsFew = 1u << 7,      // "several", "few" (parse_vague): "dozen" or a scale word
};

// Everything the lists say about one word. Zero / null: not in that list.
struct Entry {
    std::uint32_t flags = 0;
    std::int8_t small = -1;           // zero .. nineteen
    std::uint8_t tens = 0;            // twenty .. ninety
    std::uint8_t month = 0;           // january, jan, sept ...
    double fraction = 0;              // denominators: third(s) 3, quarter(s) 4, hundredth(s) 100 ...
    double ordinal = 0;               // word ordinals: first 1, fifth 5, twentieth 20, hundredth 100
    bool plural_ordinal = false;      // fifths, hundredths: a denominator, never an ordinal
    double vulgar = 0;                // ½ 0.5, ¾ 0.75 (a sign token)
    double scale = 0;                 // hundred .. trillion
    double glued_scale = 0;           // 3bn, 100k (always a scale)
    double money_scale = 0;           // $3m, $2b (a scale only with money)
    double letter_scale = 0;          // 10M, 1.2b, 2.33 k, 1MM: an SI or finance letter (quantity.cpp says where)
    bool dozen = false;               // dozen(s), doz, dz: twelve after a number
    bool dimension = false;           // tall, high, long ...: "1.8m tall" is metres
    double vague_plural = 0;          // dozens, hundreds, thousands ...
    const char* time_unit = nullptr;      // days, minutes ... (canonical unit)
    const char* measure_unit = nullptr;   // km, tons ...
    const char* glued_measure = nullptr;  // 5km, 10kg, 100m
    const CurrencyInfo* currency_word = nullptr;   // dollars, euros
    const CurrencyInfo* currency_code = nullptr;   // usd, eur (written in capitals)
    double code_scale = 0;                         // MEUR, MUSD: millions of the code after the M
    bool subunit = false;                          // cents, pence: hundredths of the currency before
    const CurrencyInfo* dollar_prefix = nullptr;   // US$, C$, HK$
    const char* currency_adjective = nullptr;      // "Canadian dollars": CAD
    const CurrencyInfo* currency_symbol = nullptr; // $ € £ ¥ (a punctuation token)
    std::uint16_t phrase_first = 0, phrase_count = 0;  // qualifier phrases starting here
    std::uint16_t name_first = 0, name_count = 0;      // currency and unit names starting here
    bool one_word_phrase = false;  // a qualifier phrase of this word alone ("about", "over")
    bool starts = false;  // a date, qualifier or quantity can start with this word or sign
    // What a rule starting with this word needs after it (StartNeed bits):
    // the scanner tries a word only where one of these holds.
    std::uint8_t start_needs = 0;
    // Can follow "a" or "an" in a quantity: "a dozen", "a third", "a few".
    bool after_article = false;
    // Only a qualifier phrase starts with this word ("in excess of", "at
    // least"): where none does, nothing else can.
    bool phrase_only = false;
    bool has(std::uint32_t f) const { return (flags & f) != 0; }
};

class Lexicon {
public:
    Lexicon();

    // The entry index of a word id (kept in each token); 0, the empty
    // entry, for words in no list.
    std::uint16_t index(WordId id) const { return id < index_.size() ? index_[id] : 0; }
    const Entry& at(std::uint16_t index) const { return entries_[index]; }
    // A word's entry index (low 16 bits), whether a rule can start with it
    // (bit 16) and whether a masked run can ("www", bit 17), in one load:
    // the tokens ask this for every word.
    static constexpr std::uint32_t kStartsBit = 1u << 16;
    static constexpr std::uint32_t kMaskBit = 1u << 17;
    std::uint32_t word_info(WordId id) const { return id < word_info_.size() ? word_info_[id] : 0; }
    // The table word_info reads (ids past its end: 0), for a loop over every token.
    const std::vector<std::uint32_t>& word_infos() const { return word_info_; }
    const std::vector<QualifierPhrase>& phrases() const { return phrases_; }
    // The second word of some qualifier phrase ("than" of "more than").
    bool phrase_second(WordId id) const { return id < phrase_second_.size() && phrase_second_[id]; }
    const std::vector<NamePhrase>& names() const { return names_; }

    // Single words the rules name.
    struct Words {
        WordId a, an, half, dozen, hundred, and_, or_, of, to, from, few, tens, am, pm, s, k, percent, percents, pct,
            per, cent, percentage, point, points, pounds, sterling, plus, strong, time, way, old, olds, o, clock, p, m, b,
            square, cubic, number, no, how, one, www, by, age, quarter, minus, below, zero, through, thru, than, so, fourth, in, for_, never, not_, out, over, scores, couple, ft, feet, inch, inches;
    } w{};

private:
    Entry& add(const wchar_t* word);
    void add_flag(std::uint32_t flag, std::initializer_list<const wchar_t*> words);
    // `first` (may be null) then `words` (null-padded).
    void add_phrase(const wchar_t* first, const wchar_t* const (&words)[5], Qualifier q);
    void add_units();  // units.cpp: currencies, time and measure units
    void add_cldr();   // units.cpp: what CLDR adds to them (after every hand list)
    bool known(const wchar_t* word) const;  // in some list already
    void index_phrases();
    void mark_starts();

    std::vector<std::uint16_t> index_;  // WordId -> entries_ index (0: none)
    std::vector<Entry> entries_;        // entries_[0] is the empty entry
    std::vector<std::uint32_t> word_info_;  // WordId -> index_ | kStartsBit | kMaskBit (see word_info)
    std::vector<QualifierPhrase> phrases_;
    std::vector<bool> phrase_second_;  // by WordId
    std::vector<NamePhrase> names_;  // grouped by first word
};

}  // namespace newslens::numbers
