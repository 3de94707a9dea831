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
//  1. One pass over the text cuts it into tokens (words, numbers, punctuation)
//     and looks each word up in the word tables built in the constructor.
//  2. The same pass groups capitalised words into runs ("On Saturday Sgt. Jorge
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
#include <string>
#include <unordered_map>
#include <vector>

#include "plugin.h"
#include "regex.h"

namespace {

using newslens::Document;
using newslens::Mention;

// What a word can be; a word may be several things (bit flags).
enum Kind : unsigned {
    kHead = 1u << 0,        // a title: Mr, Sgt, President, Minister
    kRole = 1u << 14,       // a role, a title in lower case or before a full name: leader, spokesman
    kHonorific = 1u << 15,  // a title only when capitalised: Mr, Miss, Sir, General
    kByFirstName = 1u << 16,  // a title used with a first name: Sir Joshua, Prince Charles
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
    kAppositive = 1u << 13  // "Torres, a ...", "Torres, who ..."
};

struct Token {
    std::size_t start = 0, end = 0;  // code points; `end` excludes a possessive ’s
    std::wstring key;                // ASCII lower case, without dot or possessive
    unsigned kind = 0;               // Kind bits of `key`
    bool word = false, number = false;
    bool cap = false;         // starts with a capital (or is al-Assad)
    bool shout = false;       // all capitals: BBC, US, CUCUTA
    bool initial = false;     // W. or J.K.
    bool possessive = false;  // Maduro’s
    bool sentence_start = false;
    bool line_before = false;  // a line break before it: names never run over one
    wchar_t punct = 0;
};

// A capitalised run that may name a person: tokens [title, begin) are its
// title, [begin, end) the name.
struct Run {
    std::size_t title, begin, end;
    bool titled, evidence, place;
    std::wstring text, surname;
    std::size_t person = 0;
};

struct Person {
    std::vector<std::wstring> words;  // the fullest form, word by word
    std::wstring name;                // the same as written
    std::size_t last_seen = 0;        // index of its latest run
};

bool adjective_like(const std::wstring& k) {  // "Fearful", "Smiling": sentence openers, not names
    for (const std::wstring suffix : {L"ful", L"ing", L"ed", L"less", L"ous", L"ly"})
        if (k.size() > suffix.size() + 2 && k.compare(k.size() - suffix.size(), suffix.size(), suffix) == 0)
            return true;
    return false;
}

// Are the words of `small` found in order in `big`? ("George Bush" in "George
// W. Bush", "O Barkley" in "Olly Barkley": an initial matches its word.)
bool in_order(const std::vector<std::wstring>& small, const std::vector<std::wstring>& big) {
    std::size_t j = 0;
    for (std::size_t i = 0; i < big.size() && j < small.size(); ++i) {
        const std::wstring &a = small[j], &b = big[i];
        if (a == b || ((a.size() == 1 || b.size() == 1) && a[0] == b[0])) ++j;
    }
    return j == small.size();
}

class People : public newslens::Extractor {
public:
    People() {
        const std::wstring rest = L"[[:alnum:]]*(?:['’\\-][[:alnum:]]+)*";
        token_re_ = newslens::make_regex(L"((?:[[:upper:]]\\.){2,})|([[:upper:]]" + rest + L")|([[:alpha:]]" + rest +
                                         L")|([[:digit:]]+)|([^[:space:][:alnum:]])");
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
    }

