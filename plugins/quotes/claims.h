// Reported speech outside quotation marks, for the numbers plugin's claims
// (../shared/eval/GUIDELINES.md, "Number claims"): "X said (that) ...",
// "..., X said Monday.", "..., said X.", "according to X", "X says ..."
// headlines, and "a study found". Each attribution covers its sentence, or
// only its clause when it sits in a subordinate or relative one ("When Guaido
// announced ...,", "the 15 percent that some surveys had predicted").
// The source is resolved by the quotes plugin's Attributor, as a quote's
// speaker is; quotes.cpp publishes the claims as annotations.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "attribution.h"
#include "marks.h"
#include "names.h"
#include "words.h"

namespace newslens::quotes {

// The words the claim rules name, interned once per extractor.
class ClaimLexicon {
public:
    ClaimLexicon();
    // say, tell, add, report, announce, estimate, state, claim, confirm, predict, warn (finite forms)
    bool claim_verb(WordId w) const { return has(w, kClaimVerb); }
    // find, show, suggest: attributions only when a study, survey or report is their subject
    bool evidence_verb(WordId w) const { return has(w, kEvidenceVerb); }
    bool evidence_noun(WordId w) const { return has(w, kEvidenceNoun); }
    bool tell_verb(WordId w) const { return has(w, kTellVerb); }
    // is, was, been: before a participle, an agentless passive ("were reported")
    bool be(WordId w) const { return has(w, kBe); }
    // when, as, after, which, that: a clause of its own, covered alone
    bool subordinator(WordId w) const { return has(w, kSubordinator); }
    bool weekday(WordId w) const { return has(w, kWeekday); }
    bool month(WordId w) const { return has(w, kMonth); }
    bool relative_day(WordId w) const { return has(w, kRelativeDay); }  // yesterday, today, tonight
    bool time_noun(WordId w) const { return has(w, kTimeNoun); }        // week, month, year, weekend
    bool day_part(WordId w) const { return has(w, kDayPart); }          // morning, evening
    bool time_modifier(WordId w) const { return has(w, kTimeModifier); } // on, last, this, earlier
    bool release_noun(WordId w) const { return has(w, kReleaseNoun); }  // statement, release, interview
    bool audience(WordId w) const { return has(w, kAudience); }         // reporters, journalists
    bool have(WordId w) const { return has(w, kHave); }                 // have, has, had
    bool number_word(WordId w) const { return has(w, kNumberWord); }
    bool first_person(WordId w) const { return has(w, kFirstPerson); }  // I, I'd, we, you
    bool number_word_text(std::wstring_view w) const { return number_word(Vocabulary::global().find(w)); }
    // A reporting or evidence verb, or "according": where an attribution may be.
    bool cue(WordId w) const { return has(w, kClaimVerb | kEvidenceVerb | kAccording); }
    // The first word of [from, to) that is a cue(), else `to`; whether
    // [from, to) holds a figure (digits or a number word: "2,400", "two",
    // "twenty-five"). Scans of whole sentences, on local copies of the arrays.
    std::size_t first_cue(const Words& words, std::size_t from, std::size_t to) const;
    bool figure_in(const Words& words, std::size_t from, std::size_t to) const;
    // add, claim: reporting only before a clause ("added that", "claimed it had")
    bool needs_clause(WordId w) const { return has(w, kNeedsClause); }
    // of, en, for, des: lower-case words inside an organisation's name ("Bank of England", "CNN en Español")
    bool name_link(WordId w) const { return has(w, kNameLink); }
    WordId according = kNoWord, to = kNoWord, and_ = kNoWord, in = kNoWord, by = kNoWord, its = kNoWord;

private:
    enum Flag : std::uint32_t {
        kClaimVerb = 1u << 0, kEvidenceVerb = 1u << 1, kEvidenceNoun = 1u << 2, kTellVerb = 1u << 3, kBe = 1u << 4,
        kSubordinator = 1u << 5, kWeekday = 1u << 6, kMonth = 1u << 7, kRelativeDay = 1u << 8, kTimeNoun = 1u << 9,
        kDayPart = 1u << 10, kTimeModifier = 1u << 11, kReleaseNoun = 1u << 12, kAudience = 1u << 13, kHave = 1u << 14,
        kNeedsClause = 1u << 15, kAccording = 1u << 16, kNumberWord = 1u << 17, kFirstPerson = 1u << 18, kNameLink = 1u << 19,
    };
    void add(std::uint32_t flags, std::initializer_list<const wchar_t*> words);
    // The bound is a member of its own, as in Lexicon::has.
    bool has(WordId w, std::uint32_t flag) const { return w < size_ && (flags_[w] & flag); }
    std::vector<std::uint32_t> flags_;
    WordId size_ = 0;  // flags_.size()
};

struct Claim {
    std::size_t scope_start = 0, scope_end = 0;  // the text the attribution covers (code points)
    std::size_t cue_start = 0, cue_end = 0;      // its own words: numbers there are no claims
    Speaker source;
    std::size_t said_start = kNone, said_end = kNone;  // its time expression ("on Tuesday")
    // The attribution is the tag of this quotation (index into the quotes), or kNone.
    std::size_t quote = kNone;
};

// Whether [start, end) holds a figure (digits or a number word): only those
// need an attribution.
bool holds_figure(const Words& words, const ClaimLexicon& cl, std::size_t start, std::size_t end);

// The attributions of every sentence that holds a figure, in text order. `attributor` should be
// one of its own: resolving subjects remembers descriptions for "he said".
std::vector<Claim> find_claims(const TextLayer& layer, const Words& words, const Lexicon& lex, const ClaimLexicon& cl,
                               Attributor& attributor, const NameIndex& names, const std::vector<QuoteSpan>& quotes);

}  // namespace newslens::quotes
