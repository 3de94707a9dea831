#include "names.h"

#include <algorithm>

namespace newslens::quotes {
namespace {

bool all_caps(std::wstring_view w) {
    std::size_t letters = 0;
    for (wchar_t c : w) {
        if (!chars::is_letter(static_cast<char32_t>(c))) continue;
        if (!chars::is_upper(static_cast<char32_t>(c))) return false;
        ++letters;
    }
    return letters >= 2;
}

// all_caps() of word t, the last of a capitalised run: it starts with a
// capital letter, so a lower-case letter after it ("Guaido") answers at once.
bool all_caps_word(const Words& tokens, std::size_t t) {
    const Word& w = tokens[t];
    if (w.end - w.start >= 2) {
        const wchar_t second = tokens.char_at(w.start + 1);
        if (second >= L'a' && second <= L'z') return false;
    }
    return all_caps(tokens.text(t));
}

// Adjective and participle endings: "Fearful", "Smiling", "Frustrated" open
// sentences, they do not start names.
bool adjective_like(std::wstring_view k) {
    for (const std::wstring_view x : {L"ful", L"ing", L"ed", L"less", L"ous", L"ly"})
        if (k.size() > x.size() + 2 && k.compare(k.size() - x.size(), x.size(), x) == 0) return true;
    return false;
}

}  // namespace

bool NameIndex::place_like(const Words& tokens, std::size_t b, std::size_t e, const Lexicon& lex) {
    return e - b >= 2 && (lex.place_start(tokens.key(b)) || lex.place_end(tokens.key(e - 1)));
}

std::size_t word_end(const Words& tokens, std::size_t i, const Lexicon& lex) {
    const Word& w = tokens[i];
    if (!w.abbreviation || tokens.key_text(i).size() == 1 || lex.name_suffix(w.key)) return w.end;
    return w.end - 1;
}

std::size_t name_end(const Words& tokens, std::size_t last, const Lexicon& lex) {
    return tokens.possessive(last) ? tokens[last].end - 2 : word_end(tokens, last, lex);
}

bool compound_title(const Words& tokens, std::size_t i, const Lexicon& lex) {
    // Secretary-General, Vice-President: a title among its parts.
    if (!tokens.hyphenated(i)) return false;  // most compounds are possessives ("Guaido’s")
    const std::wstring_view k = tokens.key_text(i);
    const TextLayer& layer = tokens.layer();
    std::size_t from = 0;
    bool any = false;
    for (std::size_t dash = k.find(L'-'); dash != std::wstring_view::npos; dash = k.find(L'-', from)) {
        any = any || lex.title(layer.find_key(k.substr(from, dash - from)));
        from = dash + 1;
    }
    return any || (from > 0 && lex.title(layer.find_key(k.substr(from))));
}

NameSplit split_trailing_name(const Words& tokens, std::size_t begin, std::size_t end, const Lexicon& lex) {
    NameSplit s;
    std::size_t i = end;
    while (i > begin) {
        const std::size_t t = i - 1;
        if (!tokens.is_word(t)) break;
        const WordId k = tokens.key(t);
        if (tokens.capitalized(t)) {
            if (is_title_token(tokens, t, lex) || lex.function_word(k) || lex.calendar_word(k)) break;
            // "Farmer Luis Vega": an occupation before a full name is a role.
            if (lex.occupation(k) && end - t >= 3) break;
            // A possessive inside the run ends the name: "Venezuela’s Juan" is no name.
            if (tokens.possessive(t) && t != end - 1) break;
            i = t;
            if (tokens.line_break_before(t)) break;
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
        const WordId k = tokens.key(t);
        if (lex.calendar_word(k)) break;
        if (lex.function_word(k) && k != lex.word.of) break;
        if (tokens.possessive(t)) in_possessive = true;
        else if (!tokens.capitalized(t) && !is_title_token(tokens, t, lex) && !lex.occupation(k) && k != lex.word.of &&
                 !in_possessive)
            break;
        r = t;
    }
    while (r < s.name_begin && tokens.key(r) == lex.word.of) ++r;
    s.role_begin = r;
    return s;
}

struct NameIndex::Run {
    std::size_t b, e;  // name tokens
    bool person;
    bool reliable;
    bool titled;
    Gender gender;
    bool subject;            // set for persons; for others when a mention needs it
    bool organisation;
    std::size_t role_begin;  // title and role tokens are [role_begin, b)
    std::size_t first;       // where the capitalised run starts (before openers and titles)
};

// Every document builds one index (two when nested, which then allocate):
// the vectors of the last one are kept, emptied, for the next.
struct NameIndex::Pool {
    SurnameTable surnames;
    std::vector<std::pair<WordId, WordId>> roles;
    std::vector<PersonMention> mentions;
    std::vector<OrgMention> orgs;
    std::vector<std::pair<std::size_t, std::size_t>> quoted;
    std::vector<Run> runs;
    static Pool& of_this_thread() {
        static thread_local Pool pool;
        return pool;
    }
};

template <class T>
static std::vector<T> take_emptied(std::vector<T>& spare) {
    std::vector<T> v = std::move(spare);
    spare = std::vector<T>();
    v.clear();
    return v;
}

NameIndex::~NameIndex() {
    if (!built_) return;  // the pool keeps its storage
    Pool& pool = Pool::of_this_thread();
    surnames_.release_to(pool.surnames);
    pool.roles = std::move(roles_);
    pool.mentions = std::move(mentions_);
    pool.orgs = std::move(orgs_);
    pool.quoted = std::move(quoted_);
    pool.runs = std::move(runs_);
}

NameIndex::NameIndex(const std::wstring& text, const Words& tokens, const Lexicon& lex,
                     const std::vector<QuoteSpan>& quotes, const std::vector<Mention>& people)
    : text_(text), tokens_(tokens), lex_(lex), quotes_(quotes), people_(people) {}

void NameIndex::build() const {
    built_ = true;
    const std::wstring& text = text_;
    const Words& tokens = tokens_;
    const Lexicon& lex = lex_;
    const std::vector<QuoteSpan>& quotes = quotes_;
    Pool& pool = Pool::of_this_thread();
    surnames_.adopt(std::move(pool.surnames));
    roles_ = take_emptied(pool.roles);
    mentions_ = take_emptied(pool.mentions);
    orgs_ = take_emptied(pool.orgs);
    quoted_ = take_emptied(pool.quoted);
    runs_ = take_emptied(pool.runs);
    std::vector<Run>& runs = runs_;
    const std::size_t n = tokens.size();
    runs.reserve(n / 8);  // about one word in ten starts a capitalised run
    quoted_.reserve(quotes.size());
    for (const QuoteSpan& q : quotes)
        if (q.parent == kNone) quoted_.emplace_back(q.open, q.close == kNone ? q.end : q.close + 1);
    for (std::size_t i = 0; i < n;) {
        // Most words open no run: a tight loop finds the next capitalised one.
        i = tokens.next_capitalized(i);
        if (i == n) break;
        // Grow a run of capitalised words (with particles: "Simon de la Cruz"),
        // ending after a possessive ("Maduro’s").
        std::size_t e = i + 1;
        while (e < n && !tokens.possessive(e - 1) && !tokens.line_break_before(e)) {
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
        while (b < e && lex.function_or_calendar(tokens.key(b))) ++b;
        // The name follows the last title ("US Vice President Mike Pence"),
        // and a date after that ends it ("Guaido Saturday"): one pass finds both.
        bool titled = false;
        Gender gender = Gender::Unknown;
        std::size_t cut = e;  // the first date or function word after the last title
        for (std::size_t t = b; t < e; ++t) {
            if (is_title_token(tokens, t, lex)) {
                titled = true;
                const WordId k = tokens.key(t);
                gender = lex.male_title(k) ? Gender::Male : lex.female_title(k) ? Gender::Female : Gender::Unknown;
                b = t + 1;
                cut = e;
            } else if (cut == e && lex.function_or_calendar(tokens.key(t))) {
                cut = t;
            }
        }
        e = cut;
        if (b < e && !tokens.capitalized(b)) ++b;
        if (b < e) {
            // "leader Juan Guaido", "director Christian Kruger": a role word just before.
            if (!titled && b == i && i > 0 && tokens.is_word(i - 1) && !tokens.capitalized(i - 1) &&
                lex.person_title(tokens.key(i - 1)))
                titled = true;
            bool organisation = false;
            for (std::size_t t = b; t < e && !organisation; ++t) {
                const WordId k = tokens.key(t);
                // An acronym ends organisations ("Migration NGO"), not names ("JD Vance").
                if (lex.organisation_word(k) || (t + 1 == e && all_caps_word(tokens, t)) ||
                    chars::is_digit(static_cast<char32_t>(tokens.first_char(t))))
                    organisation = true;
            }
            // A single word next to a speech verb is a speaker: "Kruger said", "said Kruger".
            auto speaks = [&] {
                return (e < n && tokens.is_word(e) && lex.speech_verb(tokens.key(e))) ||
                       (b > 0 && tokens.is_word(b - 1) && lex.speech_verb(tokens.key(b - 1)));
            };
            const bool place = !titled && place_like(tokens, b, e, lex);
            const bool person = !place && (titled || (!organisation && (e - b >= 2 || speaks())));
            // Sentence-initial runs may carry a capitalised non-name word ("Fearful Gomez").
            // Only a person's form reads it.
            const bool sentence_start = person && boundary_before(b);
            // At a sentence start a capitalised common word may lead the run
            // ("Farmer Luis Vega", "Fearful Jose Gomez"): drop it when the
            // article also writes it in lower case or it reads as an adjective.
            if (person && !titled && sentence_start && e - b >= 2) {
                const WordId k = tokens.key(b);
                const bool common = (e - b >= 3 && ((written_lower(k) && !lex.word_like_given_name(k)) || lex.occupation(k))) ||
                                    adjective_like(tokens.key_text(b));
                if (common) ++b;
            }
            Run r{b, e, person, titled || !sentence_start, titled, gender, false, organisation && !place, b, i};
            // Most runs are no person: their role and subject are worked out
            // only if a mention of a known surname needs them (below).
            if (person) {
                r.role_begin = std::min(role_begin_of(i), b);
                r.subject = subject_of(i, e);
            }
            runs.push_back(r);
        }
        i = std::max(run_end, i + 1);
    }

    for (const Run& r : runs) {
        if (!r.person) continue;
        const WordId key = tokens.key(r.e - 1);
        const Form form{tokens[r.b].start, name_end(tokens, r.e - 1, lex), r.e - r.b, r.reliable};
        bool fresh = false;
        Surname& entry = surnames_.insert(key, fresh);
        if (fresh) {
            entry.best = form;
        } else {
            Form& f = entry.best;
            const bool better = form.words > f.words || (form.words == f.words && r.reliable && !f.reliable);
            if (better) f = form;
        }
        if (r.gender != Gender::Unknown) entry.gender = r.gender;
        if (r.titled) entry.titled = true;
    }

    // Gender from the article's own pronouns: "Garcia said he ...", "Jane
    // Sanders told reporters she ...": the first he or she after a
    // person who speaks or opens a sentence, before any other name or the end of
    // the sentence. A surname seen with both stays unknown.
    constexpr std::size_t kPronounReach = 10;
    for (const Run& r : runs) {
        if (!r.person || !r.subject || r.gender != Gender::Unknown) continue;
        Gender g = Gender::Unknown;
        for (std::size_t t = r.e; t < n && t < r.e + kPronounReach; ++t) {
            if (!tokens.is_word(t)) {
                const wchar_t c = text[tokens[t].start];
                if (c == L'.' || c == L'!' || c == L'?' || chars::is_double_quote(static_cast<char32_t>(c))) break;
                continue;
            }
            if (tokens.capitalized(t)) break;
            if (lex.he(tokens.key(t))) { g = Gender::Male; break; }
            if (lex.she(tokens.key(t))) { g = Gender::Female; break; }
        }
        if (g == Gender::Unknown) continue;
        bool fresh = false;
        Surname& entry = surnames_.insert(tokens.key(r.e - 1), fresh);  // a person's: never fresh
        if (!entry.said_seen) {
            entry.said_seen = true;
            entry.said = g;
        } else if (entry.said != g) {
            entry.said = Gender::Unknown;
        }
    }
    surnames_.for_each([](Surname& entry) {
        if (entry.said_seen && entry.said != Gender::Unknown && entry.gender == Gender::Unknown) entry.gender = entry.said;
    });

}

bool NameIndex::boundary_before(std::size_t t) const {  // is a sentence boundary just before token t?
    if (t == 0) return true;
    if (!tokens_.is_word(t - 1)) {
        switch (text_[tokens_[t - 1].start]) {
            case L'.': case L'!': case L'?': case L'"': case L':':
            case 0x201C: case 0x201D:  // “ ”
                return true;
            default:
                break;
        }
    }
    return tokens_.line_break_before(t);
}

// The role: title tokens inside the run and lower-case titles just
// before it ("senior Conservative MP Sir Teddy Taylor"), for the run starting at word `first`.
std::size_t NameIndex::role_begin_of(std::size_t first) const {
    std::size_t role_begin = first;
    while (role_begin > 0 && first - role_begin < 4 && tokens_.is_word(role_begin - 1) &&
           !tokens_.capitalized(role_begin - 1) && is_title_token(tokens_, role_begin - 1, lex_))
        --role_begin;
    return role_begin;
}

// The run [first, e) is the subject of its sentence: nothing but openers, titles and
// determiners before it ("But Mr X", "The president, Y"), or a speech verb after it.
bool NameIndex::subject_of(std::size_t first, std::size_t e) const {
    const std::size_t n = tokens_.size();
    const std::size_t role_begin = role_begin_of(first);
    std::size_t s0 = role_begin;
    while (s0 > 0 && role_begin - s0 < 3 && tokens_.is_word(s0 - 1) &&
           (lex_.opener(tokens_.key(s0 - 1)) || lex_.determiner(tokens_.key(s0 - 1)) || tokens_.capitalized(s0 - 1)))
        --s0;
    bool verb_follows = false;
    for (std::size_t t = e; t < n && t < e + 3 && tokens_.is_word(t) && !tokens_.capitalized(t); ++t)
        if (lex_.speech_verb(tokens_.key(t))) { verb_follows = true; break; }
    return boundary_before(s0) || (s0 > 0 && tokens_.is_punct(s0 - 1, L',')) || verb_follows;
}

void NameIndex::build_roles() const {
    ensure_built();
    roles_built_ = true;
    const std::size_t n = tokens_.size();
    roles_.reserve(runs_.size());  // a role for about one run in three
    for (const Run& r : runs_) {
        if (!r.person) continue;
        const WordId key = tokens_.key(r.e - 1);
        for (std::size_t t = r.role_begin; t < r.b; ++t)
            if (tokens_.is_word(t)) roles_.push_back({key, tokens_.key(t)});
        // An apposition gives roles too: "Juan Guaido, the country’s opposition leader,".
        if (r.e < n && tokens_.is_punct(r.e, L',')) {
            for (std::size_t t = r.e + 1; t < n && t < r.e + 9 && tokens_.is_word(t); ++t) {
                const WordId k = tokens_.key(t);
                if (is_title_token(tokens_, t, lex_) || lex_.role_noun(k) || lex_.occupation(k)) roles_.push_back({key, k});
            }
        }
    }
    std::sort(roles_.begin(), roles_.end());
}

void NameIndex::build_mentions() const {
    ensure_built();
    mentions_built_ = true;
    // Mentions outside quotations, for pronouns. Quotes are sorted by start
    // and top-level ones do not overlap, so one forward pointer suffices.
    std::size_t q = 0;
    mentions_.reserve(runs_.size());
    orgs_.reserve(runs_.size());
    for (const Run& r : runs_) {
        const std::size_t start = tokens_[r.b].start;
        while (q < quotes_.size() && (quotes_[q].parent != kNone || quotes_[q].end <= start)) ++q;
        if (q < quotes_.size() && quotes_[q].start <= start) continue;
        const std::size_t end = name_end(tokens_, r.e - 1, lex_);
        if (r.organisation && !r.person) {
            orgs_.push_back({start, end});
            continue;
        }
        const WordId key = tokens_.key(r.e - 1);
        const Surname* entry = surnames_.find(key);
        if (!entry) continue;
        // A title's gender belongs to this person, not to everyone with the surname (Mrs and Mr Price).
        const Gender g = r.gender != Gender::Unknown ? r.gender : entry->gender;
        const bool subject = r.person ? r.subject : subject_of(r.first, r.e);
        mentions_.push_back({start, word_end(tokens_, r.e - 1, lex_),
                             fullest_of(std::wstring_view(text_).substr(start, end - start), *entry), key, g, subject});
    }
}

void NameIndex::SurnameTable::adopt(SurnameTable&& spare) {
    slots_ = std::move(spare.slots_);  // already emptied by release_to
    used_ = std::move(spare.used_);
    spare.slots_ = std::vector<Slot>();
    spare.used_ = std::vector<std::uint32_t>();
    spare.size_ = 0;
    size_ = 0;
}

void NameIndex::SurnameTable::release_to(SurnameTable& spare) {
    if (slots_.size() < spare.slots_.size()) return;  // keep the larger table
    for (const std::uint32_t s : used_) slots_[s] = Slot{};
    used_.clear();
    spare.slots_ = std::move(slots_);
    spare.used_ = std::move(used_);
    spare.size_ = 0;
}

std::size_t NameIndex::SurnameTable::slot_of(WordId key) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = (key * 0x9E3779B1u) & mask;; s = (s + 1) & mask)
        if (!slots_[s].used || slots_[s].key == key) return s;
}

void NameIndex::SurnameTable::grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : 2 * old.size(), Slot{});
    used_.clear();
    for (Slot& s : old) {
        if (!s.used) continue;
        const std::size_t to = slot_of(s.key);
        slots_[to] = std::move(s);
        used_.push_back(static_cast<std::uint32_t>(to));
    }
}

