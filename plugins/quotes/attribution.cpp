#include "attribution.h"

#include <algorithm>

namespace newslens::quotes {
namespace {

// A speaker known by name and the span of the mention it comes from.
Speaker speaker_at(std::wstring_view name, std::size_t start, std::size_t end) {
    Speaker s;
    s.name = name;
    s.start = start;
    s.end = end;
    return s;
}

constexpr std::size_t kMaxSentenceTokens = 80;  // look-back for the start of a sentence
constexpr std::size_t kMaxVerbDistance = 20;    // "…," Glenn Maguire, chief economist at X, told: subject length
constexpr std::size_t kMaxSubjectAfterVerb = 8; // "said Sgt. Jose Gomez, ..."
constexpr std::size_t kMaxDescriptionWords = 6; // "the female soldier"
constexpr std::size_t kMaxSentenceSubjectTokens = 6;
constexpr std::size_t kMaxPronounBeforeQuote = 3;  // "which she described as “…”"
constexpr std::size_t kMaxOpenerTokens = 30;       // "Shortly after collecting a trophy, a car and ...,"  // "Opposition leader Juan Guaido -- who ..."

// American, Spaniard, Briton, Frenchman, Israeli, Japanese, Scot.
bool demonym_like(std::wstring_view k) {
    auto ends = [&](std::wstring_view x) {
        return k.size() > x.size() + 1 && k.compare(k.size() - x.size(), x.size(), x) == 0;
    };
    return ends(L"an") || ends(L"ard") || ends(L"ese") || ends(L"man") || ends(L"woman") || ends(L"on") ||
           (k.size() >= 5 && ends(L"i")) || ends(L"ish") || k == L"scot" || k == L"swiss" || k == L"dane" || k == L"swede" ||
           k == L"pole" || k == L"finn" || k == L"czech" || k == L"greek" || k == L"thai" || k == L"kiwi";
}

bool ends_with_ly(std::wstring_view w) { return w.size() > 4 && w.substr(w.size() - 2) == L"ly"; }

}  // namespace

Attributor::Attributor(const std::wstring& text, const Words& tokens, const Lexicon& lex, const NameIndex& names)
    : text_(text), tokens_(tokens), lex_(lex), names_(names) {
    first_at_cache_.fill({kNone, 0});  // kNone is no position
}

std::wstring_view Attributor::span(std::size_t tb, std::size_t te) const {
    return std::wstring_view(text_).substr(tokens_[tb].start, tokens_[te - 1].end - tokens_[tb].start);
}

bool Attributor::speech_verb_at(std::size_t i) const {
    if (!tokens_.is_word(i) || tokens_.capitalized(i)) return false;
    // After a possessive or an article it is a noun: "Trump's remarks", "the reports".
    if (i > 0 && tokens_.is_word(i - 1) &&
        (tokens_.possessive(i - 1) || lex_.determiner(tokens_.key(i - 1)) || lex_.possessive_pronoun(tokens_.key(i - 1))))
        return false;
    if (lex_.speech_verb(tokens_.key(i))) return true;
    // "went on", "chimed in", "pointed out": speech only with their particle.
    return lex_.phrasal_speech_verb(tokens_.key(i)) && i + 1 < tokens_.size() && tokens_.is_word(i + 1) &&
           lex_.speech_particle(tokens_.key(i + 1));
}

std::size_t Attributor::sentence_start(std::size_t tb, std::size_t te) const {
    for (std::size_t i = te; i > tb; --i) {
        if (te - i >= kMaxSentenceTokens) return i;
        // "Rep. Jane Doe (D-Md.) said": a dot before a closing bracket ends no sentence.
        // Nor before a comma: "Sen. Ron Johnson, R-Wis., said".
        if (i < tokens_.size() && (tokens_.is_punct(i, L')') || tokens_.is_punct(i, L','))) continue;
        if (tokens_.is_punct(i - 1, L'.') || tokens_.is_punct(i - 1, L'!') || tokens_.is_punct(i - 1, L'?')) return i;
    }
    return tb;
}

// Capitalised words inside the quote: a person it names in the third
// person ("Senator Sanders's message") is talked about, not talking.
void Attributor::enter_quote(const QuoteSpan& q) {
    quote_start_ = q.start;
    quote_end_ = q.end;
    named_in_quote_ready_ = false;
}

const std::vector<WordId>& Attributor::named_in_quote() const {
    if (named_in_quote_ready_) return named_in_quote_;
    named_in_quote_ready_ = true;
    named_in_quote_.clear();
    for (std::size_t i = first_at(quote_start_); i < tokens_.size() && tokens_[i].start < quote_end_; ++i)
        if (tokens_.capitalized(i)) named_in_quote_.push_back(tokens_.key(i));
    std::sort(named_in_quote_.begin(), named_in_quote_.end());
    return named_in_quote_;
}

Speaker Attributor::direct(const QuoteSpan& q, std::size_t before_begin, std::size_t after_end) {
    enter_quote(q);
    if (q.close != kNone) {
        Speaker s = after_quote(q, after_end);
        if (s.found()) return s;
    }
    return before_quote(before_begin, q.open);
}

Speaker Attributor::after_quote(const QuoteSpan& q, std::size_t end) {
    const std::size_t te = first_at(end);
    std::size_t i = first_at(q.close + 1);
    // "…,” he said" / "…” — said X": skip the comma or dash; a full stop means a new sentence.
    bool punctuated = false;
    for (int skipped = 0; i < te && !tokens_.is_word(i) && skipped < 2; ++skipped, ++i) {
        const wchar_t c = text_[tokens_[i].start];
        if (c != L',' && !chars::is_dash(static_cast<char32_t>(c))) return {};
        punctuated = true;
    }
    if (i >= te || !tokens_.is_word(i)) return {};
    // A quote with no punctuation at its end or after it is part of a
    // running sentence (over a "politically motivated" tax claims): only
    // "said X" or "he said" directly after it attribute it.
    const wchar_t last_char = text_[q.end - 1];
    static constexpr std::wstring_view kClosingPunctuation = L",.!?…;:-–—";
    if (!punctuated && kClosingPunctuation.find(last_char) == std::wstring_view::npos) {
        const bool pronoun_verb = i + 1 < te && (lex_.he(tokens_.key(i)) || lex_.she(tokens_.key(i))) &&
                                  speech_verb_at(i + 1);
        if (!speech_verb_at(i) && !pronoun_verb) return {};
    }
    if (tokens_.key(i) == lex_.word.according && i + 1 < te && tokens_.key(i + 1) == lex_.word.to) {
        Speaker s = subject_after_verb(i + 2, te);
        if (s.found()) s.verb = L"according to";
        return s;
    }
    std::size_t v = i;
    if (ends_with_ly(tokens_.text(v)) && v + 1 < te && speech_verb_at(v + 1)) ++v;  // "…," quietly said X
    if (speech_verb_at(v)) {
        Speaker s = subject_after_verb(v + 1, te);
        if (s.found()) s.verb = tokens_.key_text(v);
        return s;
    }
    // Subject then verb: "…," Sgt. Jorge Torres said.
    const wchar_t last = text_[q.end - 1];
    const bool quote_ends_sentence = last == L'.' || last == 0x2026;
    for (v = i; v < te && v < i + kMaxVerbDistance; ++v) {
        if (!tokens_.is_word(v)) {
            const wchar_t c = text_[tokens_[v].start];
            // "Rep. Jane Doe (D-Ore.) said": a bracket's dot ends no sentence.
            if (c == L'(') {
                const std::size_t close = closing_bracket(v, std::min(te, i + kMaxVerbDistance));
                if (close != kNone) { v = close; continue; }
            }
            if (c == L'.' || c == L'!' || c == L'?' || c == L';' || c == L':' || chars::is_double_quote(static_cast<char32_t>(c))) return {};
            continue;
        }
        if (!speech_verb_at(v) || v == i) continue;
        // "…” and shouted": the quote belongs to the clause before.
        if (lex_.opener(tokens_.key(i)) && !tokens_.capitalized(i)) return {};
        // After “… .” a capitalised word starts a new sentence unless the
        // attribution is all there is of it: “We are history.” Torres said.
        if (quote_ends_sentence && tokens_.capitalized(i) && v + 1 < te && !tokens_.is_punct(v + 1, L'.')) return {};
        return subject_verb(i, v, te);
    }
    return {};
}

Speaker Attributor::before_quote(std::size_t begin, std::size_t end) {
    const std::size_t tb = first_at(begin);
    const std::size_t te = first_at(end);
    if (tb >= te) return {};
    const std::size_t sb = sentence_start(tb, te);
    if (sb >= te) return {};
    Speaker s = speaker_noun(sb, te);
    if (s.found()) return s;
    s = according_to(sb, te, end);
    if (s.found()) return s;
    s = colon_name(sb, te, false);
    if (s.found()) return s;
    // The first speech verb whose subject makes sense: "Mike Pompeo, the US
    // secretary of state, said that ...", "X told AFP he was ... when the soldiers “…”".
    for (std::size_t v = sb + 1; v < te; ++v) {
        if (!speech_verb_at(v)) continue;
        // "In other words, explained CBS moderator Nancy Cordes:": after a comma
        // the verb comes first and its subject follows.
        // Only after an opener ("In other words,"): "X, an adviser, said Obama …" is X's.
        if (tokens_.is_punct(v - 1, L',') && v + 1 < te && tokens_.is_word(v + 1) && lex_.opener(tokens_.key(sb)) &&
            !tokens_.capitalized(sb + 1) && std::none_of(&tokens_[sb], &tokens_[v - 1], [](const Word& w) {
                return !w.alnum;
            })) {
            s = subject_after_verb(v + 1, te);
            if (s.found()) {
                s.verb = tokens_.key_text(v);
                return s;
            }
        }
        s = subject_verb(sb, v, te);
        if (s.found()) return s;
        // "..., recalled Bill Forbes: “…”": the subject after its verb.
        if (v + 1 < te && tokens_.capitalized(v + 1)) {
            s = subject_after_verb(v + 1, te);
            if (s.found()) {
                s.verb = tokens_.key_text(v);
                return s;
            }
        }
    }
    // No speech verb: "... does not surprise pollster Daron Shaw: “…”".
    return colon_name(sb, te, true);
}

// A name and a colon, nothing else, before the quote: "- Pew Research: “…”",
// "Trump: “…”" (a transcript or a digest). Not "on CNN:": the name must open
// the sentence or follow a dash.
Speaker Attributor::colon_name(std::size_t sb, std::size_t te, bool after_intro) const {
    if (te < sb + 2 || !tokens_.is_punct(te - 1, L':')) return {};
    std::size_t b = te - 1;
    while (b > sb && te - 1 - b < 5 && tokens_.is_word(b - 1) &&
           (tokens_.capitalized(b - 1) || (lex_.name_particle(tokens_.key(b - 1)) && b < te - 1)))
        --b;
    if (b == te - 1 || te - 1 - b >= 5 || !tokens_.capitalized(b)) return {};
    const bool opens = b == sb || tokens_.line_break_before(b) ||
                       (!tokens_.is_word(b - 1) && chars::is_dash(static_cast<char32_t>(tokens_.first_char(b - 1))));
    if (lex_.function_word(tokens_.key(b)) || lex_.calendar_word(tokens_.key(b))) return {};
    const NameSplit split = split_trailing_name(tokens_, b, te - 1, lex_);
    if (split.empty()) return {};
    // Or a person's full name after the words that introduce them:
    // "... doesn't surprise Republican pollster Daron Shaw: “…”".
    // Not "told the Evening Standard:": no article or preposition before it.
    const bool full_person = after_intro && split.name_end - split.name_begin >= 2 && b > sb &&
                             tokens_.is_word(b - 1) && !lex_.function_word(tokens_.key(b - 1)) &&
                             (names_.is_person(tokens_.key(split.name_end - 1)) ||
                              names_.person_in(tokens_[split.name_begin].start, tokens_[split.name_end - 1].end));
    if (!opens && !full_person) return {};
    return name_from(split.name_begin, split.name_end, split.role_begin);
}

// "Donald Trump’s warning that “…”"
Speaker Attributor::speaker_noun(std::size_t tb, std::size_t te) const {
    std::size_t i = te;
    for (int skipped = 0; i > tb && skipped < 2; ++skipped) {
        if (tokens_.is_punct(i - 1, L':') || tokens_.is_punct(i - 1, L',') || tokens_.key(i - 1) == lex_.word.that) --i;
        else break;
    }
    if (i < tb + 2 || !tokens_.is_word(i - 1) || !lex_.speech_noun(tokens_.key(i - 1))) return {};
    const std::size_t owner = i - 2;
    if (!tokens_.possessive(owner) || !tokens_.capitalized(owner)) return {};
    const NameSplit split = split_trailing_name(tokens_, tb, owner + 1, lex_);
    if (split.empty()) return {};
    return name_from(split.name_begin, split.name_end, split.role_begin);
}

Speaker Attributor::according_to(std::size_t tb, std::size_t te, std::size_t) {
    for (std::size_t i = tb; i + 2 < te; ++i) {
        if (tokens_.key(i) != lex_.word.according || tokens_.key(i + 1) != lex_.word.to) continue;
        Speaker s = subject_after_verb(i + 2, te);
        if (s.found()) s.verb = L"according to";
        return s;
    }
    return {};
}

Speaker Attributor::subject_verb(std::size_t subject_begin, std::size_t verb, std::size_t limit) {
    std::size_t se = verb;
    while (se > subject_begin && tokens_.is_word(se - 1) && !tokens_.capitalized(se - 1) &&
           (ends_with_ly(tokens_.text(se - 1)) || lex_.pre_verb_word(tokens_.key(se - 1))))
        --se;  // "Pompeo confidently said", "X also said"
    // "it is predicted that": a passive or auxiliary after it/they is no attribution.
    if (se == subject_begin + 1 && tokens_.key(subject_begin) == lex_.word.it) {
        for (std::size_t t = se; t < verb; ++t) {
            if (lex_.auxiliary(tokens_.key(t))) return {};
        }
    }
    // In a relative clause the pronoun before the verb is its subject: "The
    // tax, which she described as “…”" (not after an opener: "Despite what he wrote").
    const auto relative = [&](WordId k) { return k == lex_.word.which || k == lex_.word.that || k == lex_.word.whom; };
    if (se > subject_begin + 2 && tokens_.is_word(se - 1) && (lex_.he(tokens_.key(se - 1)) || lex_.she(tokens_.key(se - 1))) &&
        relative(tokens_.key(se - 2)) && !lex_.opener(tokens_.key(subject_begin))) {
        Speaker s = pronoun(tokens_[se - 1].start, lex_.he(tokens_.key(se - 1)) ? Gender::Male : Gender::Female);
        if (s.found()) s.verb = tokens_.key_text(verb);
        return s;
    }
    // "a bill which critics claim would ...": the relative clause's own subject
    // (a plural noun or a name of up to three words) speaks.
    for (std::size_t r = se - 1; r > subject_begin && se - r <= 4; --r) {
        if (!tokens_.is_word(r - 1) || !tokens_.is_word(r)) break;
        if (!relative(tokens_.key(r - 1))) continue;
        if (!(tokens_.capitalized(r) || lex_.collective_speaker(tokens_.key(r)))) break;
        Speaker s = subject(r, se, 0);
        if (s.found()) s.verb = tokens_.key_text(verb);
        return s;
    }
    // "Trump ratcheted up his attacks on Rubio, saying ...": a participle after
    // a comma has the clause's subject, not the name just before it.
    const std::wstring_view vk = tokens_.key_text(verb);
    if (se > subject_begin + 1 && tokens_.is_punct(se - 1, L',') && vk.size() > 4 &&
        vk.compare(vk.size() - 3, 3, L"ing") == 0) {
        Speaker s = clause_lead(subject_begin, se - 1);
        if (s.found()) {
            s.verb = tokens_.key_text(verb);
            return s;
        }
    }
    const Speaker reporter = subject(subject_begin, se, 0);
    std::size_t after = verb + 1;
    if (after < limit && tokens_.is_word(after) && lex_.verb_particle(tokens_.key(after))) ++after;  // cried out
    Speaker relay = relayed(after, limit, reporter);
    if (relay.found()) return relay;
    Speaker s = reporter;
    if (s.found()) s.verb = tokens_.key_text(verb);
    return s;
}

// "Gomez said his father told him", "he said Guaido told him": the words are
// the reported speaker's.
Speaker Attributor::relayed(std::size_t a, std::size_t limit, const Speaker& reporter) {
    std::size_t i = a;
    if (i < limit && tokens_.key(i) == lex_.word.that) ++i;
    if (i + 2 < limit + 1 && i < limit && tokens_.is_word(i) && lex_.possessive_pronoun(tokens_.key(i))) {
        std::size_t j = i + 1;
        while (j < limit && j < i + 3 && tokens_.is_word(j) && !tokens_.capitalized(j) &&
               !lex_.relay_verb(tokens_.key(j)))
            ++j;
        if (j > i + 1 && j < limit && tokens_.is_word(j) && lex_.relay_verb(tokens_.key(j)) && reporter.found()) {
            Speaker s;
            s.name = NameStore::of_this_thread().keep(reporter.name, L"'s ", span(i + 1, j));
            s.start = tokens_[i].start;
            s.end = tokens_[j - 1].end;
            s.verb = tokens_.key_text(j);
            return s;
        }
        return {};
    }
    if (i < limit && tokens_.capitalized(i)) {
        std::size_t j = i;
        while (j < limit && j < i + 4 && tokens_.capitalized(j)) ++j;
        if (j < limit && tokens_.is_word(j) && !tokens_.capitalized(j) && lex_.relay_verb(tokens_.key(j))) {
            const NameSplit split = split_trailing_name(tokens_, i, j, lex_);
            if (split.empty()) return {};
            Speaker s = name_from(split.name_begin, split.name_end, split.role_begin);
            s.verb = tokens_.key_text(j);
            return s;
        }
    }
    return {};
}

// "said Sgt. Jose Gomez, a father of two" -> "Sgt. Jose Gomez"
Speaker Attributor::subject_after_verb(std::size_t tb, std::size_t te) {
    std::size_t j = tb;
    while (j < te && j - tb < kMaxSubjectAfterVerb && tokens_.is_word(j)) {
        const WordId k = tokens_.key(j);
        if (!tokens_.capitalized(j) && (lex_.subject_stop(k) || ends_with_ly(tokens_.text(j)))) break;
        if (tokens_.capitalized(j) && lex_.calendar_word(k)) break;
        ++j;
    }
    if (j == tb) return {};
    // "said his best friend at Lehigh, Bruce Turry, who ...": a description
    // that the name after its comma tells.
    if (!tokens_.capitalized(tb)) {
        const Speaker named = apposition_name(j, te);
        if (named.found()) return named;
    }
    // "said Nadal afterwards": a name ends at its last capitalised word.
    if (tokens_.capitalized(tb))
        while (j > tb + 1 && !tokens_.capitalized(j - 1)) --j;
    return subject(tb, j, 0);
}

// The name a clause opens with, after its openers ("At the debate, Sanders
// compared ..."): "Mrs. Schlafly endorsed" -> Schlafly. Empty when the
// clause opens with anything else.
Speaker Attributor::clause_lead(std::size_t tb, std::size_t te) {
    std::size_t b = tb;
    // Skip opener parts up to their comma: "In 2016,", "At Sunday night's debate,".
    while (b < te && tokens_.is_word(b) && lex_.opener(tokens_.key(b)) && !lex_.he(tokens_.key(b)) &&
           !lex_.she(tokens_.key(b))) {
        std::size_t c = b;
        while (c < te && tokens_.is_word(c)) ++c;
        // "In 2016, X ..." skips the part; "And then Trump went ..." only the word.
        b = c < te && tokens_.is_punct(c, L',') ? c + 1 : b + 1;
    }
    // "And then Trump went on the attack, saying": single opening words.
    while (b + 1 < te && tokens_.is_word(b) && (lex_.conjunction(tokens_.key(b)) || lex_.pre_verb_word(tokens_.key(b))) &&
           tokens_.is_word(b + 1))
        ++b;
    if (b >= te || !tokens_.is_word(b)) return {};
    const WordId first = tokens_.key(b);
    if ((lex_.he(first) || lex_.she(first)) && b + 1 < te && tokens_.is_word(b + 1) && !tokens_.capitalized(b + 1))
        return pronoun(tokens_[b].start, lex_.he(first) ? Gender::Male : Gender::Female);
    std::size_t e = b;
    for (;;) {
        while (e < te && (tokens_.capitalized(e) || (e > b && tokens_.is_word(e) && lex_.name_particle(tokens_.key(e)))) &&
               (e == b || !tokens_.possessive(e - 1)))
            ++e;
        // "Republican presidential candidate Donald Trump": lower-case role words
        // between capitalised ones, the last of them a title or role.
        std::size_t l = e;
        while (l < te && l < e + 3 && tokens_.is_word(l) && !tokens_.capitalized(l)) ++l;
        if (e == b || l == e || l >= te || !tokens_.capitalized(l) || tokens_.possessive(e - 1)) break;
        const WordId role = tokens_.key(l - 1);
        if (!(is_title_token(tokens_, l - 1, lex_) || lex_.role_noun(role) || lex_.occupation(role))) break;
        e = l;
    }
    // The name must be followed by its verb: "Sanders compared", not "Trump's campaign".
    if (e == b || e >= te || tokens_.possessive(e - 1) || !tokens_.is_word(e) || tokens_.capitalized(e)) return {};
    if (lex_.function_word(tokens_.key(b)) || lex_.calendar_word(tokens_.key(b))) return {};
    const NameSplit split = split_trailing_name(tokens_, b, e, lex_);
    if (split.empty()) return {};
    return name_from(split.name_begin, split.name_end, split.role_begin);
}

// Who wrote the document named by the noun at `noun`, its owner written in
// [sb, noun): "Mr Tanzi's", "her", "An IAAF"; "The statement" is the last
// document's. Empty when the words say nobody ("a statement").
Speaker Attributor::document_author(std::size_t sb, std::size_t noun) {
    const std::size_t owner = noun - 1;
    Speaker s;
    if (tokens_.possessive(owner) && tokens_.capitalized(owner)) {
        const NameSplit split = split_trailing_name(tokens_, sb, owner + 1, lex_);
        if (!split.empty()) s = name_from(split.name_begin, split.name_end, split.role_begin);
    } else if (tokens_.key_text(owner) == L"his" || tokens_.key_text(owner) == L"her") {
        s = pronoun(tokens_[owner].start, tokens_.key_text(owner) == L"his" ? Gender::Male : Gender::Female);
    } else if (tokens_.key_text(owner) == L"its" || tokens_.key_text(owner) == L"their") {
        s = group_pronoun(tokens_[owner].start);
    } else if (tokens_.capitalized(owner) && owner > sb && lex_.determiner(tokens_.key(sb))) {
        // "An IAAF statement", "A White House statement": the organisation.
        s = speaker_at(span(sb + 1, owner + 1), tokens_[sb + 1].start, tokens_[owner].end);
    } else if (owner == sb && tokens_.key(sb) == lex_.word.the && document_author_.found() &&
               document_author_.start < tokens_[sb].start) {
        s = document_author_;
        s.verb = {};
    }
    if (s.found()) document_author_ = s;
    return s;
}

// The person named between the first comma in [from, te) and the next
// punctuation, when that part is a name and nothing else: ", John E. Herbst,".
Speaker Attributor::apposition_name(std::size_t from, std::size_t te) const {
    std::size_t c = from;
    while (c < te && c < from + kMaxSubjectAfterVerb && tokens_.is_word(c)) ++c;
    if (c >= te || !tokens_.is_punct(c, L',')) return {};
    std::size_t e = c + 1;  // "Andrew J. Pincus of the law firm Mayer Brown": room for an employer
    while (e < te && e < c + 1 + 2 * kMaxSubjectAfterVerb && tokens_.is_word(e)) ++e;
    if (e == c + 1 || (e < te && tokens_.is_word(e))) return {};
    const std::size_t name_stop = cut_affiliation(c + 1, e);
    const NameSplit split = split_trailing_name(tokens_, c + 1, name_stop, lex_);
    if (split.empty() || split.role_begin != c + 1 || split.name_end - split.name_begin < 2 ||
        !person_name(c + 1, name_stop))
        return {};
    return name_from(split.name_begin, split.name_end, split.role_begin);
}

Speaker Attributor::subject(std::size_t tb, std::size_t te, std::size_t) {
    if (tb >= te) return {};
    // Comma (or dash, bracket) separated parts: openers, the subject, appositions.
    std::vector<std::pair<std::size_t, std::size_t>>& parts = subject_parts_;
    parts.clear();
    std::size_t cur = tb;
    for (std::size_t i = tb; i < te; ++i) {
        if (tokens_.is_word(i)) continue;
        if (cur < i) parts.push_back({cur, i});
        cur = i + 1;
    }
    if (cur < te) parts.push_back({cur, te});
    if (parts.empty()) return {};
    auto first_key = [&](std::size_t k) { return tokens_.key(parts[k].first); };
    // "Rep. Jane Doe (D-Ore.)", "Paul Ryan (R-WI)": a bracketed part is an aside.
    auto bracketed = [&](std::size_t k) { return parts[k].first > tb && tokens_.is_punct(parts[k].first - 1, L'('); };
    auto is_opener = [&](std::size_t k) {
        const WordId f = first_key(k);
        // "And Moya, nicknamed Charly, admitted": a conjunction leads the subject itself.
        // But alone before its comma it opens the sentence: "Or, as X put it,".
        if (lex_.conjunction(f)) return parts.size() > 1 && parts[k].second == parts[k].first + 1;
        return parts.size() > 1 && lex_.opener(f) && !lex_.he(f) && !lex_.she(f);
    };
    auto is_apposition = [&](std::size_t k) {
        const WordId f = first_key(k);
        // "..., and Carla Diaz responded": a clause of its own, not a description.
        if (lex_.conjunction(f) && parts[k].first + 1 < parts[k].second && tokens_.capitalized(parts[k].first + 1))
            return false;
        // "..., The Hill reported": a name that starts with "The".
        if (lex_.determiner(f) && tokens_.capitalized(parts[k].first)) {
            bool all_capitalised = parts[k].first + 1 < parts[k].second;
            for (std::size_t t = parts[k].first + 1; t < parts[k].second && all_capitalised; ++t)
                all_capitalised = tokens_.capitalized(t) || lex_.name_particle(tokens_.key(t)) || tokens_.key(t) == lex_.word.of;
            if (all_capitalised) return false;
        }
        // "..., de Blasio said": a name may open with its particle.
        const bool particle_name = lex_.name_particle(f) && parts[k].first + 1 < parts[k].second &&
                                   tokens_.capitalized(parts[k].first + 1);
        if (lex_.apposition_start(f) ||
            (!tokens_.capitalized(parts[k].first) && !lex_.he(f) && !lex_.she(f) && !particle_name))
            return true;
        // "Tim Crawford, Group Economist at Halifax,": a role with a preposition.
        for (std::size_t t = parts[k].first + 1; t < parts[k].second; ++t) {
            if (!tokens_.capitalized(t) && lex_.role_preposition(tokens_.key(t)))
                return true;
        }
        return false;
    };
    // The subject comes before its appositions: "Mike Pompeo, the US secretary of state,".
    std::size_t chosen = parts.size();
    for (std::size_t k = parts.size(); k-- > 0;) {
        if (is_opener(k) || (bracketed(k) && k > 0)) continue;
        bool earlier = false;
        for (std::size_t j = 0; j < k && !earlier; ++j) earlier = !is_opener(j);
        if (is_apposition(k) && earlier) continue;
        chosen = k;
        break;
    }
    if (chosen == parts.size()) chosen = parts.size() - 1;
    // But a person named in the first part is the subject, and whatever
    // follows describes them, capitalised or not: "Rep. Jane Doe (D-Ore.)",
    // "Mr. Berg, 70, of Salem, Mass.", "Sam Cole, Smith's chief strategist".
    for (std::size_t k = 0; k < chosen; ++k) {
        // "Or, as Tom Ridge, a former secretary, put it": "as" leads the subject.
        const bool as_person = first_key(k) == lex_.word.as && parts[k].first + 1 < parts[k].second &&
                               person_part(parts[k].first + 1, parts[k].second);
        if (as_person) { chosen = k; break; }
        if (is_opener(k)) continue;
        if (person_part(parts[k].first, parts[k].second)) chosen = k;
        break;
    }
    std::size_t sb = parts[chosen].first;
    std::size_t se = parts[chosen].second;
    // "Maria Ortiz of Tucson", "Gov. Ann Lee of Iowa": the person, not the place.
    se = cut_affiliation(sb, se);
    while (sb < se && lex_.opener(tokens_.key(sb)) && !lex_.he(tokens_.key(sb)) && !lex_.she(tokens_.key(sb))) ++sb;
    if (sb >= se) return {};
    // "Mr Tanzi's statement said", "Her lawsuit said": the writer speaks, not the paper.
    if (se - sb >= 2 && se - sb <= 4 && !tokens_.capitalized(se - 1) && lex_.document_noun(tokens_.key(se - 1))) {
        Speaker author = document_author(sb, se - 1);
        if (author.found()) return author;
    }

    const WordId first = tokens_.key(sb);
    if (se - sb == 1 && (lex_.he(first) || lex_.she(first)))
        return pronoun(tokens_[sb].start, lex_.he(first) ? Gender::Male : Gender::Female);
    if (se - sb == 1 && (first == lex_.word.it || first == lex_.word.they || first == lex_.word.we)) return group_pronoun(tokens_[sb].start);
    // "said the American", "the Spaniard added": shorthand for the last person named.
    if (first == lex_.word.the && se - sb == 2 && tokens_.capitalized(se - 1) &&
        !chars::is_upper(static_cast<char32_t>(tokens_.text(se - 1).back())) && demonym_like(tokens_.key_text(se - 1)) &&
        !names_.is_person(tokens_.key(se - 1))) {
        Speaker p = pronoun(tokens_[sb].start, Gender::Unknown);
        if (p.found()) return p;
    }
    const NameSplit split = split_trailing_name(tokens_, sb, se, lex_);
    if (!split.empty()) {
        Speaker s = name_from(split.name_begin, split.name_end, split.role_begin);
        // "A spokesman for the UK Film Council said": a later "he added" means him.
        if (lex_.determiner(first)) {
            Speaker d = s;
            d.start = tokens_[sb].start;
            described_.push_back(d);
        }
        return s;
    }

    // No name: a description ("the female soldier", "Colombia’s migration agency").
    if (se - sb > kMaxDescriptionWords) return {};
    if (lex_.not_speaker(first)) return {};
    if (first == lex_.word.one && se - sb == 1) return {};
    // A description ends with its noun, not with "that" or "and".
    if (lex_.function_word(tokens_.key(se - 1))) return {};
    // A bare lower-case word before a verb that is also a plural noun
    // ("tax claims", "budget calls") is no speaker.
    if (se - sb == 1 && !tokens_.capitalized(sb) && !lex_.collective_speaker(first)) return {};
    if (first == lex_.word.the && se - sb <= 4) {
        // "the president", "the opposition politician": the person the
        // article titled so (head noun first, then its modifiers).
        for (std::size_t t = se; t-- > sb + 1;) {
            const WordId w = tokens_.key(t);
            if (t + 1 < se && !is_title_token(tokens_, t, lex_) && !lex_.role_noun(w)) continue;
            if (const PersonMention* m = names_.last_with_role(tokens_[sb].start, w)) return mention_speaker(*m);
        }
        // Otherwise the description stands: no named person fits it.
    }
    Speaker s;
    s.name = span(sb, se);
    s.start = tokens_[sb].start;
    s.end = tokens_[se - 1].end;
    if (lex_.determiner(first)) described_.push_back(s);
    return s;
}

std::size_t Attributor::closing_bracket(std::size_t open, std::size_t limit) const {
    for (std::size_t t = open + 1; t < limit; ++t) {
        if (tokens_.is_punct(t, L')')) return t;
        if (tokens_.is_punct(t, L'(')) return kNone;
    }
    return kNone;
}

// The first "of", "from" or "at" in [tb, te) after a capitalised word, or kNone.
std::size_t Attributor::affiliation_at(std::size_t tb, std::size_t te) const {
    for (std::size_t t = tb + 1; t + 1 < te; ++t) {
        if (!tokens_.is_word(t)) return kNone;
        if (!tokens_.capitalized(t) && lex_.role_preposition(tokens_.key(t)))
            return tokens_.capitalized(t - 1) ? t : kNone;
    }
    return kNone;
}

// Where a name followed by "of", "from" or "at" and its place or employer
// ends: "Maria Ortiz of Tucson" -> "Maria Ortiz". Only when what comes
// before is a person ("Bank of America", "Secretary of State" stay whole).
std::size_t Attributor::cut_affiliation(std::size_t tb, std::size_t te) const {
    const std::size_t t = affiliation_at(tb, te);
    if (t == kNone) return te;
    // "undecided Republican voter Stephanie Hooton of Derry": words before a full name describe her.
    const NameSplit split = split_trailing_name(tokens_, tb, t, lex_);
    const bool full_name = !split.empty() && split.name_end - split.name_begin >= 2 &&
                           (names_.is_person(tokens_.key(split.name_end - 1)) ||
                            names_.person_in(tokens_[split.name_begin].start, tokens_[split.name_end - 1].end));
    return full_name || person_name(tb, t) ? t : te;
}

// [tb, te) is a person's name with at most a title or role before it, and
// perhaps an affiliation after it: "Sen. Ann Lee", "the economist Jared
// Bern", "Maria Ortiz of Tucson".
bool Attributor::person_part(std::size_t tb, std::size_t te) const {
    const std::size_t t = affiliation_at(tb, te);
    return person_name(tb, t == kNone ? te : t);
}

bool Attributor::person_name(std::size_t tb, std::size_t te) const {
    if (tb >= te || !tokens_.is_word(te - 1) || !tokens_.capitalized(te - 1)) return false;
    const NameSplit split = split_trailing_name(tokens_, tb, te, lex_);
    if (split.empty()) return false;
    std::size_t from = tb;
    while (from < split.role_begin && lex_.determiner(tokens_.key(from))) ++from;
    if (split.role_begin > from) return false;
    return names_.is_person(tokens_.key(split.name_end - 1)) ||
           names_.person_in(tokens_[split.name_begin].start, tokens_[split.name_end - 1].end);
}

Speaker Attributor::name_from(std::size_t nb, std::size_t ne, std::size_t rb) const {
    Speaker s;
    s.start = tokens_[nb].start;
    s.end = name_end(tokens_, ne - 1, lex_);
    s.name = names_.fullest_at(s.start, s.end, std::wstring_view(text_).substr(s.start, s.end - s.start), tokens_.key(ne - 1));
    if (rb < nb) s.role = span(rb, nb);
    return s;
}

// he / she: the person named last before `anchor`, or an unnamed speaker
// described since ("the female soldier").
Speaker Attributor::pronoun(std::size_t anchor, Gender gender) const {
    const PersonMention* m = names_.last_before(anchor, gender, 0, &named_in_quote());
    const Speaker* d = nullptr;
    for (auto it = described_.rbegin(); it != described_.rend(); ++it)
        if (it->start < anchor) { d = &*it; break; }
    if (d && (!m || d->start > m->start)) {
        return speaker_at(d->name, d->start, d->end);
    }
    if (!m) return {};
    return speaker_at(m->name, m->start, m->end);
}

Speaker Attributor::mention_speaker(const PersonMention& m) const {
    return speaker_at(m.name, m.start, m.end);
}

// it / they / we: the organisation or the described group named last
// ("Lycos ... it said", "the company said ... it added").
Speaker Attributor::group_pronoun(std::size_t anchor) const {
    constexpr std::size_t kMaxDistance = 600;
    const std::size_t floor = anchor > kMaxDistance ? anchor - kMaxDistance : 0;
    const OrgMention* org = names_.last_org_before(anchor, floor);
    const Speaker* d = nullptr;
    for (auto it = described_.rbegin(); it != described_.rend(); ++it)
        if (it->start < anchor) { d = &*it; break; }
    if (d && d->start >= floor && (!org || d->start > org->start)) {
        Speaker s = *d;
        s.verb = {};
        s.role = {};
        return s;
    }
    if (!org) return {};
    return speaker_at(std::wstring_view(text_).substr(org->start, org->end - org->start), org->start, org->end);
}

// A quote inside a sentence that has no speech verb: the subject of that
// sentence ("Kasich called the deal “…”", "The committee has rolled out a
// “…” campaign"), or a pronoun just before the quote ("what she called “…”").
Speaker Attributor::clause_subject(const QuoteSpan& q, std::size_t before_begin) {
    enter_quote(q);
    const std::size_t tb = first_at(before_begin);
    const std::size_t te = first_at(q.open);
    if (te <= tb || !tokens_.is_word(te - 1)) return {};  // the mark must follow a word
    // "a plan he called “…”", "which she described as “…”".
    for (std::size_t t = te - 1; t > tb && te - t <= kMaxPronounBeforeQuote; --t) {
        const WordId k = tokens_.key(t - 1);
        if (!tokens_.is_word(t - 1)) break;
        if ((lex_.he(k) || lex_.she(k)) && !tokens_.capitalized(t))
            return pronoun(tokens_[t - 1].start, lex_.he(k) ? Gender::Male : Gender::Female);
    }
    std::size_t sb = sentence_start(tb, te);
    // Only from where the sentence starts: a window that begins after an
    // earlier quote of the sentence ("and Rubio was hurt by going “…”") has
    // lost its subject.
    const bool starts_sentence = tokens_.line_break_before(sb) || tokens_.is_punct(sb - 1, L'.') ||
                                 tokens_.is_punct(sb - 1, L'!') || tokens_.is_punct(sb - 1, L'?');
    if (!starts_sentence) return {};
    // Openers up to their comma ("In a statement on Tuesday,"), or one word ("But").
    if (sb < te && tokens_.is_word(sb) && (lex_.opener(tokens_.key(sb)) || ends_with_ly(tokens_.key_text(sb))) &&
        !lex_.he(tokens_.key(sb)) && !lex_.she(tokens_.key(sb))) {
        // The opener ends at the first comma that a name or pronoun follows
        // (not a list: "Shortly after winning a trophy, a car and a cheque, Federer ...").
        std::size_t after = sb + 1;
        for (std::size_t c = sb + 1; c + 1 < te && c < sb + kMaxOpenerTokens; ++c) {
            if (!tokens_.is_punct(c, L',')) continue;
            const WordId k = tokens_.key(c + 1);
            if ((tokens_.capitalized(c + 1) && k != lex_.word.a && k != lex_.word.an) || lex_.he(k) || lex_.she(k)) {
                after = c + 1;
                break;
            }
        }
        sb = after;
    }
    if (sb + 1 >= te || !tokens_.is_word(sb)) return {};
    const WordId first = tokens_.key(sb);
    if (lex_.he(first) || lex_.she(first)) {
        if (tokens_.capitalized(sb + 1) || !tokens_.is_word(sb + 1)) return {};
        return pronoun(tokens_[sb].start, lex_.he(first) ? Gender::Male : Gender::Female);
    }
    // A capitalised name, perhaps after "the", then its verb or an apposition.
    std::size_t b = sb;
    if (lex_.determiner(first)) ++b;
    if (b >= te || !tokens_.capitalized(b) || lex_.function_word(tokens_.key(b)) || lex_.calendar_word(tokens_.key(b)))
        return {};
    std::size_t e = b;
    while (e < te && !tokens_.line_break_before(e) && (e == b || !tokens_.possessive(e - 1))) {
        if (tokens_.capitalized(e)) { ++e; continue; }
        if (tokens_.is_word(e) && lex_.name_particle(tokens_.key(e)) && e + 1 < te && tokens_.capitalized(e + 1)) {
            e += 2;
            continue;
        }
        break;
    }
    if (e == b) return {};
    if (tokens_.possessive(e - 1) || e >= te) return {};  // "Trump's campaign called it": no person speaks
    if (!(tokens_.is_punct(e, L',') || (tokens_.is_word(e) && !tokens_.capitalized(e)))) return {};
    // One capitalised word opening a sentence that the article also writes
    // in lower case is a common noun: "Fundraising was “…”" is nobody's.
    if (e == b + 1 && b == sb && names_.written_lower(tokens_.key(b)) && !names_.is_person(tokens_.key(b)))
        return {};
    return subject(sb, e, 0);
}

Speaker Attributor::sentence_person(const QuoteSpan& q, std::size_t before_begin) const {
    const std::size_t tb = first_at(before_begin);
    const std::size_t te = first_at(q.open);
    if (tb >= te) return {};
    const std::size_t sb = sentence_start(tb, te);
    if (sb >= te) return {};
    // Only the sentence's subject: a name among its first words.
    const std::size_t subject_end = std::min(te, sb + kMaxSentenceSubjectTokens);
    const PersonMention* m = names_.first_in(tokens_[sb].start, std::min<std::size_t>(q.open, tokens_[subject_end - 1].end));
    if (!m) return {};
    return speaker_at(m->name, m->start, m->end);
}

Speaker Attributor::sentence_end(const QuoteSpan& q, std::size_t after_end) {
    if (q.close == kNone) return {};
    constexpr std::size_t kMaxTail = 25;  // words from the quote to the end of its sentence
    const std::size_t tb = first_at(q.close + 1), te = first_at(after_end);
    std::size_t end = tb, comma = kNone;
    for (; end < te && end < tb + kMaxTail; ++end) {
        if (tokens_.is_punct(end, L'.') || tokens_.is_punct(end, L'!') || tokens_.is_punct(end, L'?')) break;
        if (tokens_.is_punct(end, L',')) comma = end;
        else if (!tokens_.is_word(end)) return {};  // another quote, a bracket, a dash: not a plain tail
    }
    if (end >= te || end >= tb + kMaxTail || comma == kNone || comma + 2 > end) return {};
    // ", X said." / ", X told reporters." / ", said X."
    if (speech_verb_at(comma + 1)) {
        Speaker s = subject_after_verb(comma + 2, end);
        if (s.found()) s.verb = tokens_.key_text(comma + 1);
        return s;
    }
    for (std::size_t v = comma + 2; v < end && v <= comma + 1 + kMaxSentenceSubjectTokens; ++v) {
        if (!speech_verb_at(v)) continue;
        if (!tokens_.capitalized(comma + 1) && !lex_.he(tokens_.key(comma + 1)) && !lex_.she(tokens_.key(comma + 1)) &&
            !lex_.determiner(tokens_.key(comma + 1)))
            return {};
        return subject_verb(comma + 1, v, end);
    }
    return {};
}

bool Attributor::one_sentence(std::size_t from, std::size_t to) const {
    const std::size_t tb = first_at(from), te = first_at(to);
    for (std::size_t t = tb; t + 1 < te; ++t)
        if (tokens_.is_punct(t, L'.') || tokens_.is_punct(t, L'!') || tokens_.is_punct(t, L'?')) return false;
    return true;
}

Speaker Attributor::previous_sentence_subject(const QuoteSpan& q, std::size_t before_begin) const {
    const std::size_t tb = first_at(before_begin);
    const std::size_t te = first_at(q.open);
    if (te < tb + 2) return {};
    const bool opens_sentence =
        tokens_.is_punct(te - 1, L'.') || tokens_.is_punct(te - 1, L'!') || tokens_.is_punct(te - 1, L'?');
    if (!opens_sentence) return {};
    const std::size_t sb = sentence_start(tb, te - 1);
    const std::size_t subject_end = std::min(te - 1, sb + kMaxSentenceSubjectTokens);
    if (sb >= subject_end) return {};
    const PersonMention* m = names_.first_in(tokens_[sb].start, tokens_[subject_end - 1].end);
    if (!m || !m->subject) return {};
    return mention_speaker(*m);
}

Speaker Attributor::paragraph_context(const Segment& previous) {
    const std::size_t tb = first_at(previous.start);
    std::size_t te = first_at(previous.end);
    while (te > tb && !tokens_.is_word(te - 1)) --te;  // the final "." or ":"
    const std::size_t sb = sentence_start(tb, te);
    // "Torres said:" / "Torres told reporters on Monday."
    for (std::size_t v = sb + 1; v < te; ++v) {
        if (!speech_verb_at(v)) continue;
        Speaker s = subject_verb(sb, v, te);
        if (s.found()) return s;
    }
    const PersonMention* m = names_.last_before(previous.end, Gender::Unknown, previous.start);
    if (!m) return {};
    return speaker_at(m->name, m->start, m->end);
}

}  // namespace newslens::quotes
