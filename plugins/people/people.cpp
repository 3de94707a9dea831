// The "people" plugin: named persons in news text.
//
// Each mention is one occurrence of a person's name, the span being the name
// as written ("Torres", "Nicolás Maduro"), with
//   name   the fullest form of that person's name in the article ("Jorge Torres"),
//   title  the title or role written right before the name ("Sgt.", "US
//          Secretary of State", "opposition leader"), or null,
//   first  true for the person's first mention in the article.
//
// How it works:
//  1. The plugin reads the text layer (core/text.h): the document's words,
//     each with the interned id (WordId) of its folded text. The constructor
//     interns the word lists and records, per WordId, what a word can be, so
//     looking a word up is indexing a vector; no string is built per word.
//  2. One pass groups capitalised words into runs ("On Saturday Sgt. Jorge
//     Torres’s") and splits each run into openers, title and name.
//  3. Capitalisation alone is not enough: a name counts as a person when it has
//     a title, a speech verb ("Torres said", "said Torres"), an appositive
//     ("Torres, 35,", "Torres, a member of"), or the surname of a person so
//     established elsewhere in the article (a full name whose surname is also
//     used alone is established too). Names that the article itself uses as
//     places ("in Caracas", "Colombia’s border") and runs holding words such
//     as River, Party or Times are not persons.
//  4. Persons are merged by surname ("Torres" and "Jorge Torres" are one person
//     when one name's words are found, in order, in the other's), and a person
//     never named in full nor with a title ("Ofcom said") is dropped.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "plugin.h"

