// Unit words of the `numbers` lexicon: currencies (codes, words, signs,
// prefixes such as US$, adjectives such as "Canadian dollars") and the time
// and measure units reported as `unit`.
#include <cstring>
#include <cwchar>
#include <string>
#include <utility>

#include "cldr_tables.h"
#include "lexicon.h"

namespace newslens::numbers {

namespace {

// ISO code -> the unit word reported for money.
const CurrencyInfo kCurrencies[] = {
    {"USD", "dollars"}, {"EUR", "euros"},     {"GBP", "pounds"},   {"JPY", "yen"},
    {"CNY", "yuan"},    {"INR", "rupees"},    {"RUB", "rubles"},   {"CAD", "dollars"},
    {"AUD", "dollars"}, {"HKD", "dollars"},   {"NZD", "dollars"},  {"SGD", "dollars"},
    {"TWD", "dollars"}, {"BRL", "reais"},     {"MXN", "pesos"},    {"COP", "pesos"},
    {"ARS", "pesos"},   {"CLP", "pesos"},     {"VES", "bolivars"}, {"CHF", "francs"},
    {"KRW", "won"},     {"TRY", "lira"},      {"NGN", "naira"},    {"UAH", "hryvnias"},
    {"ILS", "shekels"}, {"ZAR", "rand"},      {"SAR", "riyals"},   {"AED", "dirhams"},
    {"THB", "baht"},    {"SEK", "kronor"},    {"NOK", "kroner"},   {"DKK", "kroner"},
    {"PLN", "zloty"},   {"IDR", "rupiah"},    {"MYR", "ringgit"},  {"PKR", "rupees"},
    {"EGP", "pounds"},  {"KES", "shillings"}, {"HUF", "forint"},   {"CZK", "koruna"},
};

const CurrencyInfo* currency(const char* code) {
    for (const auto& c : kCurrencies)
        if (std::strcmp(c.code, code) == 0) return &c;
    return nullptr;
}

// Currency words written after the number: the code and the unit reported.
struct CurrencyWord {
    const wchar_t* word;
    CurrencyInfo info;
};
const CurrencyWord kCurrencyWords[] = {
    {L"dollar", {"USD", "dollars"}},   {L"dollars", {"USD", "dollars"}},   {L"euro", {"EUR", "euros"}},
    {L"euros", {"EUR", "euros"}},      {L"sterling", {"GBP", "pounds"}},   {L"yen", {"JPY", "yen"}},
    {L"yuan", {"CNY", "yuan"}},        {L"renminbi", {"CNY", "yuan"}},     {L"rupee", {"INR", "rupees"}},
    {L"rupees", {"INR", "rupees"}},    {L"ruble", {"RUB", "rubles"}},      {L"rubles", {"RUB", "rubles"}},
    {L"rouble", {"RUB", "rubles"}},    {L"roubles", {"RUB", "rubles"}},    {L"bolivar", {"VES", "bolivars"}},
    {L"bolivars", {"VES", "bolivars"}}, {L"bolívar", {"VES", "bolivars"}}, {L"bolívares", {"VES", "bolivars"}},
    {L"bolivares", {"VES", "bolivars"}}, {L"peso", {"MXN", "pesos"}},      {L"pesos", {"MXN", "pesos"}},
    {L"reais", {"BRL", "reais"}},      {L"franc", {"CHF", "francs"}},      {L"francs", {"CHF", "francs"}},
    {L"lira", {"TRY", "lira"}},        {L"naira", {"NGN", "naira"}},       {L"hryvnia", {"UAH", "hryvnias"}},
    {L"hryvnias", {"UAH", "hryvnias"}}, {L"shekel", {"ILS", "shekels"}},   {L"shekels", {"ILS", "shekels"}},
    {L"rand", {"ZAR", "rand"}},        {L"riyal", {"SAR", "riyals"}},      {L"riyals", {"SAR", "riyals"}},
    {L"dirham", {"AED", "dirhams"}},   {L"dirhams", {"AED", "dirhams"}},   {L"cents", {"USD", "cents"}},
    {L"pence", {"GBP", "pence"}},      {L"baht", {"THB", "baht"}},         {L"krona", {"SEK", "kronor"}},
    {L"kronor", {"SEK", "kronor"}},    {L"krone", {"NOK", "kroner"}},      {L"kroner", {"NOK", "kroner"}},
    {L"zloty", {"PLN", "zloty"}},      {L"zlotys", {"PLN", "zloty"}},      {L"rupiah", {"IDR", "rupiah"}},
    {L"ringgit", {"MYR", "ringgit"}},  {L"shilling", {"KES", "shillings"}}, {L"shillings", {"KES", "shillings"}},
    {L"forint", {"HUF", "forint"}},    {L"koruna", {"CZK", "koruna"}},   {L"\u5143", {"CNY", "yuan"}},
    {L"penny", {"GBP", "pence"}},      {L"rmb", {"CNY", "yuan"}}};  // (rmb also in lower case: "45 rmb")

// Unit words: the canonical name reported as `unit`.
using Unit = std::pair<const wchar_t*, const char*>;
using WordCode = std::pair<const wchar_t*, const char*>;
const Unit kTimeUnits[] = {
    {L"second", "seconds"}, {L"seconds", "seconds"}, {L"sec", "seconds"},       {L"secs", "seconds"},
    {L"minute", "minutes"}, {L"minutes", "minutes"}, {L"min", "minutes"},       {L"mins", "minutes"},
    {L"hour", "hours"},     {L"hours", "hours"},     {L"hr", "hours"},          {L"hrs", "hours"},
    {L"day", "days"},       {L"days", "days"},       {L"night", "nights"},      {L"nights", "nights"},
    {L"week", "weeks"},     {L"weeks", "weeks"},     {L"fortnight", "fortnights"}, {L"month", "months"},
    {L"months", "months"},  {L"year", "years"},      {L"years", "years"},       {L"yr", "years"},
    {L"yrs", "years"},      {L"decade", "decades"},  {L"decades", "decades"},   {L"century", "centuries"},
    {L"centuries", "centuries"}};
const Unit kMeasureUnits[] = {
    {L"km", "km"}, {L"kms", "km"}, {L"kilometre", "kilometres"}, {L"kilometres", "kilometres"},
    {L"kilometer", "kilometers"}, {L"kilometers", "kilometers"}, {L"mile", "miles"}, {L"miles", "miles"},
    {L"metre", "metres"}, {L"metres", "metres"}, {L"meter", "meters"}, {L"meters", "meters"}, {L"cm", "cm"},
    {L"mm", "mm"}, {L"centimetres", "centimetres"}, {L"centimeters", "centimeters"}, {L"ft", "feet"},
    {L"foot", "feet"}, {L"feet", "feet"}, {L"inch", "inches"}, {L"inches", "inches"}, {L"yard", "yards"},
    {L"yards", "yards"}, {L"kg", "kg"}, {L"kilogram", "kilograms"}, {L"kilograms", "kilograms"},
    {L"kilo", "kilos"}, {L"kilos", "kilos"}, {L"gram", "grams"}, {L"grams", "grams"}, {L"ton", "tons"},
    {L"tons", "tons"}, {L"tonne", "tonnes"}, {L"tonnes", "tonnes"}, {L"pound", "pounds"}, {L"pounds", "pounds"},
    {L"lb", "pounds"}, {L"lbs", "pounds"}, {L"ounce", "ounces"}, {L"ounces", "ounces"}, {L"oz", "ounces"},
    {L"litre", "litres"}, {L"litres", "litres"}, {L"liter", "liters"}, {L"liters", "liters"},
    {L"gallon", "gallons"}, {L"gallons", "gallons"}, {L"barrel", "barrels"}, {L"barrels", "barrels"},
    {L"acre", "acres"}, {L"acres", "acres"}, {L"hectare", "hectares"}, {L"hectares", "hectares"},
    {L"degree", "degrees"}, {L"degrees", "degrees"}, {L"deg", "degrees"}, {L"mph", "mph"}, {L"kph", "kph"},
    {L"knot", "knots"}, {L"knots", "knots"}, {L"megawatt", "megawatts"}, {L"megawatts", "megawatts"},
    {L"gigawatt", "gigawatts"}, {L"gigawatts", "gigawatts"}, {L"kilowatt", "kilowatts"}, {L"kilowatts", "kilowatts"},
    {L"mw", "MW"}, {L"gw", "GW"}, {L"kw", "kW"}, {L"kwh", "kWh"}};
// A temperature scale written without "degrees": "40 Celsius", "90
// Fahrenheit", and as they are often misspelt ("celcius", "farenheit").
const Unit kTemperatureScales[] = {{L"celsius", "degrees Celsius"},       {L"centigrade", "degrees Celsius"},
                                   {L"celcius", "degrees Celsius"},       {L"fahrenheit", "degrees Fahrenheit"},
                                   {L"farenheit", "degrees Fahrenheit"}, {L"fahrenhiet", "degrees Fahrenheit"}};
// British spellings CLDR's English names lack: "37.8 microgrammes".
const Unit kGrammeSpellings[] = {{L"gramme", "grams"},          {L"grammes", "grams"},
                                 {L"kilogramme", "kilograms"},  {L"kilogrammes", "kilograms"},
                                 {L"milligramme", "milligrams"}, {L"milligrammes", "milligrams"},
                                 {L"microgramme", "micrograms"}, {L"microgrammes", "micrograms"}};
const Unit kGluedMeasures[] = {
    {L"km", "km"}, {L"kg", "kg"}, {L"cm", "cm"},      {L"mm", "mm"},      {L"m", "m"},         {L"g", "g"},
    {L"ft", "feet"}, {L"mph", "mph"}, {L"kph", "kph"}, {L"kmph", "kph"}, {L"lb", "pounds"}, {L"lbs", "pounds"}, {L"oz", "ounces"},
    {L"mw", "MW"}, {L"gw", "GW"}, {L"kw", "kW"},      {L"kwh", "kWh"},    {L"t", "tonnes"}};

// Written before a glued dollar sign: US$5, HK$3bn.
const WordCode kDollarPrefixes[] = {{L"us", "USD"}, {L"c", "CAD"},  {L"ca", "CAD"}, {L"a", "AUD"},
                                    {L"au", "AUD"}, {L"hk", "HKD"}, {L"nz", "NZD"}, {L"s", "SGD"},
                                    {L"r", "BRL"},  {L"mx", "MXN"}, {L"nt", "TWD"}};
const WordCode kCurrencySigns[] = {{L"$", "USD"}, {L"€", "EUR"}, {L"£", "GBP"}, {L"¥", "JPY"},
                                   {L"₹", "INR"}, {L"₽", "RUB"}, {L"₩", "KRW"}, {L"₺", "TRY"},
                                   {L"₦", "NGN"}, {L"₴", "UAH"}, {L"₪", "ILS"}};
// "5 Canadian dollars": the adjective names the currency of the word after it.
const WordCode kCurrencyAdjectives[] = {
    {L"us", "USD"},         {L"american", "USD"},  {L"canadian", "CAD"},   {L"australian", "AUD"},
    {L"singapore", "SGD"},  {L"taiwan", "TWD"},    {L"colombian", "COP"},  {L"mexican", "MXN"},
    {L"argentine", "ARS"},  {L"argentinian", "ARS"}, {L"chilean", "CLP"},  {L"brazilian", "BRL"},
    {L"swiss", "CHF"},      {L"venezuelan", "VES"}, {L"turkish", "TRY"},   {L"indian", "INR"},
    {L"russian", "RUB"},    {L"chinese", "CNY"},   {L"japanese", "JPY"},   {L"south", "ZAR"},
    {L"danish", "DKK"},     {L"norwegian", "NOK"}, {L"swedish", "SEK"},    {L"pakistani", "PKR"},
    {L"egyptian", "EGP"},   {L"kenyan", "KES"},    {L"indonesian", "IDR"}, {L"malaysian", "MYR"},
    {L"polish", "PLN"}};

}  // namespace

void Lexicon::add_units() {
    for (const Unit& u : kTimeUnits) add(u.first).time_unit = u.second;
    for (const Unit& u : kMeasureUnits) add(u.first).measure_unit = u.second;
    for (const Unit& u : kTemperatureScales) add(u.first).measure_unit = u.second;
    for (const Unit& u : kGrammeSpellings) add(u.first).measure_unit = u.second;
    for (const Unit& u : kGluedMeasures) add(u.first).glued_measure = u.second;

    for (const CurrencyWord& c : kCurrencyWords) {
        Entry& e = add(c.word);
        if (!e.currency_word) e.currency_word = &c.info;  // bolívar and bolivar fold alike
    }
    const wchar_t* const codes[] = {L"usd", L"eur", L"gbp", L"jpy", L"cny", L"inr", L"rub", L"cad", L"aud", L"hkd",
                                    L"nzd", L"sgd", L"brl", L"mxn", L"cop", L"ars", L"clp", L"ves", L"chf", L"krw",
                                    L"try", L"ngn", L"uah", L"ils", L"zar", L"sar", L"aed", L"thb", L"twd", L"sek",
                                    L"nok", L"dkk", L"pln", L"idr", L"myr", L"pkr", L"egp", L"kes", L"huf", L"czk"};
    for (const wchar_t* code : codes) {
        const char upper[4] = {static_cast<char>(code[0] - 32), static_cast<char>(code[1] - 32),
                               static_cast<char>(code[2] - 32), 0};
        add(code).currency_code = currency(upper);
        // MEUR, MUSD: a million of the currency, as finance reports write it.
        Entry& millions = add((L"m" + std::wstring(code)).c_str());
        millions.currency_code = currency(upper);
        millions.code_scale = 1e6;
    }
    for (const wchar_t* sub : {L"cent", L"cents", L"pence", L"penny", L"centimes", L"kopeks", L"paise"})
        add(sub).subunit = true;
    add(L"rmb").currency_code = currency("CNY");
    for (const auto& [word, code] : kDollarPrefixes) add(word).dollar_prefix = currency(code);
    for (const auto& [sign, code] : kCurrencySigns) add(sign).currency_symbol = currency(code);
    for (const auto& [word, code] : kCurrencyAdjectives) add(word).currency_adjective = code;
}

// What CLDR adds to the hand lists above (which keep their say on every
// word they hold: "pounds" stays a weight, "dollars" US dollars): every ISO
// code, currency names and signs, and unit names and symbols.
void Lexicon::add_cldr() {
    auto phrase = [&](const wchar_t* text, const CurrencyInfo* currency, const char* unit) {
        NamePhrase p;
        std::wstring_view rest(text);
        while (!rest.empty() && p.size < 5) {
            const std::size_t space = rest.find(L' ');
            const std::wstring word(rest.substr(0, space));
            add(word.c_str());
            p.words[p.size++] = Vocabulary::global().intern_text(word.c_str());
            rest = space == std::wstring_view::npos ? std::wstring_view() : rest.substr(space + 1);
        }
        p.currency = currency;
        p.unit = unit;
        names_.push_back(p);
    };
    for (std::size_t i = 0; i < cldr::kCurrencyCount; ++i) {
        const CurrencyInfo& c = cldr::kCurrencies[i];
        if (cldr::kCodeIsWord[i]) continue;
        const wchar_t code[4] = {static_cast<wchar_t>(c.code[0] + 32), static_cast<wchar_t>(c.code[1] + 32),
                                 static_cast<wchar_t>(c.code[2] + 32), 0};
        Entry& e = add(code);
        if (!e.currency_code) e.currency_code = &c;
        Entry& millions = add((L"m" + std::wstring(code)).c_str());
        if (!millions.currency_code) {
            millions.currency_code = &c;
            millions.code_scale = 1e6;
        }
    }
    for (std::size_t i = 0; i < cldr::kCurrencyWordsCount; ++i) {
        const cldr::NamedCurrency& n = cldr::kCurrencyWords[i];
        if (!known(n.text)) add(n.text).currency_word = &cldr::kCurrencies[n.currency];
    }
    for (std::size_t i = 0; i < cldr::kCurrencySymbolsCount; ++i) {
        const cldr::NamedCurrency& n = cldr::kCurrencySymbols[i];
        if (!known(n.text)) add(n.text).currency_symbol = &cldr::kCurrencies[n.currency];
    }
    // Names after the single words: a name's words join the lexicon as it is added.
    for (std::size_t i = 0; i < cldr::kCurrencyNamesCount; ++i)
        phrase(cldr::kCurrencyNames[i].text, &cldr::kCurrencies[cldr::kCurrencyNames[i].currency], nullptr);
    for (std::size_t i = 0; i < cldr::kUnitNamesCount; ++i) {
        const cldr::NamedUnit& u = cldr::kUnitNames[i];
        if (std::wcschr(u.text, L' ')) {
            phrase(u.text, nullptr, u.unit);
        } else if (!known(u.text)) {
            add(u.text).measure_unit = u.unit;
        }
    }
    // Symbols: glued to digits (250ml, 100MB); after a space only those
    // without a vowel, which are no English words ("100 mb", not "10 in").
    for (std::size_t i = 0; i < cldr::kUnitSymbolsCount; ++i) {
        const cldr::NamedUnit& u = cldr::kUnitSymbols[i];
        if (known(u.text)) continue;
        Entry& e = add(u.text);
        e.glued_measure = u.unit;
        if (!std::wcspbrk(u.text, L"aeiouy")) e.measure_unit = u.unit;
    }
}

}  // namespace newslens::numbers