NameIndex::Surname& NameIndex::SurnameTable::insert(WordId key, bool& fresh) {
    if (2 * (size_ + 1) > slots_.size()) grow();  // at most half full: probes stay short
    Slot& s = slots_[slot_of(key)];
    fresh = !s.used;
    if (fresh) {
        s.used = true;
        s.key = key;
        used_.push_back(static_cast<std::uint32_t>(&s - slots_.data()));
        ++size_;
    }
    return s.value;
}

const NameIndex::Surname* NameIndex::SurnameTable::find(WordId key) const {
    if (slots_.empty()) return nullptr;
    const Slot& s = slots_[slot_of(key)];
    return s.used ? &s.value : nullptr;
}

std::wstring_view NameIndex::fullest(std::wstring_view name, WordId surname) const {
    ensure_built();
    const Surname* entry = surnames_.find(surname);
    return entry ? fullest_of(name, *entry) : name;
}

std::wstring_view NameIndex::fullest_of(std::wstring_view name, const Surname& entry) const {
    // Names are a few characters: a plain loop, not std::count's vector set-up.
    std::size_t words = 1;
    for (const wchar_t c : name) words += c == L' ';
    if (entry.best.words < words) return name;
    // "Lars Berg" is not "Anna Berg": a name with a first name only grows
    // into a form that ends with it.
    const std::wstring_view full = std::wstring_view(text_).substr(entry.best.start, entry.best.end - entry.best.start);
    if (words >= 2 && (full.size() < name.size() || full.compare(full.size() - name.size(), name.size(), name) != 0))
        return name;
    return full;
}