namespace {

using newslens::Mention;
using newslens::TextLayer;
using newslens::WordId;
namespace chars = newslens::chars;

// What a word can be; a word may be several things (bit flags).
enum Kind : unsigned {
    kHead = 1u << 0,        // a title: Mr, Sgt, President, Minister
    kModifier = 1u << 1,    // extends a title: Prime, Vice, Foreign, opposition, former
    kStop = 1u << 2,        // never starts a name: The, But, He, Two, Officials
    kCalendar = 1u << 3,    // months and weekdays
    kSpeech = 1u << 4,      // said, told, added
    kAux = 1u << 5,         // may stand between a name and its speech verb: "Torres later said"
    kOrg = 1u << 6,         // makes a run an organisation or a named place: Party, River, Times
    kPlace = 1u << 7,       // well-known places that "say" things: "Russia said"
    kPlaceStart = 1u << 8,  // first words of place names: New, San, Sri, North
    kPlaceCue = 1u << 9,    // a place follows: in, at, near, capital, town
    kPlaceNoun = 1u << 10,  // "Colombia’s border", "Venezuela’s capital"
    kParticle = 1u << 11,   // inside names: de, van, bin
    kAbbrev = 1u << 12,     // keeps its dot: Mr. Sgt. Gen.
    kAppositive = 1u << 13, // "Torres, a ...", "Torres, who ..."
    kRole = 1u << 14,       // a role, a title in lower case or before a full name: leader, spokesman
    kHonorific = 1u << 15,  // a title only when capitalised: Mr, Miss, Sir, General
    kByFirstName = 1u << 16,  // a title used with a first name: Sir Joshua, Prince Charles
    kWeekday = 1u << 17,    // Monday ... Sunday: ends a name ("Guaido Saturday")
};

// What this plugin knows of a word beyond the layer's Word, as flag bits
// above its Kind bits: one 32-bit value per word (see Tokens).
enum Flag : std::uint32_t {
    kIsWord = 1u << 24,      // letters (not a number, not punctuation)
    kIsNumber = 1u << 25,
    kCap = 1u << 26,         // starts with a capital (or is al-Assad)
    kShout = 1u << 27,       // all capitals: BBC, US, CUCUTA
    kInitial = 1u << 28,     // W. or J.K.
    kPossessive = 1u << 29,  // Maduro’s
    kDotAfter = 1u << 30,    // ends with a dot that is punctuation here ("Jan.", "Co."): a run ends
    kAddress = 1u << 31,     // dotted like a web address: OneStat.com, Whatsonstage.com
};
constexpr std::uint32_t kKindBits = (1u << 24) - 1;
static_assert(kWeekday <= kKindBits, "Kind bits stay below the flags");


// A capitalised run that may name a person: tokens [title, begin) are its
// title, [begin, end) the name. Names are compared by their words' keys.
struct Run {
    std::size_t title, begin, end;
    bool titled, evidence, place;
    std::uint64_t name, surname;  // hashes of the keys of [begin, end) and of the last word
    std::size_t person = 0;
};

struct Person {
    std::uint32_t first = 0, size = 0;  // the fullest form, word by word: person_words[first, first + size)
    std::uint32_t start = 0, end = 0;   // where that form is written
    std::size_t last_seen = 0;          // index of its latest run
};

// What extract() builds for a document, per thread: cleared for the next
// document, not freed.
struct Scratch {
    std::vector<Run> runs;
    // Name hashes kept as sorted vectors: a handful per article, so
    // sorting once beats a hash set's node allocation per insert.
    std::vector<std::uint64_t> places;  // names the article uses as places
    std::vector<std::uint64_t> alone, established;
    std::vector<Person> persons;
    std::vector<WordId> person_words;  // the keys of the persons' names (a name replaced stays, unused)
    std::vector<const Run*> found;
    std::vector<unsigned char> introduced, seen;
    void clear() {
        runs.clear();
        places.clear();
        alone.clear();
        established.clear();
        persons.clear();
        person_words.clear();
        found.clear();
    }
};

// The text of code points [start, end), start < end <= the document's
// length: a name is mostly ASCII, and then its end needs no look-up.
std::string_view utf8_text(const newslens::Document& doc, std::size_t start, std::size_t end) {
    const std::string_view all(doc.text());
    const std::size_t b = doc.byte_from_cp(start), n = end - start;
    const std::size_t e = b + n <= all.size() && newslens::chars::ascii_bytes(all.data() + b, n) ? b + n : doc.byte_from_cp(end);
    return all.substr(b, e - b);
}

// "Fearful", "Smiling": sentence openers, not names. The folded word ends
// in -ful, -ing, -ous (after three letters or more), -ed, -ly (after
// three), -less (after three), or is an age: "Nine-year-old Georgia
// Stevens", "Two-month-old Amir". Read from the end, a letter at a time.
bool adjective_like(std::wstring_view k) {
    const std::size_t n = k.size();
    if (n < 4) return false;
    const wchar_t* e = k.data() + n;  // e[-1] is the last letter
    switch (e[-1]) {
        case L'd': return (n > 4 && e[-2] == L'e') || (e[-2] == L'l' && e[-3] == L'o' && e[-4] == L'-');
        case L'g': return n > 5 && e[-2] == L'n' && e[-3] == L'i';
        case L'l': return n > 5 && e[-2] == L'u' && e[-3] == L'f';
        case L's': return (n > 5 && e[-2] == L'u' && e[-3] == L'o') || (n > 6 && e[-2] == L's' && e[-3] == L'e' && e[-4] == L'l');
        case L'y': return n > 4 && e[-2] == L'l';
        default: return false;
    }
}

// Punctuation after which a sentence starts: . ! ? : ; quotes and an opening bracket.
bool opens_sentence(wchar_t c) {
    switch (c) {
        case L'.': case L'!': case L'?': case L':': case L';': case L'"': case L'\'': case L'(':
        case 0x201C: case 0x201D: case 0x2018:  // “ ” ‘
            return true;
        default:
            return false;
    }
}

void sort_unique(std::vector<std::uint64_t>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

bool member(const std::vector<std::uint64_t>& sorted, std::uint64_t x) {
    return std::binary_search(sorted.begin(), sorted.end(), x);
}

bool is_dash(wchar_t c) { return c == L'-' || c == 0x2013 || c == 0x2014; }

// Are the words of `small` found in order in `big`? ("George Bush" in "George
// W. Bush", "O Barkley" in "Olly Barkley": an initial matches its word.)
bool in_order(const TextLayer& layer, const WordId* small, std::size_t small_size, const WordId* big,
              std::size_t big_size) {
    std::size_t j = 0;
    for (std::size_t i = 0; i < big_size && j < small_size; ++i) {
        if (small[j] == big[i]) { ++j; continue; }
        const std::wstring_view a = layer.key_text(small[j]), b = layer.key_text(big[i]);
        if ((a.size() == 1 || b.size() == 1) && !a.empty() && !b.empty() && a[0] == b[0]) ++j;
    }
    return j == small_size;
}

// "U.S.", "J.K.": single capitals, each with its dot.
bool initials(const TextLayer& layer, const newslens::Word& w) {
    const auto& tokens = layer.tokens();
    const std::wstring_view text = layer.text(w.start, w.end);
    if ((w.last - w.first) % 2 != 0 || w.last - w.first < 4) return false;
    for (std::size_t k = w.first; k < w.last; k += 2) {
        const newslens::Token& letter = tokens[k];
        if (letter.end - letter.start != 1 || !chars::is_upper(text[letter.start - w.start]) ||
            text[tokens[k + 1].start - w.start] != L'.')
            return false;
    }
    return true;
}

// The layer's words as this plugin reads them (same index as in
// layer.words()). Most words are one lower-case token ("the", "said") and
// no name can start at them, so each word costs one 32-bit value (its Kind
// and Flag bits); the rest (where a sentence starts, where a word's name
// part ends, its punctuation character) is read from the layer on demand,
// for the few words near a capitalised run.
class Tokens {
public:
    Tokens(const TextLayer& layer, const std::vector<std::uint32_t>& info)
        : words_(layer.words().data()),
          layer_tokens_(layer.tokens().data()),
          chars_(layer.text(0, 0).data()),
          info_(info.data()),
          size_(info.size()) {}

    std::size_t size() const { return size_; }
    unsigned kind(std::size_t i) const { return info_[i] & kKindBits; }
    bool word(std::size_t i) const { return info_[i] & kIsWord; }
    bool number(std::size_t i) const { return info_[i] & kIsNumber; }
    bool cap(std::size_t i) const { return info_[i] & kCap; }
    bool shout(std::size_t i) const { return info_[i] & kShout; }
    bool initial(std::size_t i) const { return info_[i] & kInitial; }
    bool possessive(std::size_t i) const { return info_[i] & kPossessive; }
    bool dot_after(std::size_t i) const { return info_[i] & kDotAfter; }
    bool address(std::size_t i) const { return info_[i] & kAddress; }
    bool line_before(std::size_t i) const { return words_[i].line_before(); }  // names never run over one
    // Folded, without dot or possessive; kNoWord for numbers and punctuation.
    WordId key(std::size_t i) const { return word(i) ? words_[i].key : newslens::kNoWord; }
    // The character of a punctuation word, else 0.
    wchar_t punct(std::size_t i) const { return words_[i].alnum ? 0 : chars_[words_[i].start]; }
    // Code points; the end excludes a possessive ’s and a dot not kept.
    std::uint32_t start(std::size_t i) const { return words_[i].start; }
    std::uint32_t end(std::size_t i) const {
        const newslens::Word& w = words_[i];
        if (w.abbreviation && word(i) && !dot_after(i)) return w.end;  // "Sgt.", "W." keep their dot
        return layer_tokens_[w.last - (w.abbreviation ? 1 : 0) - (w.possessive ? 2 : 0) - 1].end;
    }
    // A sentence starts after a line break, an abbreviation's dot, sentence
    // punctuation, or a dash after a dateline ("INNISFAIL - Nine-year-old Georgia Stevens").
    bool sentence_start(std::size_t i) const {
        if (i == 0 || line_before(i)) return true;  // the layer gives the first word a line break before it
        const std::size_t p = i - 1;
        if (words_[p].alnum) return dot_after(p);
        const wchar_t c = chars_[words_[p].start];
        return opens_sentence(c) || (is_dash(c) && p >= 1 && shout(p - 1));
    }

private:
    const newslens::Word* words_;
    const newslens::Token* layer_tokens_;
    const wchar_t* chars_;  // the document's text
    const std::uint32_t* info_;
    std::size_t size_;
};

// Hash of the keys of words [b, e): a name as a set key, without building its string.
std::uint64_t key_hash(const Tokens& tokens, std::size_t b, std::size_t e) {
    std::uint64_t h = 1469598103934665603ull;
    for (std::size_t i = b; i < e; ++i) h = (h ^ tokens.key(i)) * 1099511628211ull;
    return h;
}

// For each word id, per thread: its Kind bits (the plugin's, copied) and,
// above them, the number of the last document that wrote the word in lower
// case. So reading a word's kind and marking it are one load and one store,
// and nothing is cleared between documents. The table is indexed by the id
// rotated left by one bit: vocabulary ids at the even places, the ids of a
// document's own words (from kFirstLocalWord) at the odd ones.
class WordTable {
public:
    static constexpr unsigned kStampShift = 18;
    static_assert(kWeekday < (1u << kStampShift), "stamps stay above the Kind bits");
    static constexpr std::uint32_t kKindMask = (1u << kStampShift) - 1;

    static std::size_t slot(WordId id) { return static_cast<std::uint32_t>(id << 1 | id >> 31); }

    // Starts a document; `kinds` holds the Kind bits by vocabulary id.
    void next_document(const std::vector<unsigned>& kinds) {
        if (kinds.data() != kinds_ || kinds.size() != kinds_size_) {
            table_.assign(2 * kinds.size() + 2, 0);
            for (std::size_t id = 0; id < kinds.size(); ++id) table_[2 * id] = kinds[id];
            kinds_ = kinds.data();
            kinds_size_ = kinds.size();
            stamp_ = 0;
        }
        if (++stamp_ == 1u << (32 - kStampShift)) {  // the numbers wrapped: old marks would read as current
            for (std::uint32_t& e : table_) e &= kKindMask;
            stamp_ = 1;
        }
    }
    // Room for `slot` (ids past those of the plugin's words have no kind).
    [[gnu::noinline]] void grow(std::size_t s) { table_.resize(std::max(s + 1, 2 * table_.size()), 0); }
    // Given back after a long document; rebuilt at the next.
    void release() { *this = WordTable{}; }

    std::uint32_t* data() { return table_.data(); }
    std::size_t size() const { return table_.size(); }
    std::uint32_t stamp_bits() const { return stamp_ << kStampShift; }
    bool lower(WordId id) const {
        const std::size_t s = slot(id);
        return id != newslens::kNoWord && s < table_.size() && table_[s] >> kStampShift == stamp_;
    }

private:
    std::vector<std::uint32_t> table_;
    const unsigned* kinds_ = nullptr;
    std::size_t kinds_size_ = 0;
    std::uint32_t stamp_ = 0;
};

class People : public newslens::Extractor {
public:
    People() {
        add(kHead | kAbbrev | kHonorific, L"mr mrs ms dr sgt gen col capt lt maj prof sen rep gov rev cpl pvt adm cmdr supt insp");
        add(kHead | kHonorific, L"miss sir dame lord lady general major justice father");
        add(kByFirstName, L"sir dame prince princess king queen pope");
        add(kHead,
            L"president minister secretary senator governor mayor chancellor premier "
            L"king queen prince princess pope sheikh emir ayatollah imam rabbi cardinal bishop archbishop father "
            L"ambassador envoy judge justice sergeant colonel captain lieutenant major commander admiral corporal "
            L"marshal inspector detective superintendent constable sheriff congressman congresswoman lawmaker "
            L"mp mep msp baroness baron duke duchess earl professor doctor president-elect secretary-general "
            L"general chairman chairwoman");
        add(kRole,
            L"leader spokesman spokeswoman spokesperson chairman chairwoman director chief executive ceo founder "
            L"coach manager boss striker midfielder defender goalkeeper winger captain skipper champion star "
            L"singer actor actress presenter comedian author writer novelist musician rapper designer artist "
            L"scrum-half fly-half full-back centre prop lock flanker hooker wing forward keeper batsman "
            L"bowler jockey trainer golfer boxer driver rider dictator rebel commissioner diplomat candidate economist analyst lawyer prosecutor businessman");
        // Occupations written before a name ("Farmer Luis Vega", "aid worker Jane Roe").
        add(kRole,
            L"farmer teacher student nurse soldier worker vendor fisherman shopkeeper activist resident pensioner "
            L"retiree engineer journalist reporter photographer architect banker miner pilot surgeon "
            L"scientist researcher historian priest pastor veteran survivor witness campaigner "
            L"protester peer businesswoman entrepreneur investor chef owner landlord tenant mechanic electrician "
            L"officer volunteer organiser organizer sprinter runner");
        add(kModifier,
            L"prime vice deputy foreign home interior defence defense finance health education justice trade "
            L"industry culture environment transport energy state shadow former acting interim opposition party "
            L"chief general senior junior assistant first grand crown supreme top veteran late then "
            L"congress labour conservative democrat democratic republican liberal army police union rebel "
            L"national attorney american british english french german spanish italian russian chinese "
            L"japanese irish scottish welsh welshman scot dutch swiss swedish danish norwegian finnish hungarian "
            L"polish czech greek turkish australian canadian indian pakistani iranian iraqi israeli palestinian "
            L"syrian egyptian african asian european kenyan nigerian brazilian argentine mexican venezuelan "
            L"colombian cuban ukrainian serbian croatian belgian portuguese");
        add(kStop,
            L"the a an this that these those it its he she they we i you his her their our my your there here "
            L"and but or so if as when while after before since though although because for with without from "
            L"by to of in on at into over under during despite meanwhile however yesterday today tomorrow now "
            L"then still yet also even only just many most some several all both each every other another such "
            L"no not one two three four five six seven eight nine ten what who why how where which do does did "
            L"is are was were be has have had can could should would must let yes oh well once again until "
            L"among amid against within like unlike last next earlier later instead according speaking asked "
            L"officials police analysts experts critics witnesses residents sources others everyone nobody "
            L"people mostly dear please thanks thank read more see watch share click sign");
        add(kCalendar,
            L"monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
            L"august september october november december jan feb mar apr jun jul aug sep sept oct nov dec "
            L"christmas easter ramadan");
        add(kSpeech,
            L"said says say told tells added adds warned warns explained asked replied insisted insists noted "
            L"stated declared announced claimed claims argued argues recalled wrote writes tweeted admitted "
            L"confirmed urged stressed acknowledged suggested complained continued responded predicted testified "
            L"believes thinks revealed vowed promised conceded cautioned");
        add(kAux, L"has had have also later then once previously earlier again reportedly himself herself would will "
                  L"recently repeatedly publicly already");
        add(kOrg,
            L"river bridge university college school ministry party airlines airways times international council "
            L"union bank group committee commission agency department office court senate congress parliament "
            L"assembly government news post press journal herald tribune gazette guardian telegraph reuters "
            L"television radio channel network media club league cup championship games festival awards museum "
            L"institute foundation association society corporation company inc ltd plc corp motors energy "
            L"technologies systems street road avenue square park airport station hospital church cathedral "
            L"mosque palace hall house centre center island islands sea ocean lake mountains valley coast bay "
            L"province region county district republic kingdom states nations army navy forces force guard "
            L"police service services fund trust city united fc olympics dems lords commons electric election");
        add(kPlace,
            L"washington moscow beijing london paris berlin tokyo tehran baghdad kabul brussels jerusalem caracas "
            L"bogota havana delhi britain england scotland wales ireland france germany spain italy russia china "
            L"japan india pakistan iran iraq israel syria turkey egypt ukraine america europe africa asia "
            L"venezuela colombia brazil mexico canada australia cuba"
            L" whitehall downing");
        add(kPlaceStart, L"new los las san santa sao saint st port fort mount cape hong sri tel abu kuala rio costa "
                         L"puerto buenos el north south east west northern southern eastern western saudi upper lower");
        add(kPlaceCue, L"in at near across outside inside into throughout towards toward around capital city "
                       L"town village province region state");
        add(kPlaceNoun, L"border borders capital coast territory soil airspace north south east west northern "
                        L"southern eastern western economy population neighbour neighbor");
        add(kParticle, L"de da del della di dos das do du van von der den la le bin ibn al el ter ten");
        add(kAbbrev, L"jr sr st mt ft no vs");
        add(kAppositive, L"a an who aged whose");
        add(kWeekday, L"monday tuesday wednesday thursday friday saturday sunday");
        for (const wchar_t* w : {L"of", L"to", L"according"}) ids_.push_back(newslens::Vocabulary::global().intern(w));
    }

    void extract(const newslens::Context& ctx, std::vector<Mention>& out) const override {
        const newslens::Document& doc = ctx.document();
        const TextLayer& layer = ctx.layer();
        // Words the article writes in lower case, marked while reading.
        // Per thread, reused: no allocation per document.
        static thread_local WordTable words;  // kinds, and which words are written in lower case
        static thread_local std::vector<std::uint32_t> capitalised;  // indices of the capitalised tokens, in order
        words.next_document(kinds_);
        static thread_local std::vector<std::uint32_t> info;  // Kind and Flag bits by word
        // A long document's buffers are given back after it: kept, every
        // plugin's would add up while the next plugins run (the page's WASM
        // heap ends at 2 GB; a 50 MB document did not fit).
        static thread_local Scratch scratch;
        scratch.clear();
        struct Release {
            ~Release() {
                if (info.capacity() > (1u << 20)) {
                    info = {};
                    capitalised = {};
                    words.release();
                    scratch = Scratch{};
                }
            }
        } release;
        read(layer, info, words, capitalised);
        const Tokens tokens(layer, info);
        auto lower = [&](WordId k) { return words.lower(k); };

        std::vector<Run>& runs = scratch.runs;
        std::vector<std::uint64_t>& places = scratch.places;
        // Runs start at capitalised tokens not inside the run before.
        const std::uint32_t* const caps = capitalised.data();  // a thread_local: read once, not per iteration
        const std::size_t cap_count = capitalised.size();
        for (std::size_t c = 0, next = 0; c < cap_count; ++c) {
            const std::size_t i = caps[c];
            if (i < next) continue;
            const std::size_t e = run_end(tokens, i);
            next = e;
            // A lone opener or date ("The", "But", "Monday"), or a lone word
            // opening a sentence that the article also writes in lower case
            // ("Meanwhile", "Officials"), names no one: consider() would
            // skip it and find nothing left.
            if (e == i + 1 &&
                ((tokens.kind(i) & (kStop | kCalendar)) || (tokens.sentence_start(i) && lower(tokens.key(i)))))
                continue;
            consider(layer, tokens, i, e, lower, places, runs);
        }
        sort_unique(places);
        std::vector<std::uint64_t>& alone = scratch.alone;
        for (Run& r : runs) {
            if (!r.titled && member(places, r.name)) r.place = true;
            if (r.end - r.begin == 1 && !r.place) alone.push_back(r.surname);
        }
        sort_unique(alone);
        // Surnames of persons established by a title or other evidence (the
        // full name of a person the article also calls by surname is evidence).
        std::vector<std::uint64_t>& established = scratch.established;
        for (Run& r : runs) {
            r.evidence = r.evidence || (r.end - r.begin > 1 && member(alone, r.surname) && !member(places, r.surname));
            if (r.titled || (r.evidence && !r.place)) established.push_back(r.surname);
        }
        sort_unique(established);
        std::vector<Person>& persons = scratch.persons;
        std::vector<const Run*>& found = scratch.found;
        for (Run& r : runs) {
            if (!(r.titled || (!r.place && (r.evidence || member(established, r.surname))))) continue;
            r.person = resolve(layer, tokens, r, found.size(), persons, scratch.person_words);
            found.push_back(&r);
        }
        // News introduces a person by full name or title ("Jorge Torres", "Mr
        // Torres"): a lone word that never gets either is an organisation or a
        // place that speaks ("Ofcom said", "Kyiv says").
        std::vector<unsigned char>& introduced = scratch.introduced;
        std::vector<unsigned char>& seen = scratch.seen;
        introduced.assign(persons.size(), false);
        seen.assign(persons.size(), false);
        for (const Run* r : found)
            introduced[r->person] = introduced[r->person] || r->titled || persons[r->person].size > 1;
        if (!found.empty()) out.reserve(out.size() + found.size());
        for (const Run* r : found) {
            if (!introduced[r->person]) continue;
            const Person& p = persons[r->person];
            Mention m;
            m.start = tokens.start(r->begin);
            m.end = tokens.end(r->end - 1);
            newslens::Fields& f = m.fields;  // each key is new: appended in order
            f.reserve(3);
            f.append("name", utf8_text(doc, p.start, p.end));
            f.append("title", r->title < r->begin ? newslens::Value(utf8_text(doc, tokens.start(r->title), tokens.end(r->begin - 1)))
                                                  : newslens::Value());
            f.append("first", !seen[r->person]);
            seen[r->person] = true;
            out.push_back(std::move(m));
        }
    }

private:
    // Interns each space-separated word of `words` and gives it `kind`.
    void add(unsigned kind, std::wstring_view words) {
        std::size_t from = 0;
        while (from < words.size()) {
            std::size_t space = words.find(L' ', from);
            if (space == std::wstring_view::npos) space = words.size();
            if (space > from) {
                const WordId id = newslens::Vocabulary::global().intern_text(words.substr(from, space - from));
                if (id >= kinds_.size()) kinds_.resize(id + 1, 0);
                kinds_[id] |= kind;
            }
            from = space + 1;
        }
    }

    unsigned kind_of(WordId key) const { return key < kinds_.size() ? kinds_[key] : 0; }
    bool is(const Tokens& tokens, std::size_t i, std::size_t word) const { return tokens.key(i) == ids_[word]; }
    enum { kOf, kTo, kAccording };

    // Each word's Kind and Flag bits into `info`; the words written in lower
    // case are marked in `table`, the indices of capitalised ones go to
    // `capitalised`.
    // (Out of line: inlined into extract(), its loops lost their registers.)
    [[gnu::noinline]] void read(const TextLayer& layer, std::vector<std::uint32_t>& info, WordTable& table,
              std::vector<std::uint32_t>& capitalised) const {
        const std::vector<newslens::Word>& word_list = layer.words();
        const newslens::Word* const words = word_list.data();
        const std::size_t n = word_list.size();
        info.resize(n);  // every value is written below
        std::uint32_t* const out = info.data();
        // The indices of the other words, then (in place, as they are fewer)
        // those of the capitalised ones: written through a pointer, cut to size at the end.
        capitalised.resize(n);
        std::uint32_t* const others = capitalised.data();
        std::size_t other_count = 0;
        std::uint32_t* t = table.data();
        std::size_t t_size = table.size();
        const std::uint32_t stamp = table.stamp_bits();
        // Most words are one lower-case token ("the", "said"): a word, its
        // kind, nothing else. (One token: no abbreviation dot, no possessive;
        // Lower: letters and no capital, so not cap, a number or shouted.
        // Punctuation is never Lower.) This loop does only them, which keeps
        // its few values in registers; the other words come after.
        for (std::size_t i = 0; i < n; ++i) {
            const newslens::Word& w = words[i];
            if (w.shape == newslens::Shape::Lower && w.last - w.first == 1) {
                const std::size_t s = WordTable::slot(w.key);
                if (s >= t_size) {
                    table.grow(s);
                    t = table.data();
                    t_size = table.size();
                }
                const std::uint32_t kind = t[s] & WordTable::kKindMask;
                out[i] = kIsWord | kind;
                t[s] = kind | stamp;
            } else {
                out[i] = 0;  // punctuation stays so
                if (w.alnum) others[other_count++] = static_cast<std::uint32_t>(i);
            }
        }
        const newslens::Token* const layer_tokens = layer.tokens().data();
        const wchar_t* const chars = layer.text(0, 0).data();  // the document's text
        const unsigned* const kinds = kinds_.data();
        const std::size_t kinds_size = kinds_.size();
        std::size_t caps = 0;
        for (std::size_t o = 0; o < other_count; ++o) {
            const std::uint32_t i = others[o];
            const newslens::Word& w = words[i];
            const wchar_t* const text = chars + w.start;
            // Most others are one capitalised token ("Torres", "The", "BBC"):
            // no dot, no possessive, no initial, so of other_word_bits() only
            // the kind and the shout scan apply.
            if (w.last - w.first == 1 && (w.shape == newslens::Shape::Capitalized || w.shape == newslens::Shape::AllCaps) &&
                chars::is_upper(static_cast<char32_t>(text[0]))) {
                const unsigned kind = w.key < kinds_size ? kinds[w.key] : 0u;
                const bool shout = shouted(text, w.end - w.start);
                out[i] = (shout && (kind & kAbbrev) ? 0u : kind) | kIsWord | kCap | (shout ? kShout : 0u);  // "DR Congo" is no doctor
                others[caps++] = i;
                continue;
            }
            const std::uint32_t bits = other_word_bits(layer, layer_tokens, chars, w);
            if (bits & kCap) {
                others[caps++] = i;
            } else if (bits & kIsWord) {
                const std::size_t s = WordTable::slot(w.key);
                if (s >= table.size()) table.grow(s);
                table.data()[s] = (table.data()[s] & WordTable::kKindMask) | stamp;
            }
            out[i] = bits;
        }
        capitalised.resize(caps);
    }

    // Whether a capitalised word's key text, `length` code points, has no
    // lower-case letter ("BBC", "V8"); a single letter is no shout.
    static bool shouted(const wchar_t* text, std::size_t length) {
        if (length <= 1) return false;
        bool lower = chars::is_lower(static_cast<char32_t>(text[1]));  // "Torres": the common case at once
        for (std::size_t c = 0; c < length && !lower; ++c) lower = chars::is_lower(static_cast<char32_t>(text[c]));
        return !lower;
    }

    // The Kind and Flag bits of a word that is neither one lower-case token
    // nor one capitalised token: a number, "al-Assad", "U.S.", "Sgt.",
    // "Venezuela’s", "iPhone", "well-known".
    [[gnu::noinline]] std::uint32_t other_word_bits(const TextLayer& layer, const newslens::Token* layer_tokens, const wchar_t* chars,
                                  const newslens::Word& w) const {
        if (layer_tokens[w.first].type == newslens::TokenType::Number) return kIsNumber | (w.abbreviation ? kDotAfter : 0);
        // The key's text ends before an abbreviation dot and a possessive ’s.
        const std::size_t key_last = w.last - (w.abbreviation ? 1 : 0) - (w.possessive ? 2 : 0);
        const wchar_t* const text = chars + w.start;  // the word's text
        unsigned kind = kind_of(w.key);
        std::uint32_t flags = kIsWord | (w.possessive ? kPossessive : 0);
        bool cap = chars::is_upper(static_cast<char32_t>(text[0]));
        bool initial = w.abbreviation && initials(layer, w);
        // al-Assad, el-Sisi: a name despite the lower-case particle.
        const newslens::Token& head = layer_tokens[w.first];
        if (!cap && w.last - w.first >= 3 && head.end - head.start == 2 && (kind_of(head.key) & kParticle) &&
            text[2] == L'-' && chars::is_upper(static_cast<char32_t>(text[3])))
            cap = true;
        const std::size_t length = layer_tokens[key_last - 1].end - w.start;  // of the key: up to a dot or possessive
        // Shouted: all capitals (also "V8", "W1"); only a capitalised word needs the scan.
        const bool shout = cap && !initial && shouted(text, length);
        if (key_last - w.first >= 3)  // an inner dot has a token on either side
            for (std::size_t k = w.first + 1; k + 1 < key_last; ++k)
                if (text[layer_tokens[k].start - w.start] == L'.' &&
                    (layer_tokens[k - 1].end - layer_tokens[k - 1].start > 1 || layer_tokens[k + 1].end - layer_tokens[k + 1].start > 1))
                    flags |= kAddress;
        if (shout && (kind & kAbbrev)) kind = 0;  // "DR Congo" is no doctor
        // Initials and the abbreviations of kAbbrev keep their dot ("W.",
        // "Sgt."); another abbreviation's dot ("Jan.") is punctuation here
        // (Tokens::end reads which it is from kDotAfter).
        if (w.abbreviation) {
            if (initial || (cap && length == 1) || (kind & kAbbrev)) initial = initial || length == 1;
            else flags |= kDotAfter;
        }
        return kind | flags | (cap ? kCap : 0) | (shout ? kShout : 0) | (initial ? kInitial : 0);
    }

    // The end of the capitalised run starting at `b`: capitalised words, with
    // particles between them ("Simon de la Cruz"), up to a possessive, a dot or a line break.
    static std::size_t run_end(const Tokens& tokens, std::size_t b) {
        std::size_t e = b + 1;
        // The common end first: the next word is neither capitalised nor a particle.
        while (e < tokens.size() && (tokens.cap(e) || (tokens.kind(e) & kParticle)) && !tokens.possessive(e - 1) &&
               !tokens.dot_after(e - 1) && !tokens.line_before(e)) {
            std::size_t j = e;
            while (j < tokens.size() && tokens.word(j) && !tokens.cap(j) && (tokens.kind(j) & kParticle) &&
                   !tokens.dot_after(j))
                ++j;
            if (j < tokens.size() && tokens.cap(j) && !tokens.line_before(j)) e = j + 1;
            else break;
        }
        return e;
    }

    // Splits the run [b, e) into title and name, weighs the evidence and keeps
    // it in `runs` when it may name a person.
    template <class Lower>
    void consider(const TextLayer& layer, const Tokens tokens, std::size_t b, std::size_t e,
                  const Lower& lower_word, std::vector<std::uint64_t>& places, std::vector<Run>& runs) const {
        auto has = [&](std::size_t i, unsigned kind) { return i < tokens.size() && (tokens.kind(i) & kind); };
        // Openers and dates ("But", "On Saturday"), then titles ("Prime Minister").
        std::size_t nb = b;
        while (nb < e && has(nb, kStop | kCalendar)) ++nb;
        for (std::size_t t = nb; t + 1 < e; ++t)
            if (has(t, kHead | kRole | kModifier)) nb = t + 1;
        // A title with no name ("the Foreign Minister said"), unless after Mr or Sgt. ("Mr Major").
        if (nb == e || (has(nb, kHead | kRole | kModifier) && !(nb > b && has(nb - 1, kAbbrev)))) return;
        // A month or feast opens no name ("March"), unless right after Mr or Mrs ("Mrs May").
        if (has(nb, kCalendar) && !(nb > b && has(nb - 1, kAbbrev))) return;
        // The name ends at an opener or a weekday ("Guaido Saturday").
        std::size_t ne = nb + 1;
        while (ne < e && !has(ne, kStop | kWeekday)) ++ne;

        // The title: head words ("Sgt.", "leader") and the modifiers,
        // capitalised words and "of" before them ("US Secretary of State").
        std::size_t title = nb;
        bool head = false;
        for (std::size_t t = nb; t > 0 && nb - t < 7;) {
            const std::size_t k = t - 1;
            if (tokens.line_before(t) || !tokens.word(k) || tokens.possessive(k) || tokens.dot_after(k)) break;
            const unsigned kind = tokens.kind(k);
            const bool cap = tokens.cap(k);
            // A capitalised role is a title before a full name only ("Director Todd Lyons", not "Star Wars").
            if (((kind & kHead) && (cap || !(kind & kHonorific))) || ((kind & kRole) && (!cap || ne - nb > 1)))
                head = true;
            else if (kind & kModifier) {}
            else if (is(tokens, k, kOf) && t < nb && t - 1 > 0 && tokens.cap(t - 2)) {}  // not "Prince of Wales"
            else if (!cap || !head || (kind & (kStop | kCalendar)) || layer.key_text(tokens.key(k)).size() <= 1 ||
                     (tokens.sentence_start(k) && !tokens.shout(k) && lower_word(tokens.key(k))))  // "Meeting"
                break;
            --t;
            if (head) title = t;
        }
        while (title < nb && is(tokens, title, kOf)) ++title;
        const bool titled = title < nb;

        // At a sentence start a capitalised common word may lead the run
        // ("Fearful Jose Gomez said", "Officials said"): drop it when the
        // article also writes it in lower case or it reads as an adjective.
        if (!titled && tokens.sentence_start(nb) &&
            (lower_word(tokens.key(nb)) || adjective_like(layer.key_text(tokens.key(nb))))) {
            if (++nb == ne) return;
            title = nb;
        }
        // A lone word the article also writes in lower case is a common word
        // ("the General Election"), unless Mr or Sgt. says otherwise ("Mr Flight").
        if (ne - nb == 1 && lower_word(tokens.key(nb)) && !has(nb - 1, kAbbrev)) return;
        bool word = false;
        for (std::size_t t = nb; t < ne; ++t) {
            if (has(t, kOrg) || tokens.shout(t) || tokens.address(t)) return;  // "Tachira River", "BBC", "OneStat.com"
            word = word || !tokens.initial(t);
        }
        if (!word) return;

        Run r{title, nb, ne, titled, false, false, key_hash(tokens, nb, ne), key_hash(tokens, ne - 1, ne)};
        const bool last_ends = tokens.possessive(ne - 1) || tokens.dot_after(ne - 1);  // "Maduro’s", "Co."
        // Places: "in Caracas", "Colombia’s border", "New York", "Russia said".
        if ((!titled && ne - nb == 1 && has(title - 1, kPlaceCue) && !tokens.dot_after(title - 1)) ||
            (tokens.possessive(ne - 1) && has(ne, kPlaceNoun)))
            places.push_back(r.name);
        r.place = has(nb, kPlaceStart) || has(ne - 1, kPlace);  // "New York", "Russia", "Migration Colombia"
        // A speech verb after ("Torres said", "Torres later said", "Theresa May, said")...
        std::size_t v = ne;
        if (!last_ends) {
            if (title > 0 && tokens.punct(title - 1) == L',' && v < tokens.size() && tokens.punct(v) == L',') ++v;
            for (int skip = 0; skip < 2 && has(v, kAux) && !tokens.cap(v) && !tokens.dot_after(v); ++skip) ++v;
            r.evidence = has(v, kSpeech) && !tokens.cap(v);
        }
        // ...or before ("said Torres", "according to Torres", "the President, Askar Akaev,")...
        if (title > 1 && !tokens.dot_after(title - 1)) {
            const std::size_t p = title - 1;
            r.evidence = r.evidence || ((tokens.kind(p) & kSpeech) && !tokens.cap(p)) ||
                         (is(tokens, p, kTo) && is(tokens, title - 2, kAccording) && !tokens.dot_after(title - 2)) ||
                         (tokens.punct(p) == L',' && has(title - 2, kHead | kRole));
        }
        // ...or an appositive ("Torres, a member of", "Torres, who", "Torres, 35,", "Nash, vice president").
        if (!last_ends && ne + 1 < tokens.size() && tokens.punct(ne) == L',') {
            const std::size_t a = ne + 1;
            r.evidence = r.evidence || (tokens.word(a) && !tokens.cap(a) && (tokens.kind(a) & (kAppositive | kHead | kRole | kModifier))) ||
                         (tokens.number(a) && !tokens.dot_after(a) && tokens.end(a) - tokens.start(a) <= 3 && ne + 2 < tokens.size() &&
                          tokens.punct(ne + 2) == L',');
        }
        runs.push_back(r);
    }

    // The person a run names: an earlier person whose name has the same
    // surname and contains this one or is contained in it (the latest such),
    // or, for a lone first name ("Jorge said"), an earlier "Jorge Torres".
    std::size_t resolve(const TextLayer& layer, const Tokens& tokens, const Run& r, std::size_t index,
                        std::vector<Person>& persons, std::vector<WordId>& person_words) const {
        // The run's keys, put after the persons' names: they stay there
        // when they become a person's fullest name, else they are taken off.
        const std::size_t size = r.end - r.begin;
        const std::size_t first = person_words.size();
        for (std::size_t t = r.begin; t < r.end; ++t) person_words.push_back(tokens.key(t));
        const WordId* const all = person_words.data();
        const WordId* const words = all + first;
        // The persons read through locals: `persons` is a thread_local's,
        // which the compiler would read again at every step.
        const Person* const ps = persons.data();
        const std::size_t count = persons.size();
        const bool by_first_name = !r.titled || (tokens.kind(r.begin - 1) & kByFirstName);
        std::size_t best = count;
        for (std::size_t p = 0; p < count; ++p) {
            const WordId* const w = all + ps[p].first;
            const std::size_t w_size = ps[p].size;
            const bool same = w[w_size - 1] == words[size - 1] &&
                              (in_order(layer, words, size, w, w_size) || in_order(layer, w, w_size, words, size));
            const bool given = by_first_name && size == 1 && w_size > 1 && w[0] == words[0];
            if ((same || given) && (best == count || ps[p].last_seen > ps[best].last_seen)) best = p;
        }
        if (best == persons.size()) persons.push_back({});
        Person& p = persons[best];
        const std::uint32_t start = tokens.start(r.begin), end = tokens.end(r.end - 1);
        if (size > p.size || (size == p.size && end - start > p.end - p.start)) {
            p.first = static_cast<std::uint32_t>(first);
            p.size = static_cast<std::uint32_t>(size);
            p.start = start;
            p.end = end;
        } else {
            person_words.resize(first);
        }
        p.last_seen = index;
        return best;
    }

    std::vector<unsigned> kinds_;  // Kind bits by WordId
    std::vector<WordId> ids_;      // of, to, according
};

}  // namespace

NEWSLENS_PLUGIN("people", "Named persons, with their title and the fullest form of their name", People);
