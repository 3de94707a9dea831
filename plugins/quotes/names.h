// People (and organisations) named in a document: runs of capitalised words,
// titles split off, the fullest form the article uses for each surname, and
// where each person is mentioned (for "he said").
#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lexicon.h"
#include "plugin.h"
#include "marks.h"
#include "words.h"

namespace newslens::quotes {

enum class Gender { Unknown, Male, Female };

struct PersonMention {
    std::size_t start = 0, end = 0;  // the name as written here ("Torres")
    std::wstring_view name;          // fullest form ("Jorge Torres"), a part of the text
    WordId surname = kNoWord;        // key of its last word ("torres")
    Gender gender = Gender::Unknown;
    bool subject = false;  // opens its sentence or speaks ("Torres said"): a likely antecedent of "he"
};

// An organisation (or other non-person name) mentioned outside quotations:
// the antecedent of "it said" / "they said".
struct OrgMention {
    std::size_t start = 0, end = 0;
};

// A name at the end of a token range, with the title or role written before it.
struct NameSplit {
    std::size_t name_begin = 0, name_end = 0;  // token indices; empty when there is no name
    std::size_t role_begin = 0;                // role tokens are [role_begin, name_begin)
    bool empty() const { return name_begin == name_end; }
};

// Where word i ends as part of a name: an abbreviation dot belongs to an
// initial ("George W.") or a suffix ("Jr.", "Inc."); after another word
// ("Norbert Ore.", "PC Pro.") it ends the sentence.
std::size_t word_end(const Words& tokens, std::size_t i, const Lexicon& lex);
// The same without a possessive ’s: where the name ending with word `last` ends.
std::size_t name_end(const Words& tokens, std::size_t last, const Lexicon& lex);
// Splits "US Secretary of State Mike Pompeo" into role and name tokens.
NameSplit split_trailing_name(const Words& tokens, std::size_t begin, std::size_t end, const Lexicon& lex);
// Word i (of three tokens or more) is a compound with a title among its parts.
bool compound_title(const Words& tokens, std::size_t i, const Lexicon& lex);
// True for Secretary, Sgt., Secretary-General, ... Asked of every word of
// every capitalised run, so the common answers are inline.
inline bool is_title_token(const Words& tokens, std::size_t i, const Lexicon& lex) {
    if (!tokens.is_word(i)) return false;
    if (lex.title(tokens.key(i))) return true;
    if (tokens[i].last - tokens[i].first < 3) return false;  // one token: no parts
    return compound_title(tokens, i, lex);
}

// Names that are no part of the text (the people plugin's fullest forms,
// "the company's spokesman" put together), kept until the next document so
// that a Speaker holds every name as a view. One per thread: extract() runs
// on several threads at once and empties it when it starts a document; the
// strings keep their storage from one document to the next.
class NameStore {
public:
    static NameStore& of_this_thread() {
        static thread_local NameStore store;
        return store;
    }
    void clear() { used_ = 0; }
    std::wstring_view keep(std::wstring_view a, std::wstring_view b = {}, std::wstring_view c = {}) {
        std::wstring& s = next();
        s.assign(a);
        s.append(b);
        s.append(c);
        return s;
    }
    // The wide text of a UTF-8 name: printable ASCII is widened byte by byte,
    // anything else goes through to_wide (the same text).
    std::wstring_view keep_utf8(std::string_view utf8) {
        std::wstring& s = next();
        s.resize(utf8.size());
        for (std::size_t i = 0; i < utf8.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(utf8[i]);
            if (c < 0x20 || c >= 0x7F) {
                s = to_wide(utf8);
                break;
            }
            s[i] = static_cast<wchar_t>(c);
        }
        return s;
    }

private:
    std::wstring& next() {
        if (used_ == names_.size()) names_.emplace_back();  // a deque: earlier names stay where they are
        return names_[used_++];
    }
    std::deque<std::wstring> names_;
    std::size_t used_ = 0;
};

class NameIndex {
public:
    // `quotes` are excluded from person mentions: names inside a quotation
    // are talked about, not talking. Every argument is read when the index
    // is first asked something (it is built then), so must outlive it.
    // `people` are the mentions of the people plugin (plugins/people), sorted by start.
    NameIndex(const std::wstring& text, const Words& tokens, const Lexicon& lex, const std::vector<QuoteSpan>& quotes,
              const std::vector<Mention>& people);
    // The tables' storage goes back to this thread's pool, for the next document.
    ~NameIndex();
    NameIndex(const NameIndex&) = delete;
    NameIndex& operator=(const NameIndex&) = delete;

