#include "lexicon.h"

#include <algorithm>
#include <string>
#include <utility>

namespace newslens::numbers {

namespace {
using WordValue = std::pair<const wchar_t*, double>;
using WordNumber = std::pair<const wchar_t*, int>;

// Scale words; lakh and crore are the South Asian 100,000 and 10,000,000.
const WordValue kScales[] = {{L"hundred", 1e2}, {L"thousand", 1e3}, {L"million", 1e6}, {L"billion", 1e9},
                             {L"trillion", 1e12}, {L"lakh", 1e5},     {L"lakhs", 1e5},   {L"crore", 1e7},
                             {L"crores", 1e7}};
// Glued to digits (3bn, 100k) or spaced ("3 bn"): always a scale.
const WordValue kGluedScales[] = {{L"k", 1e3},   {L"mn", 1e6},   {L"mln", 1e6},  {L"mil", 1e6}, {L"bn", 1e9},
                                  {L"bln", 1e9}, {L"tn", 1e12}, {L"trn", 1e12}, {L"tln", 1e12}};
// $3m, $2b: a scale only with money (else 3m is three metres).
const WordValue kMoneyScales[] = {{L"m", 1e6}, {L"b", 1e9}, {L"t", 1e12}};
// Scale letters as SI prefixes and finance write them: "10M", "1.2b",
// "2.33 k", "1,674.5 G", "US$ 1MM". Only k and b count in lower case (3m
// is metres, 5g grams, 2mm millimetres); quantity.cpp says where a letter
// is a scale.
const WordValue kLetterScales[] = {{L"k", 1e3}, {L"m", 1e6}, {L"mm", 1e6}, {L"b", 1e9}, {L"g", 1e9}};
// Twelve after a number: "3 dozen", "five dozens", "3 dzs".
const wchar_t* const kDozenWords[] = {L"dozen", L"dozens", L"doz", L"dozs", L"dz", L"dzs"};
// Adjectives of size after a length: "1.8m tall", "a wall 3.5m high".
const wchar_t* const kDimensionWords[] = {L"tall", L"high", L"long", L"wide", L"deep", L"thick", L"away"};
const WordValue kVaguePlurals[] = {{L"dozens", 12},    {L"hundreds", 1e2}, {L"thousands", 1e3}, {L"millions", 1e6},
                                   {L"billions", 1e9}, {L"trillions", 1e12}, {L"tens", 10}, {L"scores", 20}};
const WordNumber kMonthAbbrevs[] = {{L"jan", 1}, {L"feb", 2}, {L"mar", 3},  {L"apr", 4},   {L"jun", 6},  {L"jul", 7},
                                    {L"aug", 8}, {L"sep", 9}, {L"sept", 9}, {L"oct", 10},  {L"nov", 11}, {L"dec", 12}};
// Word ordinals by value. Those from "third" on are also denominators
// ("a third", "two-fifths", "a hundredth"), as are their plurals.
const WordValue kOrdinals[] = {
    {L"first", 1},         {L"second", 2},       {L"third", 3},       {L"fourth", 4},       {L"fifth", 5},
    {L"sixth", 6},         {L"seventh", 7},      {L"eighth", 8},      {L"ninth", 9},        {L"tenth", 10},
    {L"eleventh", 11},     {L"twelfth", 12},     {L"thirteenth", 13}, {L"fourteenth", 14},  {L"fifteenth", 15},
    {L"sixteenth", 16},    {L"seventeenth", 17}, {L"eighteenth", 18}, {L"nineteenth", 19},  {L"twentieth", 20},
    {L"thirtieth", 30},    {L"fortieth", 40},    {L"fiftieth", 50},   {L"sixtieth", 60},    {L"seventieth", 70},
    {L"eightieth", 80},    {L"ninetieth", 90},   {L"hundredth", 1e2}, {L"thousandth", 1e3}, {L"millionth", 1e6},
    {L"billionth", 1e9},   {L"trillionth", 1e12}};

}  // namespace

Entry& Lexicon::add(const wchar_t* word) {
    const WordId id = Vocabulary::global().intern_text(word);
    if (id >= index_.size()) index_.resize(id + 1, 0);
    if (index_[id] == 0) {
        index_[id] = static_cast<std::uint16_t>(entries_.size());
        entries_.emplace_back();
    }
    return entries_[index_[id]];
}

void Lexicon::add_flag(std::uint32_t flag, std::initializer_list<const wchar_t*> words) {
    for (const wchar_t* w : words) add(w).flags |= flag;
}

void Lexicon::add_phrase(const wchar_t* first, const wchar_t* const (&words)[5], Qualifier q) {
    QualifierPhrase p;
    auto push = [&](const wchar_t* w) {
        add(w);
        p.words[p.size++] = Vocabulary::global().intern_text(w);
    };
    if (first) push(first);
    for (const wchar_t* w : words)
        if (w) push(w);
    p.qualifier = q;
    phrases_.push_back(p);
}

// Groups the phrases by first word (stable: among phrases of one length the
// first listed wins, as before) and records each group in its word's entry.
bool Lexicon::known(const wchar_t* word) const { return index(Vocabulary::global().intern_text(word)) != 0; }

void Lexicon::index_phrases() {
    std::stable_sort(phrases_.begin(), phrases_.end(),
                     [](const QualifierPhrase& a, const QualifierPhrase& b) { return a.words[0] < b.words[0]; });
    for (std::size_t i = 0; i < phrases_.size(); ++i) {
        Entry& e = entries_[index(phrases_[i].words[0])];
        if (e.phrase_count == 0) e.phrase_first = static_cast<std::uint16_t>(i);
        ++e.phrase_count;
        const QualifierPhrase& p = phrases_[i];
        if (p.size == 1) e.one_word_phrase = true;
        if (p.size > 1) {
            if (p.words[1] >= phrase_second_.size()) phrase_second_.resize(p.words[1] + 1, false);
            phrase_second_[p.words[1]] = true;
        }
    }
    // Names: the same, longest first within a first word.
    std::stable_sort(names_.begin(), names_.end(), [](const NamePhrase& a, const NamePhrase& b) {
        return a.words[0] != b.words[0] ? a.words[0] < b.words[0] : a.size > b.size;
    });
    for (std::size_t i = 0; i < names_.size(); ++i) {
        Entry& e = entries_[index(names_[i].words[0])];
        if (e.name_count == 0) e.name_first = static_cast<std::uint16_t>(i);
        ++e.name_count;
    }
}

Lexicon::Lexicon() {
    entries_.emplace_back();  // the empty entry
    const wchar_t* const small[] = {L"zero",    L"one",     L"two",       L"three",    L"four",
                                    L"five",    L"six",     L"seven",     L"eight",    L"nine",
                                    L"ten",     L"eleven",  L"twelve",    L"thirteen", L"fourteen",
                                    L"fifteen", L"sixteen", L"seventeen", L"eighteen", L"nineteen"};
    for (int i = 0; i < 20; ++i) add(small[i]).small = static_cast<std::int8_t>(i);
    for (const wchar_t* zero : {L"nought", L"naught"}) add(zero).small = 0;  // ("two goals to nil" is a score)
    const wchar_t* const tens[] = {L"twenty", L"thirty",  L"forty",  L"fifty",
                                   L"sixty",  L"seventy", L"eighty", L"ninety"};
    for (int i = 0; i < 8; ++i) add(tens[i]).tens = static_cast<std::uint8_t>(20 + 10 * i);

    for (const auto& [word, v] : kScales) add(word).scale = v;
    for (const auto& [word, v] : kGluedScales) add(word).glued_scale = v;
    for (const auto& [word, v] : kMoneyScales) add(word).money_scale = v;
    for (const auto& [word, v] : kLetterScales) add(word).letter_scale = v;
    for (const wchar_t* word : kDozenWords) add(word).dozen = true;
    for (const wchar_t* word : kDimensionWords) add(word).dimension = true;
    for (const auto& [word, v] : kVaguePlurals) add(word).vague_plural = v;

    const wchar_t* const months[] = {L"january", L"february", L"march",     L"april",   L"may",      L"june",
                                     L"july",    L"august",   L"september", L"october", L"november", L"december"};
    for (int i = 0; i < 12; ++i) add(months[i]).month = static_cast<std::uint8_t>(i + 1);
    for (const auto& [word, m] : kMonthAbbrevs) {
        Entry& e = add(word);
        e.month = static_cast<std::uint8_t>(m);
        e.flags |= kMonthAbbrev;  // every month name of four letters or fewer but May, June, July
    }
    add_flag(kCapitalMonth, {L"may", L"march"});

    add_units();

    // The matcher keeps the longest phrase; among equally long ones, the first.
    struct PhraseDef {
        const wchar_t* words[5];
        Qualifier qualifier;
    };
    const PhraseDef phrases[] = {
        {{L"more", L"than"}, Qualifier::Over},           {{L"over"}, Qualifier::Over},
        {{L"above"}, Qualifier::Over},                   {{L"upwards", L"of"}, Qualifier::Over},
        {{L"in", L"excess", L"of"}, Qualifier::Over},    {{L"greater", L"than"}, Qualifier::Over},
        {{L"under"}, Qualifier::Under},                  {{L"below"}, Qualifier::Under},
        {{L"less", L"than"}, Qualifier::Under},          {{L"fewer", L"than"}, Qualifier::Under},
        {{L"at", L"least"}, Qualifier::AtLeast},         {{L"no", L"fewer", L"than"}, Qualifier::AtLeast},
        {{L"no", L"less", L"than"}, Qualifier::AtLeast}, {{L"not", L"less", L"than"}, Qualifier::AtLeast},
        {{L"a", L"minimum", L"of"}, Qualifier::AtLeast}, {{L"up", L"to"}, Qualifier::AtMost},
        {{L"at", L"most"}, Qualifier::AtMost},           {{L"no", L"more", L"than"}, Qualifier::AtMost},
        {{L"not", L"more", L"than"}, Qualifier::AtMost}, {{L"a", L"maximum", L"of"}, Qualifier::AtMost},
        {{L"as", L"many", L"as"}, Qualifier::AtMost},    {{L"as", L"much", L"as"}, Qualifier::AtMost},
        {{L"about"}, Qualifier::About},                  {{L"around"}, Qualifier::About},
        {{L"some"}, Qualifier::About},                   {{L"nearly"}, Qualifier::About},
        {{L"almost"}, Qualifier::About},                 {{L"roughly"}, Qualifier::About},
        {{L"approximately"}, Qualifier::About},          {{L"approx"}, Qualifier::About},
        {{L"an", L"estimated"}, Qualifier::About},       {{L"estimated"}, Qualifier::About},
        {{L"close", L"to"}, Qualifier::About},           {{L"circa"}, Qualifier::About},
        {{L"between"}, Qualifier::Between},
        // Comparatives and bounds as maths and specifications write them.
        {{L"larger", L"than"}, Qualifier::Over},         {{L"bigger", L"than"}, Qualifier::Over},
        {{L"higher", L"than"}, Qualifier::Over},         {{L"smaller", L"than"}, Qualifier::Under},
        {{L"lower", L"than"}, Qualifier::Under},         {{L"exceeding"}, Qualifier::Over},
        {{L"exceed"}, Qualifier::Over},                  {{L"exceeds"}, Qualifier::Over},
        {{L"exceeded"}, Qualifier::Over},                {{L"surpass"}, Qualifier::Over},
        {{L"surpassing"}, Qualifier::Over},              {{L"surpassed"}, Qualifier::Over},
        {{L"not", L"fewer", L"than"}, Qualifier::AtLeast},
        {{L"upward", L"of"}, Qualifier::Over},
        {{L"less", L"than", L"or", L"equal", L"to"}, Qualifier::AtMost},
        {{L"fewer", L"than", L"or", L"equal", L"to"}, Qualifier::AtMost},
        {{L"greater", L"than", L"or", L"equal", L"to"}, Qualifier::AtLeast},
        {{L"more", L"than", L"or", L"equal", L"to"}, Qualifier::AtLeast},
        {{L"equal", L"to", L"or", L"less", L"than"}, Qualifier::AtMost},
        {{L"equal", L"to", L"or", L"more", L"than"}, Qualifier::AtLeast},
        {{L"equal", L"to", L"or", L"greater", L"than"}, Qualifier::AtLeast},
        {{L"at", L"least", L"or", L"equal", L"to"}, Qualifier::AtLeast},
        {{L"at", L"most", L"or", L"equal", L"to"}, Qualifier::AtMost},
    };
    // "bigger or equal than", "less or equal to": a comparative, "or equal", "than"/"to".
    for (const wchar_t* more : {L"bigger", L"greater", L"larger", L"higher", L"more"})
        for (const wchar_t* than : {L"than", L"to"})
            add_phrase(nullptr, {more, L"or", L"equal", than}, Qualifier::AtLeast);
    for (const wchar_t* less : {L"smaller", L"less", L"lower", L"fewer"})
        for (const wchar_t* than : {L"than", L"to"})
            add_phrase(nullptr, {less, L"or", L"equal", than}, Qualifier::AtMost);
    for (const PhraseDef& d : phrases) add_phrase(nullptr, d.words, d.qualifier);
    // "just over", "well below", "slightly more than" keep the base qualifier.
    for (const PhraseDef& d : phrases) {
        if (d.qualifier != Qualifier::Over && d.qualifier != Qualifier::Under) continue;
        for (const wchar_t* softener : {L"just", L"well", L"slightly", L"far"})
            add_phrase(softener, d.words, d.qualifier);
    }

    add_flag(kStopWord, {
        L"the", L"a", L"an", L"of", L"to", L"in", L"on", L"at", L"by", L"for", L"from", L"with",
        L"without", L"into", L"onto", L"over", L"under", L"about", L"after", L"before", L"since",
        L"during", L"and", L"or", L"but", L"nor", L"as", L"than", L"that", L"which", L"who",
        L"whom", L"whose", L"this", L"these", L"those", L"there", L"here", L"it", L"its", L"he",
        L"she", L"they", L"we", L"you", L"i", L"him", L"her", L"them", L"us", L"his", L"their",
        L"our", L"your", L"my", L"me", L"is", L"are", L"was", L"were", L"be", L"been", L"being",
        L"has", L"have", L"had", L"do", L"does", L"did", L"will", L"would", L"can", L"could",
        L"may", L"might", L"must", L"shall", L"should", L"not", L"no", L"also", L"only", L"just",
        L"still", L"even", L"more", L"most", L"less", L"least", L"so", L"too", L"very", L"then",
        L"now", L"when", L"where", L"while", L"if", L"because", L"per", L"each", L"every", L"all",
        L"both", L"either", L"neither", L"other", L"another", L"such", L"what", L"how", L"why",
        L"ago", L"later", L"earlier", L"yet", L"already", L"away", L"back", L"out", L"up", L"down",
        L"off", L"again", L"last", L"next", L"said", L"says", L"say", L"according", L"including",
        L"like", L"among", L"between", L"against", L"across", L"through", L"toward", L"towards",
        L"around", L"near", L"via", L"until", L"till", L"whether", L"though", L"although",
        L"however", L"versus", L"vs", L"own", L"same", L"alone", L"instead", L"always", L"perhaps",
        L"fled", L"flee", L"left", L"went", L"came", L"fought", L"sought", L"ran", L"took",
        L"made", L"held", L"won", L"lost", L"saw", L"told", L"became", L"began", L"led", L"got",
        L"found", L"kept", L"met", L"paid", L"sent", L"spent", L"stood", L"struck", L"hit",
        L"died", L"die", L"remain", L"face", L"thing", L"things", L"way", L"ways", L"percent",
        L"per", L"times", L"apiece", L"each", L"overall", L"total", L"altogether", L"plus",
        L"minus", L"old", L"whom", L"one", L"ones", L"someone", L"anyone", L"something",
        L"nothing", L"anything", L"everything", L"please", L"exactly"});
    add_flag(kIrregularPlural, {L"people", L"men", L"women", L"children", L"police", L"personnel", L"staff",
                                L"cattle", L"feet", L"teeth", L"mice", L"geese", L"livestock", L"crew", L"clergy",
                                L"youth", L"militia", L"infantry", L"aircraft", L"sheep", L"fish", L"deer",
                                L"offspring", L"data", L"media"});
    add_flag(kYearPreposition, {L"in", L"since", L"by", L"until", L"till", L"from", L"before", L"after",
                                L"during", L"early", L"late", L"mid", L"circa", L"year", L"of", L"summer",
                                L"winter", L"spring", L"autumn", L"fall", L"through", L"to"});
    add_flag(kYearDeterminer, {L"the", L"its", L"his", L"her", L"their", L"our", L"this", L"that", L"a", L"an"});
    add_flag(kPreposition, {L"in", L"on", L"at", L"from", L"into", L"for", L"with", L"of", L"to", L"under", L"by",
                            L"within", L"onto", L"upon"});
    add_flag(kPronounOneBefore, {L"no", L"the", L"this", L"that", L"which", L"every", L"each", L"any", L"only",
                                 L"another", L"little", L"other", L"some", L"such", L"loved", L"last", L"right",
                                 L"wrong", L"big", L"new", L"old", L"same"});
    add_flag(kFractionWord, {L"half", L"halves", L"third", L"thirds", L"quarter", L"quarters", L"fourth",
                             L"fourths", L"fifth", L"fifths", L"sixth", L"sixths", L"tenth", L"tenths"});
    add_flag(kFewWord, {L"several", L"few", L"many", L"some"});
    add_flag(kWeekday, {L"monday", L"tuesday", L"wednesday", L"thursday", L"friday", L"saturday", L"sunday",
                        L"today", L"yesterday", L"tomorrow"});
    add_flag(kSentenceOpener, {L"exactly", L"precisely", L"maybe", L"nearly", L"almost", L"roughly", L"around",
                               L"about", L"some", L"over", L"under", L"killing", L"injuring", L"including", L"with",
                               L"without", L"another", L"barely", L"fully", L"nearly", L"only", L"just"});
    add_flag(kChangeVerb, {
        L"rose", L"rise", L"rises", L"risen", L"rising", L"fell", L"fall", L"falls", L"fallen", L"falling",
        L"dropped", L"drop", L"drops", L"dropping", L"climbed", L"climbs", L"jumped", L"jumps", L"increased",
        L"increase", L"increases", L"decreased", L"decreases", L"cut", L"cuts", L"raised", L"raises", L"lowered",
        L"slipped", L"slid", L"gained", L"gains", L"lost", L"loses", L"shed", L"added", L"grew", L"grow",
        L"grows", L"grown", L"soared", L"surged", L"plunged", L"plummeted", L"tumbled", L"slumped", L"declined",
        L"declines", L"edged", L"reduced", L"boosted", L"trimmed", L"revised", L"widened", L"narrowed", L"up",
        L"down", L"moved", L"went", L"changed", L"upped", L"dipped", L"sank", L"raise", L"raising",
        L"increasing", L"expand", L"expanded", L"expanding", L"push", L"pushed", L"pushing", L"boost", L"lift",
        L"lifted", L"lifting", L"reduce", L"reducing", L"cutting", L"extend", L"extended", L"shift", L"shifted",
        L"switch", L"switched", L"doubled", L"tripled", L"halved", L"hike", L"hiked", L"lower", L"upgraded",
        L"downgraded"});
    add_flag(kYearNoun, {L"elections", L"election", L"games", L"olympics", L"championships", L"budget", L"budgets",
                         L"census", L"season", L"campaign", L"attacks", L"protests", L"riots", L"floods",
                         L"earthquake", L"tsunami", L"war", L"crisis", L"final", L"finals", L"series", L"midterms",
                         L"polls", L"accords", L"agreement", L"figures", L"levels", L"results", L"accounts",
                         L"tour", L"cup", L"world"});
    add_flag(kVagueTime, {L"day", L"night", L"morning", L"evening", L"afternoon", L"time"});
    for (const auto& [word, v] : kOrdinals) {
        add(word).ordinal = v;
        if (v < 3) continue;  // "two seconds" is a duration, "firsts" no fraction
        add(word).fraction = v;
        Entry& plural = add((std::wstring(word) + L"s").c_str());
        plural.fraction = v;
        plural.plural_ordinal = true;
    }
    for (const wchar_t* quarter : {L"quarter", L"quarters"}) add(quarter).fraction = 4;
    // Unicode's vulgar fractions.
    const WordValue vulgar[] = {{L"\u00BD", 1.0 / 2}, {L"\u2153", 1.0 / 3}, {L"\u2154", 2.0 / 3}, {L"\u00BC", 1.0 / 4},
                                {L"\u00BE", 3.0 / 4}, {L"\u2155", 1.0 / 5}, {L"\u2156", 2.0 / 5}, {L"\u2157", 3.0 / 5},
                                {L"\u2158", 4.0 / 5}, {L"\u2159", 1.0 / 6}, {L"\u215A", 5.0 / 6}, {L"\u215B", 1.0 / 8},
                                {L"\u215C", 3.0 / 8}, {L"\u215D", 5.0 / 8}, {L"\u215E", 7.0 / 8}};
    for (const auto& [sign, v] : vulgar) add(sign).vulgar = v;
    add_flag(kHalfBefore, {L"the", L"first", L"second", L"other", L"latter", L"former", L"whole", L"better",
                           L"top", L"bottom", L"back", L"front"});

    // Short lists the rules name in one place each.
    add_flag(kFractionFollower, {L"of", L"the", L"their", L"its", L"his", L"her", L"our", L"all", L"them", L"those",
                                 L"these", L"this", L"that", L"and", L"or", L"to", L"in", L"on", L"at", L"by",
                                 L"from"});
    add_flag(kTimeZone, {L"gmt", L"bst", L"utc", L"cet", L"est", L"edt", L"pst"});
    add_flag(kClockWord, {L"hrs", L"gmt"});
    add_flag(kWeakYearPrep, {L"of", L"by", L"from", L"to"});
    add_flag(kTurned, {L"turned", L"turns", L"turning"});
    add_flag(kDurationBefore, {L"for", L"within", L"in", L"after", L"over", L"than", L"only", L"just", L"per", L"by"});
    add_flag(kDurationAfter, {L"later", L"after", L"before", L"earlier", L"ago", L"long"});
    add_flag(kAgeWord, {L"aged", L"age", L"ages"});
    add_flag(kMetresBefore, {L"the", L"final", L"last", L"first", L"opening", L"closing"});
    add_flag(kOrdinalSuffix, {L"st", L"nd", L"rd", L"th"});
    add_flag(kOfDeterminer, {L"the", L"these", L"those", L"their"});
    add_flag(kComparative, {L"more", L"fewer", L"additional", L"extra"});
    add_flag(kIsWas, {L"is", L"was"});
    add_flag(kMinusWord, {L"minus", L"negative"});
    add_flag(kOrMore, {L"more", L"over", L"above", L"greater", L"higher", L"larger", L"bigger", L"upwards"});
    add_flag(kOrLess, {L"fewer", L"less", L"under", L"below", L"lower", L"smaller"});

    auto word = [&](const wchar_t* text) {
        add(text);
        return Vocabulary::global().intern_text(text);
    };
    w.a = word(L"a");
    w.an = word(L"an");
    w.half = word(L"half");
    w.dozen = word(L"dozen");
    w.hundred = word(L"hundred");
    w.and_ = word(L"and");
    w.or_ = word(L"or");
    w.of = word(L"of");
    w.to = word(L"to");
    w.from = word(L"from");
    w.few = word(L"few");
    w.tens = word(L"tens");
    w.am = word(L"am");
    w.pm = word(L"pm");
    w.s = word(L"s");
    w.k = word(L"k");
    w.percent = word(L"percent");
    w.percents = word(L"percents");
    w.pct = word(L"pct");
    w.per = word(L"per");
    w.cent = word(L"cent");
    w.percentage = word(L"percentage");
    w.point = word(L"point");
    w.points = word(L"points");
    w.pounds = word(L"pounds");
    w.sterling = word(L"sterling");
    w.plus = word(L"plus");
    w.strong = word(L"strong");
    w.time = word(L"time");
    w.way = word(L"way");
    w.old = word(L"old");
    w.olds = word(L"olds");
    w.o = word(L"o");
    w.clock = word(L"clock");
    w.p = word(L"p");
    w.m = word(L"m");
    w.b = word(L"b");
    w.square = word(L"square");
    w.cubic = word(L"cubic");
    w.number = word(L"number");
    w.no = word(L"no");
    w.how = word(L"how");
    w.one = word(L"one");
    w.www = word(L"www");
    w.by = word(L"by");
    w.age = word(L"age");
    w.quarter = word(L"quarter");
    w.minus = word(L"minus");
    w.below = word(L"below");
    w.zero = word(L"zero");
    w.through = word(L"through");
    w.thru = word(L"thru");
    w.than = word(L"than");
    w.so = word(L"so");
    w.fourth = word(L"fourth");
    w.in = word(L"in");
    w.for_ = word(L"for");
    w.never = word(L"never");
    w.not_ = word(L"not");
    w.out = word(L"out");
    w.over = word(L"over");
    w.scores = word(L"scores");
    w.couple = word(L"couple");
    w.ft = word(L"ft");
    w.feet = word(L"feet");
    w.inch = word(L"inch");
    w.inches = word(L"inches");
    add_cldr();
    index_phrases();
    mark_starts();
}

// What the first token of every rule must be: a month, a qualifier, "from",
// a currency prefix or code, an article ("a dozen", "a third", "a few"), a
// vague amount, a number word or "half"; or a currency sign.
void Lexicon::mark_starts() {
    for (Entry& e : entries_) {
        const bool other = e.month || e.dollar_prefix || e.currency_code || e.has(kFewWord) || e.vague_plural ||
                           e.small >= 0 || e.tens || e.currency_symbol || e.vulgar || e.has(kMinusWord);
        e.starts = other || e.phrase_count;
        e.phrase_only = !other && e.phrase_count;
    }
    for (const WordId id : {w.from, w.a, w.an, w.half, w.quarter}) {
        entries_[index(id)].starts = true;
        entries_[index(id)].phrase_only = false;
    }
    // What each start needs after it. What parse_quantity, try_date and
    // try_at accept at a word, by the property that lets them start there:
    // a word with several gets every need (any one suffices).
    for (Entry& e : entries_) {
        if (!e.starts) continue;
        const bool alone =
            e.vague_plural || e.small >= 0 || e.tens || e.currency_symbol || e.vulgar || e.has(kMinusWord);
        e.start_needs = static_cast<std::uint8_t>(
            (alone ? kStartsAlone : 0) | (e.phrase_count ? kStartsPhrase : 0) | (e.dollar_prefix ? kStartsDollar : 0) |
            (e.currency_code ? kStartsCode : 0) | (e.month ? kStartsMonth : 0) | (e.has(kFewWord) ? kStartsFew : 0));
    }
    entries_[index(w.half)].start_needs |= kStartsAlone;
    entries_[index(w.quarter)].start_needs |= kStartsAlone;
    entries_[index(w.from)].start_needs |= kStartsFrom;
    entries_[index(w.a)].start_needs |= kStartsArticle;
    entries_[index(w.an)].start_needs |= kStartsArticle;
    // After "a": "a few" and "a couple of" (parse_vague), a denominator or
    // the tens of one (parse_fraction: "a third", "a twenty-fifth"), "a
    // half", "a dozen", "a million" (parse_words).
    for (Entry& e : entries_)
        e.after_article = e.has(kFewWord) || e.fraction || e.tens || e.dozen || e.scale;
    for (const WordId id : {w.few, w.couple, w.half, w.dozen}) entries_[index(id)].after_article = true;
    word_info_.assign(index_.size(), 0);
    for (std::size_t id = 0; id < index_.size(); ++id)
        word_info_[id] = index_[id] | (entries_[index_[id]].starts ? kStartsBit : 0);
    if (w.www >= word_info_.size()) word_info_.resize(w.www + 1, 0);
    word_info_[w.www] |= kMaskBit;
}

}  // namespace newslens::numbers