std::wstring_view NameIndex::fullest_at(std::size_t start, std::size_t end, std::wstring_view name, WordId surname) const {
    auto it = std::lower_bound(people_.begin(), people_.end(), end,
                               [](const Mention& m, std::size_t p) { return m.start < p; });
    const std::wstring_view own = fullest(name, surname);
    // The latest person starting before `end` that reaches into [start, end).
    if (it == people_.begin() || (--it)->end <= start) return own;
    const std::wstring_view full = NameStore::of_this_thread().keep_utf8(it->fields.get("name").as_string());
    // Same surname ("Torres" -> "Jorge Torres"); a lone first name ("Richard"
    // -> "Richard Madeley") only when the article has no one of that surname.
    const std::wstring_view last = name.substr(name.find_last_of(L' ') + 1);
    const bool same_surname = full.size() >= last.size() && full.compare(full.size() - last.size(), last.size(), last) == 0;
    return same_surname || own == name ? full : own;
}

// Capitalised at a sentence start, a word the article also writes in lower
// case is a common word, not the first word of a name. Asked a few times per
// article at most, so a scan beats indexing every word up front.
bool NameIndex::written_lower(WordId key) const {
    if (key == kNoWord) return false;
    for (std::size_t i = 0; i < tokens_.size(); ++i)
        if (tokens_.key(i) == key && tokens_.is_word(i) && !tokens_.capitalized(i) &&
            chars::is_letter(static_cast<char32_t>(tokens_.first_char(i))))
            return true;
    return false;
}

