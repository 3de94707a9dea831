// Word lists the plugin reasons with (all lower case ASCII). Built once per
// Extractor.
#pragma once

#include <string>
#include <unordered_set>

namespace newslens::quotes {

class Lexicon {
public:
    Lexicon();

    bool abbreviation(const std::wstring& w) const { return abbreviations_.count(w) != 0; }
    // said, told, added, warned, wrote, ...
    bool speech_verb(const std::wstring& w) const { return speech_verbs_.count(w) != 0; }
    // Verbs that report someone else's words: "he said Guaido told him".
    bool relay_verb(const std::wstring& w) const { return relay_verbs_.count(w) != 0; }
    // out/back after "cried"
    bool verb_particle(const std::wstring& w) const { return particles_.count(w) != 0; }
    // Titles and roles written before a name: Sgt, President, Secretary, ...
    bool title(const std::wstring& w) const { return titles_.count(w) != 0; }
    // Mr, Sgt, President: whoever follows is certainly a person.
    bool person_title(const std::wstring& w) const { return person_titles_.count(w) != 0; }
    bool male_title(const std::wstring& w) const { return w == L"mr" || w == L"sir" || w == L"mister"; }
    bool female_title(const std::wstring& w) const { return w == L"mrs" || w == L"ms" || w == L"miss" || w == L"madam"; }
    // Capitalised words that start sentences rather than names: The, On, But, ...
    bool function_word(const std::wstring& w) const { return function_words_.count(w) != 0; }
    bool calendar_word(const std::wstring& w) const { return calendar_words_.count(w) != 0; }
    // Words that make a capitalised run an organisation or a place.
    bool organisation_word(const std::wstring& w) const { return organisation_words_.count(w) != 0; }
    // de, van, bin: lower-case particles inside names.
    bool name_particle(const std::wstring& w) const { return name_particles_.count(w) != 0; }
    bool he(const std::wstring& w) const { return w == L"he"; }
    bool she(const std::wstring& w) const { return w == L"she"; }
    // Segments that open a sentence before its subject: "Meanwhile,", "Asked about X,".
    bool opener(const std::wstring& w) const { return openers_.count(w) != 0; }
    // Words that start an apposition after a subject: "a father of two", "who ...".
    bool apposition_start(const std::wstring& w) const { return apposition_starts_.count(w) != 0; }
    // Words after "said X" that end the speaker: "said Torres on Monday".
    bool subject_stop(const std::wstring& w) const { return subject_stops_.count(w) != 0; }
    // warning, claim, words: "Trump’s warning that ..."
    bool speech_noun(const std::wstring& w) const { return speech_nouns_.count(w) != 0; }
    // Role nouns that, after "the", point back to a person already named.
    bool role_noun(const std::wstring& w) const { return role_nouns_.count(w) != 0; }
    // Occupations written before a name ("farmer Luis Vega", "Aviator star Alan Alda").
    bool occupation(const std::wstring& w) const { return occupations_.count(w) != 0; }
    // Bare plural nouns that speak as a group: "police said", "officials said".
    bool collective_speaker(const std::wstring& w) const { return collective_speakers_.count(w) != 0; }
    bool determiner(const std::wstring& w) const { return w == L"the" || w == L"a" || w == L"an"; }
    bool possessive_pronoun(const std::wstring& w) const { return w == L"his" || w == L"her" || w == L"their"; }

private:
    std::unordered_set<std::wstring> abbreviations_, speech_verbs_, relay_verbs_, particles_, titles_,
        person_titles_, function_words_, calendar_words_, organisation_words_, name_particles_, openers_,
        apposition_starts_, subject_stops_, speech_nouns_, role_nouns_, occupations_, collective_speakers_;
};

}  // namespace newslens::quotes