    void extract(const newslens::Context& ctx, std::vector<Mention>& out) const override {
        const newslens::Document& doc = ctx.document();
        const std::vector<Token> tokens = tokenize(doc.wide());
        std::vector<Run> runs;
        std::unordered_map<std::wstring, bool> lower_words;  // words the article writes in lower case
        for (const Token& t : tokens)
            if (t.word && !t.cap) lower_words[t.key] = true;
        std::unordered_map<std::wstring, bool> places;       // names the article uses as places
        for (std::size_t i = 0; i < tokens.size();) {
            if (!tokens[i].cap) { ++i; continue; }
            const std::size_t e = run_end(tokens, i);
            consider(doc.wide(), tokens, i, e, lower_words, places, runs);
            i = e;
        }
        std::unordered_map<std::wstring, bool> alone;
        for (Run& r : runs) {
            if (!r.titled && places.count(r.text)) r.place = true;
            if (r.end - r.begin == 1 && !r.place) alone[r.surname] = true;
        }
        // Surnames of persons established by a title or other evidence (the
        // full name of a person the article also calls by surname is evidence).
        std::unordered_map<std::wstring, bool> established;
        for (Run& r : runs) {
            r.evidence = r.evidence || (r.end - r.begin > 1 && alone.count(r.surname) && !places.count(r.surname));
            if (r.titled || (r.evidence && !r.place)) established[r.surname] = true;
        }
        std::vector<Person> persons;
        std::vector<const Run*> found;
        for (Run& r : runs) {
            if (!(r.titled || (!r.place && (r.evidence || established.count(r.surname))))) continue;
            r.person = resolve(tokens, r, found.size(), persons);
            found.push_back(&r);
        }
        // News introduces a person by full name or title ("Jorge Torres", "Mr
        // Torres"): a lone word that never gets either is an organisation or a
        // place that speaks ("Ofcom said", "Kyiv says").
        std::vector<bool> introduced(persons.size(), false), seen(persons.size(), false);
        for (const Run* r : found)
            introduced[r->person] = introduced[r->person] || r->titled || persons[r->person].words.size() > 1;
        for (const Run* r : found) {
            if (!introduced[r->person]) continue;
            Mention m;
            m.start = tokens[r->begin].start;
            m.end = tokens[r->end - 1].end;
            m.fields["name"] = newslens::to_utf8(persons[r->person].name);
            m.fields["title"] = nullptr;
            if (r->title < r->begin)
                m.fields["title"] = doc.slice(tokens[r->title].start, tokens[r->begin - 1].end);
            m.fields["first"] = !seen[r->person];
            seen[r->person] = true;
            out.push_back(std::move(m));
        }
    }

private:
    void add(unsigned kind, const std::wstring& words) {
        std::size_t from = 0;
        while (from < words.size()) {
            std::size_t space = words.find(L' ', from);
            if (space == std::wstring::npos) space = words.size();
            if (space > from) table_[words.substr(from, space - from)] |= kind;
            from = space + 1;
        }
    }

    unsigned kind_of(const std::wstring& key) const {
        auto it = table_.find(key);
        return it == table_.end() ? 0 : it->second;
    }

    std::vector<Token> tokenize(const std::wstring& text) const {
        std::vector<Token> tokens;
        boost::wsmatch m;
        auto pos = text.cbegin();
        bool line_break = true;
        while (boost::regex_search(pos, text.cend(), m, token_re_)) {
            Token t;
            t.start = static_cast<std::size_t>(m[0].first - text.cbegin());
            t.end = t.start + static_cast<std::size_t>(m.length(0));
            for (auto c = pos; c != m[0].first; ++c) line_break = line_break || *c == L'\n';
            t.line_before = line_break;
            line_break = false;
            const Token* prev = tokens.empty() ? nullptr : &tokens.back();
            t.sentence_start = !prev || t.line_before ||
                               (prev->punct && std::wstring(L".!?:;\"“”‘'(").find(prev->punct) != std::wstring::npos);
            if (m[5].matched) {
                t.punct = text[t.start];
            } else if (m[4].matched) {
                t.number = true;
            } else {
                t.word = true;
                for (wchar_t c : m.str(0)) t.key += (c >= L'A' && c <= L'Z') ? static_cast<wchar_t>(c + 32) : c;
                t.cap = m[1].matched || m[2].matched;
                t.initial = m[1].matched;
                const std::size_t n = t.key.size();
                if (n > 2 && t.key[n - 1] == L's' && (t.key[n - 2] == L'\'' || t.key[n - 2] == L'’')) {
                    t.possessive = true;
                    t.key.resize(n - 2);
                    t.end -= 2;
                }
                // al-Assad, el-Sisi: a name despite the lower-case particle.
                if (!t.cap && n > 3 && t.key[2] == L'-' && (kind_of(t.key.substr(0, 2)) & kParticle) &&
                    text[t.start + 3] >= L'A' && text[t.start + 3] <= L'Z')
                    t.cap = true;
                t.kind = kind_of(t.key);
                bool lower = false;
                for (std::size_t c = t.start; c < t.end; ++c) lower = lower || (text[c] >= L'a' && text[c] <= L'z') || text[c] >= 0xDF;
                t.shout = t.cap && !t.initial && !lower && n > 1;
                if (t.shout && (t.kind & kAbbrev)) t.kind = 0;  // "DR Congo" is no doctor
                // Initials and abbreviations keep their dot: "W.", "Sgt.".
                const bool dot = t.end < text.size() && text[t.end] == L'.' && !t.possessive;
                if (dot && ((t.cap && n == 1) || (t.kind & kAbbrev))) {
                    t.initial = n == 1;
                    ++t.end;
                }
            }
            pos = text.cbegin() + static_cast<std::ptrdiff_t>(std::max(t.end + (t.possessive ? 2 : 0), t.start + 1));
            tokens.push_back(std::move(t));
        }
        return tokens;
    }

