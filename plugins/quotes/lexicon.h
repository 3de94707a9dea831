// Word lists the plugin reasons with, interned once per Extractor: every
// look-up compares the WordId the text layer gave a word (core/text.h).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "text.h"
#include "vocabulary.h"

namespace newslens::quotes {

class Lexicon {
public:
    Lexicon();

    // said, told, added, warned, wrote, ...
    bool speech_verb(WordId w) const { return has(w, kSpeechVerb); }
    // Verbs that report someone else's words: "he said Guaido told him".
    bool relay_verb(WordId w) const { return has(w, kRelayVerb); }
    // went, chimed, pointed: speech verbs with a particle after them (speech_particle).
    bool phrasal_speech_verb(WordId w) const { return has(w, kPhrasalSpeechVerb); }
    bool speech_particle(WordId w) const { return has(w, kSpeechParticle); }
    // out/back after "cried"
    bool verb_particle(WordId w) const { return has(w, kVerbParticle); }
    // Titles and roles written before a name: Sgt, President, Secretary, ...
    bool title(WordId w) const { return has(w, kTitle); }
    // Mr, Sgt, President: whoever follows is certainly a person.
    bool person_title(WordId w) const { return has(w, kPersonTitle); }
    bool male_title(WordId w) const { return has(w, kMaleTitle); }
    bool female_title(WordId w) const { return has(w, kFemaleTitle); }
    // Capitalised words that start sentences rather than names: The, On, But, ...
    bool function_word(WordId w) const { return has(w, kFunctionWord); }
    bool calendar_word(WordId w) const { return has(w, kCalendarWord); }
    // function_word() or calendar_word(), in one look-up.
    bool function_or_calendar(WordId w) const { return has(w, kFunctionWord | kCalendarWord); }
    // Words that make a capitalised run an organisation or a place.
    bool organisation_word(WordId w) const { return has(w, kOrganisationWord); }
    // de, van, bin: lower-case particles inside names.
    bool name_particle(WordId w) const { return has(w, kNameParticle); }
    bool he(WordId w) const { return w == word.he; }
    bool she(WordId w) const { return w == word.she; }
    // Segments that open a sentence before its subject: "Meanwhile,", "Asked about X,".
    bool opener(WordId w) const { return has(w, kOpener); }
    // Words that start an apposition after a subject: "a father of two", "who ...".
    bool apposition_start(WordId w) const { return has(w, kAppositionStart); }
    // Words after "said X" that end the speaker: "said Torres on Monday".
    bool subject_stop(WordId w) const { return has(w, kSubjectStop); }
    // warning, claim, words: "Trump’s warning that ..."
    bool speech_noun(WordId w) const { return has(w, kSpeechNoun); }
    // Role nouns that, after "the", point back to a person already named.
    bool role_noun(WordId w) const { return has(w, kRoleNoun); }
    // Occupations written before a name ("farmer Luis Vega", "Aviator star Alan Alda").
    bool occupation(WordId w) const { return has(w, kOccupation); }
    // Bare plural nouns that speak as a group: "police said", "officials said".
    bool collective_speaker(WordId w) const { return has(w, kCollectiveSpeaker); }
    bool determiner(WordId w) const { return w == word.the || w == word.a || w == word.an; }
    bool possessive_pronoun(WordId w) const { return has(w, kPossessivePronoun); }
    // Words between a subject and its verb: "X also said", "X has told".
    bool pre_verb_word(WordId w) const { return has(w, kPreVerbWord); }
    // Subjects that are nobody: "it", "this", "which", "I".
    bool not_speaker(WordId w) const { return has(w, kNotSpeaker); }
    // Words before a quoted title: called, dubbed, entitled.
    bool naming_word(WordId w) const { return has(w, kNamingWord); }
    // Nouns and prepositions before a title in Title Case: the film “…”, on “…”.
    bool work_noun(WordId w) const { return has(w, kWorkNoun); }
    // Given names that are also common words ("will", "mark"): a lower-case
    // "will" elsewhere says nothing about "Will Smith".
    bool word_like_given_name(WordId w) const { return has(w, kWordLikeGivenName); }
    // First words of multi-word place names: New, Los, San, Sri.
    bool place_start(WordId w) const { return has(w, kPlaceStart); }
    // Last words of multi-word places that look like a first name and a surname: Lanka, Angeles.
    bool place_end(WordId w) const { return has(w, kPlaceEnd); }
    // Auxiliaries that make "it ... predicted" a passive, not an attribution.
    bool auxiliary(WordId w) const { return has(w, kAuxiliary); }
    // Abbreviations that end names and keep their dot: "Hank Williams Jr.", "Apple Inc.".
    bool name_suffix(WordId w) const { return has(w, kNameSuffix); }
    // Conjunctions that lead a subject rather than open a sentence: "And Moya, nicknamed Charly, admitted".
    bool conjunction(WordId w) const { return has(w, kConjunction); }
    // What people write, as the subject of "said": "Mr Tanzi's statement said", "the suit added".
    bool document_noun(WordId w) const { return has(w, kDocumentNoun); }
    // Prepositions that make a comma part a role: "Tim Crawford, Group Economist at Halifax,".
    bool role_preposition(WordId w) const { return has(w, kRolePreposition); }

    // Single words the rules name.
    struct Words {
        WordId the, a, an, he, she, it, they, we, one, that, of, to, according, which, whom, as;
    } word{};

private:
    enum Flag : std::uint64_t {
        kSpeechVerb = 1u << 0, kRelayVerb = 1u << 1, kVerbParticle = 1u << 2, kTitle = 1u << 3,
        kPersonTitle = 1u << 4, kMaleTitle = 1u << 5, kFemaleTitle = 1u << 6, kFunctionWord = 1u << 7,
        kCalendarWord = 1u << 8, kOrganisationWord = 1u << 9, kNameParticle = 1u << 10, kOpener = 1u << 11,
        kAppositionStart = 1u << 12, kSubjectStop = 1u << 13, kSpeechNoun = 1u << 14, kRoleNoun = 1u << 15,
        kOccupation = 1u << 16, kCollectiveSpeaker = 1u << 17, kPossessivePronoun = 1u << 18,
        kPreVerbWord = 1u << 19, kNotSpeaker = 1u << 20, kNamingWord = 1u << 21, kWordLikeGivenName = 1u << 22,
        kPlaceStart = 1u << 23, kPlaceEnd = 1u << 24, kWorkNoun = 1u << 25, kAuxiliary = 1u << 26,
        kConjunction = 1u << 27, kRolePreposition = 1u << 28, kNameSuffix = 1u << 29,
        kPhrasalSpeechVerb = 1u << 30, kSpeechParticle = 1u << 31, kDocumentNoun = 1ull << 32,
    };
    void add(std::uint64_t flags, std::initializer_list<const wchar_t*> words);
    // Asked millions of times per corpus: the bound is a member of its own
    // rather than the vector's size, which costs a subtraction and a shift.
    bool has(WordId w, std::uint64_t flag) const { return w < size_ && (flags_[w] & flag); }

    std::vector<std::uint64_t> flags_;  // Flag bits by WordId
    WordId size_ = 0;                   // flags_.size()
};

}  // namespace newslens::quotes
