// Tables generated at build time from CLDR by gen_units.py (see
// CMakeLists.txt): every ISO 4217 currency with its English names and
// signs, and the English and British names and symbols of measure units.
#pragma once

#include <cstddef>

#include "lexicon.h"

namespace newslens::numbers::cldr {

// A name or sign and the currency it names (an index into kCurrencies).
struct NamedCurrency {
    const wchar_t* text;  // lower case; a name's words are separated by spaces
    std::size_t currency;
};

// A unit name or symbol and the unit reported for it.
struct NamedUnit {
    const wchar_t* text;  // lower case
    const char* unit;     // "metric tons", "millilitres", "mL"
};

extern const CurrencyInfo kCurrencies[];  // by ISO code; unit: the plural currency word ("pesetas")
extern const std::size_t kCurrencyCount;
extern const bool kCodeIsWord[];  // by kCurrencies index: the code is also an English word (TOP, ALL)
extern const NamedCurrency kCurrencyNames[];  // names of two words and more: "spanish pesetas"
extern const std::size_t kCurrencyNamesCount;
extern const NamedCurrency kCurrencyWords[];  // last words: "pesetas" (of the most people using one)
extern const std::size_t kCurrencyWordsCount;
extern const NamedCurrency kCurrencySymbols[];  // one-character signs: ₡ ₾ ₭
extern const std::size_t kCurrencySymbolsCount;
extern const NamedUnit kUnitNames[];  // singular and plural: "metric ton", "metric tons", "millilitres"
extern const std::size_t kUnitNamesCount;
extern const NamedUnit kUnitSymbols[];  // short forms: "ml", "mb", "μg"
extern const std::size_t kUnitSymbolsCount;

}  // namespace newslens::numbers::cldr