    // The end of the capitalised run starting at `b`: capitalised words, with
    // particles between them ("Simon de la Cruz"), up to a possessive or a line break.
    static std::size_t run_end(const std::vector<Token>& tokens, std::size_t b) {
        std::size_t e = b + 1;
        while (e < tokens.size() && !tokens[e - 1].possessive && !tokens[e].line_before) {
            std::size_t j = e;
            while (j < tokens.size() && tokens[j].word && !tokens[j].cap && (tokens[j].kind & kParticle)) ++j;
            if (j < tokens.size() && tokens[j].cap && !tokens[j].line_before) e = j + 1;
            else break;
        }
        return e;
    }

    // Splits the run [b, e) into title and name, weighs the evidence and keeps
    // it in `runs` when it may name a person.
    void consider(const std::wstring& text, const std::vector<Token>& tokens, std::size_t b, std::size_t e,
                  const std::unordered_map<std::wstring, bool>& lower_words,
                  std::unordered_map<std::wstring, bool>& places, std::vector<Run>& runs) const {
        auto has = [&](std::size_t i, unsigned kind) { return i < tokens.size() && (tokens[i].kind & kind); };
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
        while (ne < e && !has(ne, kStop) && !(has(ne, kCalendar) && tokens[ne].key.size() > 3 &&
                                                tokens[ne].key.compare(tokens[ne].key.size() - 3, 3, L"day") == 0))
            ++ne;

        // The title: head words ("Sgt.", "leader") and the modifiers,
        // capitalised words and "of" before them ("US Secretary of State").
        std::size_t title = nb;
        bool head = false;
        for (std::size_t t = nb; t > 0 && nb - t < 7;) {
            const Token& k = tokens[t - 1];
            if (tokens[t].line_before || !k.word || k.possessive) break;
            const bool ordinary = k.sentence_start && !k.shout && lower_words.count(k.key);  // "Meeting"
            // A capitalised role is a title before a full name only ("Director Todd Lyons", not "Star Wars").
            if (((k.kind & kHead) && (k.cap || !(k.kind & kHonorific))) || ((k.kind & kRole) && (!k.cap || ne - nb > 1)))
                head = true;
            else if (k.kind & kModifier) {}
            else if (k.key == L"of" && t < nb && t - 1 > 0 && tokens[t - 2].cap) {}  // not "Prince of Wales"
            else if (!(k.cap && head && !ordinary && k.key.size() > 1 && !(k.kind & (kStop | kCalendar)))) break;
            --t;
            if (head) title = t;
        }
        while (title < nb && tokens[title].key == L"of") ++title;
        const bool titled = title < nb;

        // At a sentence start a capitalised common word may lead the run
        // ("Fearful Jose Gomez said", "Officials said"): drop it when the
        // article also writes it in lower case or it reads as an adjective.
        if (!titled && tokens[nb].sentence_start &&
            (lower_words.count(tokens[nb].key) || adjective_like(tokens[nb].key))) {
            if (++nb == ne) return;
            title = nb;
        }
        // A lone word the article also writes in lower case is a common word
        // ("the General Election"), unless Mr or Sgt. says otherwise ("Mr Flight").
        if (ne - nb == 1 && lower_words.count(tokens[nb].key) && !has(nb - 1, kAbbrev)) return;
        bool word = false;
        for (std::size_t t = nb; t < ne; ++t) {
            if (has(t, kOrg) || tokens[t].shout) return;  // "Tachira River", "BBC"
            word = word || !tokens[t].initial;
        }
        if (!word) return;

        Run r{title, nb, ne, titled, false, false, {}, {}};
        r.text = text.substr(tokens[nb].start, tokens[ne - 1].end - tokens[nb].start);
        r.surname = text.substr(tokens[ne - 1].start, tokens[ne - 1].end - tokens[ne - 1].start);
        const Token& last = tokens[ne - 1];
        // Places: "in Caracas", "Colombia’s border", "New York", "Russia said".
        if ((!titled && ne - nb == 1 && has(title - 1, kPlaceCue)) || (last.possessive && has(ne, kPlaceNoun)))
            places[r.text] = true;
        r.place = has(nb, kPlaceStart) || has(ne - 1, kPlace);  // "New York", "Russia", "Migration Colombia"
        // A speech verb after ("Torres said", "Torres later said", "Theresa May, said")...
        std::size_t v = ne;
        if (!last.possessive) {
            if (title > 0 && tokens[title - 1].punct == L',' && v < tokens.size() && tokens[v].punct == L',') ++v;
            for (int skip = 0; skip < 2 && has(v, kAux) && !tokens[v].cap; ++skip) ++v;
            r.evidence = has(v, kSpeech) && !tokens[v].cap;
        }
        // ...or before ("said Torres", "according to Torres", "the President, Askar Akaev,")...
        if (title > 1) {
            const Token& p = tokens[title - 1];
            r.evidence = r.evidence || ((p.kind & kSpeech) && !p.cap) ||
                         (p.key == L"to" && tokens[title - 2].key == L"according") ||
                         (p.punct == L',' && has(title - 2, kHead | kRole));
        }
        // ...or an appositive ("Torres, a member of", "Torres, who", "Torres, 35,", "Nash, vice president").
        if (!last.possessive && ne + 1 < tokens.size() && tokens[ne].punct == L',') {
            const Token& a = tokens[ne + 1];
            r.evidence = r.evidence || (a.word && !a.cap && (a.kind & (kAppositive | kHead | kRole | kModifier))) ||
                         (a.number && a.end - a.start <= 3 && ne + 2 < tokens.size() && tokens[ne + 2].punct == L',');
        }
        runs.push_back(std::move(r));
    }

