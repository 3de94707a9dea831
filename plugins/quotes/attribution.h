// Who said a quotation: the attribution written after it ("…," X said),
// before it in the same sentence (X said: "…", X’s warning that "…"), or
// the context (the previous quote of the paragraph, the paragraph before).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon.h"
#include "marks.h"
#include "names.h"
#include "words.h"

namespace newslens::quotes {

struct Speaker {
    std::wstring_view name;  // empty: unknown (a view, as role and verb below)
    std::size_t start = kNone, end = kNone;  // the mention the name comes from
    // Views into the document's text or the vocabulary (or a literal), which
    // outlive every Speaker of an extract() call: no copy, no allocation.
    std::wstring_view role;  // title split off the name; empty: none
    std::wstring_view verb;  // speech verb of the attribution; empty: none
    bool found() const { return !name.empty(); }
};

class Attributor {
public:
    Attributor(const std::wstring& text, const Words& tokens, const Lexicon& lex, const NameIndex& names);

    // The attribution next to `q`: after it within [q.close, after_end), else
    // before it within [before_begin, q.open) (both bounded by the caller).
    Speaker direct(const QuoteSpan& q, std::size_t before_begin, std::size_t after_end);
    // The first person named in the sentence that holds the quote.
    Speaker sentence_person(const QuoteSpan& q, std::size_t before_begin) const;
    // For a quote inside a sentence with no attribution: the sentence's subject.
    Speaker clause_subject(const QuoteSpan& q, std::size_t before_begin);
    // For a quote that opens a sentence: the person the sentence before is about.
    Speaker previous_sentence_subject(const QuoteSpan& q, std::size_t before_begin) const;
    // For a quote inside a sentence: the attribution that ends the sentence
    // after it ("“…” for car sales, NAAMSA said."), within [q.close, after_end).
    Speaker sentence_end(const QuoteSpan& q, std::size_t after_end);
    // No sentence ends in [from, to) but at its last word: "…,” X said. “…".
    bool one_sentence(std::size_t from, std::size_t to) const;
    // For a quote that opens its paragraph: a speaker named in the paragraph before.
    Speaker paragraph_context(const Segment& previous);

    // Reported speech without quotation marks (claims.cpp):
    // the source of the reporting verb at word `verb` whose subject is written
    // in [subject_begin, verb): "Torres said", "Colombian officials also told";
    Speaker reporter(std::size_t subject_begin, std::size_t verb, std::size_t limit) {
        return subject_verb(subject_begin, verb, limit);
    }
    // the source named after a verb or "according to", in [begin, limit): "said Sgt. Jose Gomez, ...".
    Speaker named_after(std::size_t begin, std::size_t limit) { return subject_after_verb(begin, limit); }

private:
    Speaker after_quote(const QuoteSpan& q, std::size_t end);
    Speaker before_quote(std::size_t begin, std::size_t end);
    Speaker speaker_noun(std::size_t tb, std::size_t te) const;
    Speaker according_to(std::size_t tb, std::size_t te, std::size_t anchor);
    // after_intro: also a full name after the words introducing it, not only one opening the sentence.
    Speaker colon_name(std::size_t sb, std::size_t te, bool after_intro) const;
    // Subject and verb: the speaker is the subject, or whoever it reports ("he said Guaido told him").
    Speaker subject_verb(std::size_t subject_begin, std::size_t verb, std::size_t limit);
    Speaker subject(std::size_t tb, std::size_t te, std::size_t anchor);
    Speaker subject_after_verb(std::size_t tb, std::size_t te);
    Speaker apposition_name(std::size_t from, std::size_t te) const;
    Speaker clause_lead(std::size_t tb, std::size_t te);
    Speaker document_author(std::size_t sb, std::size_t noun);
    Speaker relayed(std::size_t after_verb, std::size_t limit, const Speaker& reporter);
    Speaker pronoun(std::size_t anchor, Gender gender) const;
    Speaker group_pronoun(std::size_t anchor) const;
    Speaker mention_speaker(const PersonMention& m) const;
    Speaker name_from(std::size_t nb, std::size_t ne, std::size_t rb) const;
    std::size_t sentence_start(std::size_t tb, std::size_t te) const;
    // Token of the ")" closing the "(" at `open`, before `limit`; kNone if none.
    std::size_t closing_bracket(std::size_t open, std::size_t limit) const;
    std::size_t affiliation_at(std::size_t tb, std::size_t te) const;
    std::size_t cut_affiliation(std::size_t tb, std::size_t te) const;
    bool person_part(std::size_t tb, std::size_t te) const;
    bool person_name(std::size_t tb, std::size_t te) const;
    bool speech_verb_at(std::size_t i) const;
    std::wstring_view span(std::size_t tb, std::size_t te) const;  // the text of words [tb, te)
    // tokens_.first_at(pos). Each quote asks about the same few positions
    // (its marks, its window's ends) many times: a small cache of answers
    // saves most binary searches.
    std::size_t first_at(std::size_t pos) const {
        std::pair<std::size_t, std::size_t>& slot = first_at_cache_[(pos * 0x9E3779B1u) % first_at_cache_.size()];
        if (slot.first != pos) slot = {pos, tokens_.first_at(pos)};
        return slot.second;
    }
    mutable std::array<std::pair<std::size_t, std::size_t>, 16> first_at_cache_;

    const std::wstring& text_;
    const Words& tokens_;
    const Lexicon& lex_;
    const NameIndex& names_;
    // Unnamed speakers ("the female soldier") a later "she said" may mean.
    std::vector<Speaker> described_;
    Speaker document_author_;  // the writer of the last document that spoke ("An IAAF statement said")
    // subject()'s comma-separated parts, kept to reuse their storage (subject() never re-enters itself).
    std::vector<std::pair<std::size_t, std::size_t>> subject_parts_;
    void enter_quote(const QuoteSpan& q);
    // Keys of the capitalised words of the quote being attributed, sorted.
    // Only "he said" reads them, so they are gathered on its first ask.
    const std::vector<WordId>& named_in_quote() const;
    std::size_t quote_start_ = 0, quote_end_ = 0;  // the quote being attributed
    mutable std::vector<WordId> named_in_quote_;
    mutable bool named_in_quote_ready_ = true;
};

}  // namespace newslens::quotes