Gender NameIndex::gender(WordId surname) const {
    ensure_built();
    const Surname* entry = surnames_.find(surname);
    return entry ? entry->gender : Gender::Unknown;
}

bool NameIndex::is_person(WordId surname) const {
    ensure_built();
    return surnames_.find(surname) != nullptr;
}

bool NameIndex::person_in(std::size_t start, std::size_t end) const {
    auto it = std::lower_bound(people_.begin(), people_.end(), end,
                               [](const Mention& m, std::size_t p) { return m.start < p; });
    return it != people_.begin() && (--it)->end > start;
}

// Code points inside top-level quotations in [from, to): the words of a
// quote do not put its speaker further from the "he said" after it.
std::size_t NameIndex::quoted_between(std::size_t from, std::size_t to) const {
    std::size_t n = 0;
    for (const auto& q : quoted_) {
        if (q.first >= to) break;
        const std::size_t b = std::max(q.first, from), e = std::min(q.second, to);
        if (b < e) n += e - b;
    }
    return n;
}

const PersonMention* NameIndex::last_before(std::size_t pos, Gender wanted, std::size_t floor,
                                            const std::vector<WordId>* skip) const {
    if (!mentions_built_) build_mentions();
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), pos,
                               [](const PersonMention& m, std::size_t p) { return m.start < p; });
    // "he" prefers the subject of a recent sentence over a person merely
    // mentioned since ("Taylor said bringing Lord Archer back ... He said:").
    constexpr std::size_t kSubjectWindow = 300;
    const PersonMention* nearest = nullptr;
    int looked = 0;  // bounded: a long run of the wrong gender gives up
    while (it != mentions_.begin()) {
        --it;
        if (it->start < floor || ++looked > 50) break;
        if (nearest && it->start + kSubjectWindow + quoted_between(it->start, pos) < pos) break;
        // Only someone known as a person by a full name or a title: "he" is not "Russia".
        if (it->name.find(L' ') == std::wstring::npos) {
            const Surname* entry = surnames_.find(it->surname);
            if (!entry || (entry->gender == Gender::Unknown && !entry->titled)) continue;
        }
        if (!(wanted == Gender::Unknown || it->gender == Gender::Unknown || it->gender == wanted)) continue;
        if (skip && std::binary_search(skip->begin(), skip->end(), it->surname)) continue;
        if (it->subject) return &*it;
        if (!nearest) nearest = &*it;
    }
    return nearest;
}

const PersonMention* NameIndex::last_with_role(std::size_t pos, WordId role) const {
    if (!mentions_built_) build_mentions();
    if (!roles_built_) build_roles();
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), pos,
                               [](const PersonMention& m, std::size_t p) { return m.start < p; });
    for (int looked = 0; it != mentions_.begin() && looked < 50; ++looked) {
        --it;
        if (std::binary_search(roles_.begin(), roles_.end(), std::make_pair(it->surname, role))) return &*it;
    }
    return nullptr;
}

const OrgMention* NameIndex::last_org_before(std::size_t pos, std::size_t floor) const {
    if (!mentions_built_) build_mentions();
    auto it = std::lower_bound(orgs_.begin(), orgs_.end(), pos,
                               [](const OrgMention& m, std::size_t p) { return m.start < p; });
    if (it == orgs_.begin()) return nullptr;
    --it;
    return it->start >= floor ? &*it : nullptr;
}

const PersonMention* NameIndex::first_in(std::size_t from, std::size_t to) const {
    if (!mentions_built_) build_mentions();
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), from,
                               [](const PersonMention& m, std::size_t p) { return m.start < p; });
    return it != mentions_.end() && it->start < to ? &*it : nullptr;
}

}  // namespace newslens::quotes