    // The person a run names: an earlier person whose name has the same
    // surname and contains this one or is contained in it (the latest such),
    // or, for a lone first name ("Jorge said"), an earlier "Jorge Torres".
    static std::size_t resolve(const std::vector<Token>& tokens, const Run& r, std::size_t index,
                               std::vector<Person>& persons) {
        std::vector<std::wstring> words;
        for (std::size_t t = r.begin; t < r.end; ++t) words.push_back(std::wstring(tokens[t].key));
        std::size_t best = persons.size();
        for (std::size_t p = 0; p < persons.size(); ++p) {
            const std::vector<std::wstring>& w = persons[p].words;
            const bool same = w.back() == words.back() && (in_order(words, w) || in_order(w, words));
            const bool given = (!r.titled || (tokens[r.begin - 1].kind & kByFirstName)) && words.size() == 1 && w.size() > 1 && w.front() == words.front();
            if ((same || given) && (best == persons.size() || persons[p].last_seen > persons[best].last_seen))
                best = p;
        }
        if (best == persons.size()) persons.push_back({});
        Person& p = persons[best];
        if (words.size() > p.words.size() || (words.size() == p.words.size() && r.text.size() > p.name.size())) {
            p.words = words;
            p.name = r.text;
        }
        p.last_seen = index;
        return best;
    }

    boost::wregex token_re_;
    std::unordered_map<std::wstring, unsigned> table_;
};

}  // namespace

NEWSLENS_PLUGIN("people", "Named persons, with their title and the fullest form of their name", People);