    // The fullest form of a name (as written, its last word's key `surname`)
    // that shares its surname: "Torres" -> "Jorge Torres".
    // Both are parts of the text.
    std::wstring_view fullest(std::wstring_view name, WordId surname) const;
    // The fullest name of the person written at [start, end): the people
    // plugin's name for a person it found there, else fullest(name, surname).
    // A view of the text, or of a name in NameStore::of_this_thread().
    std::wstring_view fullest_at(std::size_t start, std::size_t end, std::wstring_view name, WordId surname) const;
    Gender gender(WordId surname) const;
    bool is_person(WordId surname) const;
    // The article writes this word in lower case somewhere (a common word).
    bool written_lower(WordId key) const;
    // The people plugin found a person overlapping [start, end).
    bool person_in(std::size_t start, std::size_t end) const;
    // The person mentioned last before `pos` (not before `floor`) whose gender does not clash.
    // Not someone whose surname is in `skip` (sorted keys), when given.
    const PersonMention* last_before(std::size_t pos, Gender wanted, std::size_t floor = 0,
                                     const std::vector<WordId>* skip = nullptr) const;
    // The first person mentioned in [from, to).
    const PersonMention* first_in(std::size_t from, std::size_t to) const;
    // The person mentioned last before `pos` whose title or role includes
    // `role` ("the president" -> "President Saakashvili").
    const PersonMention* last_with_role(std::size_t pos, WordId role) const;
    // The organisation mentioned last before `pos`, not before `floor`.
    const OrgMention* last_org_before(std::size_t pos, std::size_t floor) const;
    // Place names ("Los Angeles", "Sri Lanka") are not people.
    static bool place_like(const Words& tokens, std::size_t b, std::size_t e, const Lexicon& lex);

private:
    struct Form {
        std::size_t start = 0, end = 0;  // where the form is written
        std::size_t words = 0;
        bool reliable = false;  // titled or not sentence-initial (so not "Yesterday Torres")
    };

    // What the article says of one surname. Every surname in the table is
    // a person's (it has a fullest form).
    struct Surname {
        Form best;                        // the fullest form
        Gender gender = Gender::Unknown;  // from Mr / Mrs, else from "he" / "she" after it
        Gender said = Gender::Unknown;    // from pronouns; Unknown after both were seen
        bool said_seen = false;           // a pronoun gave a gender
        bool titled = false;              // seen after a title ("Mr Guaido")
    };
    // Surnames by key, open addressing: a few dozen per article, asked for
    // by every attribution, so one flat probe beats node-based hash maps.
    class SurnameTable {
    public:
        Surname& insert(WordId key, bool& fresh);
        const Surname* find(WordId key) const;
        // Takes (gives back) the slots of an earlier document's table, emptied:
        // a table per document without an allocation per document.
        void adopt(SurnameTable&& spare);
        void release_to(SurnameTable& spare);
        template <class F>
        void for_each(F f) {
            for (const std::uint32_t s : used_) f(slots_[s].value);
        }

    private:
        struct Slot {
            WordId key = kNoWord;
            bool used = false;
            Surname value;
        };
        std::size_t slot_of(WordId key) const;  // the key's slot, or the free one where it would go
        void grow();
        std::vector<Slot> slots_;
        // The slots in use: for_each and emptying the table visit these, not every slot.
        std::vector<std::uint32_t> used_;
        std::size_t size_ = 0;
    };

    struct Pool;  // storage kept per thread between documents (names.cpp)

    // fullest() for a surname already looked up.
    std::wstring_view fullest_of(std::wstring_view name, const Surname& entry) const;

    struct Run;  // a capitalised run of words (names.cpp)

    // Sentence structure around the runs (for build() and build_mentions()).
    bool boundary_before(std::size_t t) const;
    std::size_t role_begin_of(std::size_t first) const;
    bool subject_of(std::size_t first, std::size_t e) const;
    // The index is built on first use, and of its parts the mentions and
    // organisations, and the roles, on their own first use: of the 400 BBC
    // sample articles 29 ask nothing, 172 never ask for a mention and 312
    // never for a role. Hence the mutable tables: every query is const.
    void build() const;
    void ensure_built() const {
        if (!built_) build();
    }
    void build_mentions() const;
    void build_roles() const;

    const std::wstring& text_;
    const Words& tokens_;
    const Lexicon& lex_;
    const std::vector<QuoteSpan>& quotes_;
    mutable bool built_ = false;
    mutable SurnameTable surnames_;
    // (surname, title or role word written before it: "president", "coach"), sorted
    mutable std::vector<std::pair<WordId, WordId>> roles_;
    mutable std::vector<PersonMention> mentions_;      // in text order
    mutable std::vector<OrgMention> orgs_;             // in text order
    mutable bool mentions_built_ = false, roles_built_ = false;
    const std::vector<Mention>& people_;
    mutable std::vector<std::pair<std::size_t, std::size_t>> quoted_;  // top-level quotations, marks included, by start
    mutable std::vector<Run> runs_;  // in text order
    std::size_t quoted_between(std::size_t from, std::size_t to) const;
};

}  // namespace newslens::quotes
