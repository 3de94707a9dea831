#include "claims.h"

#include <algorithm>
#include <unordered_map>

namespace newslens::quotes {
namespace {

constexpr std::size_t kMaxObjectWords = 4;  // "told the Associated Press on Monday"
constexpr std::size_t kMaxReleaseWords = 4; // "said in a press release Sunday"
constexpr std::size_t kMaxGroupWords = 10;      // "Bogota and Rio de Janeiro's migration services said"
constexpr std::size_t kMaxNameWords = 5;        // "Feres Kanaan, a member of ..., told"
constexpr std::size_t kMaxAppositionWords = 12; // ", program director at AOL,"
constexpr std::size_t kMaxAntecedentWords = 3;  // "the 15 percent" before "that"
// Longer "sentences" are lists or junk (a megabyte of digits): no attribution
// is sought there, which keeps the work per reporting verb bounded.
constexpr std::size_t kMaxSentenceWords = 250;

bool digits(const Words& w, std::size_t i) { return w[i].shape == Shape::Digits; }

// A compound that opens with a number word: "twenty-five", "two-thirds".
bool compound_figure(const Words& w, const ClaimLexicon& cl, std::size_t i) {
    // "twenty-five": a hyphen right after the first token, whose key is the
    // key text's part before the '-' (a token's key is the global word's when
    // there is one, as number words are).
    const Token* const tokens = w.layer().tokens().data();
    const Token& first = tokens[w[i].first];
    if (chars::is_hyphen(static_cast<char32_t>(w.char_at(tokens[w[i].first + 1].start)))) return cl.number_word(first.key);
    if (!w.hyphenated(i)) return false;  // most compounds are possessives ("Guaido’s")
    const std::wstring_view k = w.key_text(i);
    const std::size_t dash = k.find(L'-');
    return dash != std::wstring_view::npos && cl.number_word_text(k.substr(0, dash));
}

class ClaimFinder {
public:
    ClaimFinder(const TextLayer& layer, const Words& w, const Lexicon& lex, const ClaimLexicon& cl, Attributor& a,
                const NameIndex& names, const std::vector<QuoteSpan>& quotes)
        : layer_(layer), w_(w), lex_(lex), cl_(cl), a_(a), names_(names), quotes_(quotes) {
        // Quotations by the position of their marks, for the tags (binary searches, not a scan per claim).
        opens_.reserve(quotes_.size());
        closes_.reserve(quotes_.size());
        for (std::size_t k = 0; k < quotes_.size(); ++k) {
            if (quotes_[k].parent != kNone) continue;
            opens_.push_back({quotes_[k].open, k});
            if (quotes_[k].close != kNone) closes_.push_back({quotes_[k].close, k});
        }
        std::sort(opens_.begin(), opens_.end());
        std::sort(closes_.begin(), closes_.end());
    }

    std::vector<Claim> run() {
        for (const Segment& s : layer_.sentences()) sentence(s);
        return std::move(claims_);
    }

private:
    const TextLayer& layer_;
    const Words& w_;
    const Lexicon& lex_;
    const ClaimLexicon& cl_;
    Attributor& a_;
    const NameIndex& names_;
    const std::vector<QuoteSpan>& quotes_;
    std::vector<Claim> claims_;
    std::vector<std::pair<std::size_t, std::size_t>> opens_, closes_;  // (mark position, quote index), sorted
    // Capitalised runs of two or more words by the key of each word in them,
    // the first run holding it (name_description), built on first use.
    mutable std::unordered_map<WordId, std::pair<std::size_t, std::size_t>> runs_;
    mutable bool runs_built_ = false;

    bool punct(std::size_t i) const { return !w_.is_word(i); }
    bool quote_mark(std::size_t i) const { return punct(i) && chars::is_double_quote(static_cast<char32_t>(w_.first_char(i))); }

    // A finite verb, not a noun after "the", "his", "Trump's", nor a passive or an infinitive.
    bool verb_at(std::size_t i, std::size_t sb, std::size_t se) const {
        if (w_.capitalized(i)) return false;
        // "widely reported to have resigned", "is said to be": no one is the source.
        if (i + 1 < se && w_.key(i + 1) == cl_.to) return false;
        // "firms added 146,000 jobs", "the storm claimed 12 lives": add and claim report only with a clause after them.
        if (cl_.needs_clause(w_.key(i)) && i + 1 < se && w_.is_word(i + 1) && w_.key(i + 1) != lex_.word.that &&
            !lex_.he(w_.key(i + 1)) && !lex_.she(w_.key(i + 1)) && !lex_.not_speaker(w_.key(i + 1)) && !w_.capitalized(i + 1))
            return false;
        if (i == sb) return true;
        // "also said", "has since confirmed": look past adverbs to what governs the verb.
        for (std::size_t p = i; p-- > sb;) {
            if (!w_.is_word(p)) return true;
            const WordId k = w_.key(p);
            if (cl_.be(k) || k == cl_.to) return false;  // "were reported", "to say"
            if (lex_.pre_verb_word(k) || (w_.key_text(p).size() > 4 && w_.key_text(p).substr(w_.key_text(p).size() - 2) == L"ly"))
                continue;
            return !(w_.possessive(p) || lex_.determiner(k) || lex_.possessive_pronoun(k));
        }
        return true;
    }

    // A time expression at word i: "Monday", "on Tuesday", "last week",
    // "yesterday evening", "on 7 July". Returns its end (i if none).
    std::size_t time_at(std::size_t i, std::size_t limit) const {
        std::size_t j = i;
        for (int k = 0; k < 2 && j < limit && w_.is_word(j) && cl_.time_modifier(w_.key(j)); ++k) ++j;
        if (j >= limit || !w_.is_word(j)) return i;
        const WordId k = w_.key(j);
        if (cl_.weekday(k) || cl_.relative_day(k)) {
            ++j;
            if (j < limit && w_.is_word(j) && cl_.day_part(w_.key(j))) ++j;
            return j;
        }
        if (j > i && cl_.time_noun(k) && w_.key(j - 1) != cl_.in) return j + 1;  // last week, this month
        if (cl_.month(k) && w_.capitalized(j) && j + 1 < limit && digits(w_, j + 1)) return j + 2;  // Feb. 26
        if (digits(w_, j) && j + 1 < limit && w_.capitalized(j + 1) && cl_.month(w_.key(j + 1))) return j + 2;  // 7 July
        return i;
    }

    // Past "in a press release" / "in a statement".
    std::size_t skip_release(std::size_t i, std::size_t limit) const {
        if (i + 2 >= limit || w_.key(i) != cl_.in || !lex_.determiner(w_.key(i + 1))) return i;
        for (std::size_t j = i + 2; j < limit && j < i + 2 + kMaxReleaseWords && w_.is_word(j); ++j)
            if (cl_.release_noun(w_.key(j))) return j + 1;
        return i;
    }

    // The time expression after word `p` (an attribution's end): said_start/end of `c`; returns where it ends.
    std::size_t said_after(std::size_t p, std::size_t limit, Claim& c) const {
        const std::size_t q = skip_release(p, limit);
        const std::size_t t = time_at(q, limit);
        if (t > q) {
            c.said_start = w_[q].start;
            c.said_end = w_[t - 1].end;
            return skip_release(t, limit);
        }
        return q;
    }

    // A quotation, not a quoted term ("colectivo"): three words or more, as quotes.cpp counts them.
    bool quotation(const QuoteSpan& q) const {
        return q.parent == kNone && count_words(layer_.document().wide(), q.start, q.end, 3) >= 3;
    }
    // The quotation whose closing (opening) mark is word i, or kNone.
    std::size_t at(const std::vector<std::pair<std::size_t, std::size_t>>& marks, std::size_t pos) const {
        const auto it = std::lower_bound(marks.begin(), marks.end(), std::make_pair(pos, std::size_t{0}));
        return it != marks.end() && it->first == pos && quotation(quotes_[it->second]) ? it->second : kNone;
    }
    std::size_t quote_closed_at(std::size_t i) const { return at(closes_, w_[i].start); }
    std::size_t quote_opened_at(std::size_t i) const { return at(opens_, w_[i].start); }
    // The quote a tag beginning at word b follows (“…,” X said) or one ending at word e opens (X said: “…”).
    std::size_t tagged_quote(std::size_t b, std::size_t e, std::size_t sb, std::size_t se) const {
        std::size_t i = b;
        for (int k = 0; k < 2 && i > sb && punct(i - 1); ++k) {
            --i;
            if (quote_mark(i)) return quote_closed_at(i);
        }
        for (std::size_t j = e, k = 0; j < se && k < 3; ++j, ++k) {
            if (quote_mark(j)) return quote_opened_at(j);
            if (w_.is_word(j) && w_.key(j) != lex_.word.that) break;
        }
        return kNone;
    }

    // "Bogota's migration service" -> "Migration Colombia": an organisation
    // described by a common noun ("service", "agency", "ministry") takes the
    // name the article gives it elsewhere: a run of capitalised words that
    // holds the description's own word, and is not a person.
    void name_description(Speaker& s) const {
        const std::size_t b = w_.first_at(s.start), e = w_.first_at(s.end);
        if (e < b + 2 || e > w_.size() || w_.capitalized(e - 1) || !lex_.organisation_word(w_.key(e - 1))) return;
        for (std::size_t t = b; t + 1 < e; ++t) {
            if (!w_.is_word(t) || w_.capitalized(t) || w_.possessive(t) || lex_.function_word(w_.key(t)) ||
                lex_.organisation_word(w_.key(t)))
                continue;
            build_runs();
            const auto run = runs_.find(w_.key(t));
            if (run == runs_.end()) continue;
            const auto [rb, re] = run->second;
            s.name = layer_.text(w_[rb].start, name_end(w_, re - 1, lex_));
            return;
        }
    }

    // "The Foreign Office": a title word before an organisation is part of its name.
    // "The FAO report", "Labor Department figures": a document stands for its author.
    void tidy_source(Speaker& s) const {
        std::size_t b = w_.first_at(s.start);
        const std::size_t e = w_.first_at(s.end);
        if (e <= b || e > w_.size()) return;
        // "Food & Agriculture Organisation": the subject's parts were cut at the "&".
        while (b >= 2 && w_.is_punct(b - 1, L'&') && w_.capitalized(b - 2) && w_.capitalized(b) && !w_.line_break_before(b - 1)) {
            b -= 2;
            s.name = layer_.text(w_[b].start, s.end);
            s.start = w_[b].start;
        }
        // "CNN en Español", "Bank of England", "Director of Public Prosecutions": the
        // split of a person's title from their name cut an organisation's name at
        // its lower-case particle. A name that is no person keeps the capitalised
        // words before the particle ("Venezuela's Ministry of Defence" stops at the possessive).
        // (The people plugin's persons: NameIndex::is_person holds every speaker's name, "England" too.)
        const bool person = names_.person_in(s.start, s.end);
        bool linked = false;
        while (!person && b >= 2 && w_.is_word(b - 1) && !w_.capitalized(b - 1) &&
               (lex_.name_particle(w_.key(b - 1)) || cl_.name_link(w_.key(b - 1))) && w_.is_word(b - 2) &&
               w_.capitalized(b - 2) && !w_.possessive(b - 2) && !lex_.function_word(w_.key(b - 2)) &&
               !w_.line_break_before(b - 1) && !w_.line_break_before(b)) {
            b -= 2;
            while (b > 0 && w_.is_word(b - 1) && w_.capitalized(b - 1) && !w_.possessive(b - 1) &&
                   !lex_.function_word(w_.key(b - 1)) && !lex_.calendar_word(w_.key(b - 1)) && !w_.line_break_before(b))
                --b;
            linked = true;
        }
        if (linked) {
            s.start = w_[b].start;
            s.name = layer_.text(s.start, s.end);
            s.role = {};
        }
        if (!s.role.empty() && lex_.organisation_word(w_.key(e - 1))) {
            const std::wstring_view text = layer_.document().wide();
            if (s.start >= s.role.size() + 1 && text.substr(s.start - s.role.size() - 1, s.role.size()) == s.role)
                s.start -= s.role.size() + 1;
            s.name = NameStore::of_this_thread().keep(s.role, L" ", s.name);
            s.role = {};
        }
        // The word before the noun names the author: "The report" has none
        // (its capital is the sentence's), and keeps its span as written.
        if (e >= b + 2 && !w_.capitalized(e - 1) && (cl_.evidence_noun(w_.key(e - 1)) || cl_.release_noun(w_.key(e - 1))) &&
            w_.capitalized(e - 2) && !lex_.determiner(w_.key(e - 2))) {
            std::size_t nb = b;
            while (nb + 1 < e && lex_.determiner(w_.key(nb))) ++nb;
            s.name = layer_.text(w_[nb].start, name_end(w_, e - 2, lex_));
            s.start = w_[nb].start;
            s.end = name_end(w_, e - 2, lex_);
        }
    }

    // One pass over the document: each capitalised run of two or more words
    // that is no person and no titled name ("Migration Minister Ana Ruiz").
    void build_runs() const {
        if (runs_built_) return;
        runs_built_ = true;
        for (std::size_t rb = 0; rb < w_.size();) {
            if (!w_.capitalized(rb) || lex_.function_word(w_.key(rb))) {
                ++rb;
                continue;
            }
            std::size_t re = rb + 1;
            while (re < w_.size() && !w_.line_break_before(re) && w_.capitalized(re) && !w_.possessive(re - 1)) ++re;
            if (re - rb >= 2 && !names_.person_in(w_[rb].start, w_[re - 1].end) && !lex_.title(w_.key(rb)) &&
                !lex_.title(w_.key(re - 1)))
                for (std::size_t i = rb; i < re; ++i) runs_.emplace(w_.key(i), std::make_pair(rb, re));
            rb = re;
        }
    }

    void add(Claim c, std::size_t cue_b, std::size_t cue_e) {
        if (c.source.found()) {
            tidy_source(c.source);
            name_description(c.source);
        }
        c.cue_start = w_[cue_b].start;
        c.cue_end = w_[cue_e - 1].end;
        // A quotation's tag speaks for the quoted words only ("“…,” he said,
        // standing near a warehouse where 600 tons ..."): it covers its own words.
        if (c.quote != kNone) {
            c.scope_start = c.cue_start;
            c.scope_end = c.cue_end;
        }
        if (c.source.found()) claims_.push_back(std::move(c));
    }

    void sentence(const Segment& s) {
        const std::size_t sb = s.first_word, se = s.last_word;
        if (se - sb > kMaxSentenceWords) return;
        // Most sentences have no reporting verb: one look-up a word tells.
        const std::size_t first_cue = cl_.first_cue(w_, sb, se);
        if (first_cue == se) return;
        if (!cl_.figure_in(w_, sb, se)) return;
        for (std::size_t v = first_cue; v < se; ++v) {
            const WordId k = w_.key(v);
            if (!cl_.cue(k) || !w_.is_word(v)) continue;
            if (k == cl_.according && v + 2 < se && w_.key(v + 1) == cl_.to) {
                according(s, v);
                continue;
            }
            const bool claim = cl_.claim_verb(k), evidence = cl_.evidence_verb(k);
            if ((claim || evidence) && verb_at(v, sb, se)) verb(s, v, evidence && !claim);
        }
    }

    void according(const Segment& s, std::size_t i) {
        Claim c;
        c.scope_start = s.start;
        c.scope_end = s.end;
        std::size_t from = i + 2;
        // "according to figures released by the CEA": the author.
        for (std::size_t j = from; j < s.last_word && j < from + kMaxReleaseWords; ++j) {
            if (!w_.is_word(j)) break;
            if (w_.key(j) == cl_.by && j > from && (cl_.evidence_noun(w_.key(from)) || cl_.evidence_noun(w_.key(from + 1)))) {
                from = j + 1;
                break;
            }
        }
        c.source = a_.named_after(from, s.last_word);
        if (!c.source.found()) c.source = evidence_description(from, s.last_word);
        if (!c.source.found()) return;
        // "according to CNN en Español and the Agence France-Presse news agency": both give it.
        const std::size_t after = w_.first_at(c.source.end);
        if (after + 1 < s.last_word && w_.key(after) == cl_.and_) {
            std::size_t next = after + 1;
            if (lex_.determiner(w_.key(next)) && next + 1 < s.last_word) ++next;
            if (w_.capitalized(next)) {
                const Speaker more = a_.named_after(after + 1, s.last_word);
                // Up to its last capitalised word: "the Agence France-Presse news agency".
                std::size_t last = w_.first_at(more.end);
                while (more.found() && last > next && !w_.capitalized(last - 1)) --last;
                if (more.found() && last > next && w_[last - 1].end > c.source.end) {
                    c.source.end = name_end(w_, last - 1, lex_);
                    c.source.name = layer_.text(c.source.start, c.source.end);
                    c.source.role = {};
                }
            }
        }
        c.source.verb = L"according to";
        const std::size_t e = std::max(i + 2, w_.first_at(c.source.end));
        add(std::move(c), i, std::min<std::size_t>(e, s.last_word));
    }

    // "according to reports", "according to official figures": reports or figures
    // with no author are described as written (GUIDELINES.md, "Number claims").
    // A few lower-case words ending with an evidence noun, then the end of the phrase.
    Speaker evidence_description(std::size_t from, std::size_t limit) const {
        std::size_t j = from;
        while (j < limit && j < from + kMaxReleaseWords && w_.is_word(j) && !w_.capitalized(j) &&
               !cl_.evidence_noun(w_.key(j)))
            ++j;
        if (j >= limit || !w_.is_word(j) || w_.capitalized(j) || !cl_.evidence_noun(w_.key(j))) return {};
        if (j + 1 < limit && w_.is_word(j + 1) && w_.key(j + 1) != cl_.and_) return {};  // "figures released by ...": its author
        Speaker d;
        d.start = w_[from].start;
        d.end = w_[j].end;
        d.name = layer_.text(d.start, d.end);
        return d;
    }

    void verb(const Segment& s, std::size_t v, bool evidence_only) {
        const std::size_t sb = s.first_word, se = s.last_word;
        std::size_t wb = v;
        for (; wb > sb; --wb) {
            if (w_.is_word(wb - 1)) {
                if (wb < v && !w_.capitalized(wb - 1) && cl_.claim_verb(w_.key(wb - 1))) break;  // "X said its figures suggested"
                continue;
            }
            // "Food & Agriculture Organisation"
            if (!(w_.is_punct(wb - 1, L'&') && wb >= sb + 2 && w_.capitalized(wb - 2) && w_.capitalized(wb))) break;
        }
        // "Greg Mills, program director at AOL, said": a name, its apposition, the verb.
        bool apposed = false;  // the window holds a name and its apposition ("who heads ..." is no clause of its own)
        if (wb == v && wb > sb + 2 && w_.is_punct(v - 1, L',')) {
            std::size_t c1 = v - 1;
            while (c1 > sb && c1 + kMaxAppositionWords > v && w_.is_word(c1 - 1)) --c1;
            if (c1 > sb + 1 && c1 < v - 1 && w_.is_punct(c1 - 1, L',')) {
                std::size_t b = c1 - 1;
                bool name = true;
                while (b > sb && w_.is_word(b - 1) && name) {
                    --b;
                    name = w_.capitalized(b) || lex_.name_particle(w_.key(b));
                }
                if (name && b < c1 - 1 && c1 - 1 - b <= kMaxNameWords && w_.capitalized(b) && !lex_.function_word(w_.key(b))) {
                    wb = b;
                    apposed = true;
                }
            }
        }
        Claim c;
        c.scope_start = s.start;
        c.scope_end = s.end;
        if (wb == v) {
            // "..., said Sgt. Jose Gomez, a father of two.": the source after the verb, which ends the sentence.
            if (evidence_only || v == sb || v + 1 >= se) return;
            if (!(w_.capitalized(v + 1) || lex_.determiner(w_.key(v + 1)))) return;  // "reports suggest"
            c.source = a_.named_after(v + 1, se);
            if (!c.source.found()) return;
            c.source.verb = w_.key_text(v);
            said_after(std::min<std::size_t>(se, std::max(v + 1, w_.first_at(c.source.end))), se, c);
            c.quote = tagged_quote(v, v, sb, se);
            add(std::move(c), v, se);
            return;
        }
        // "Feres Kanaan, a member of ..., told AFP": the apposition belongs to the name before it.
        // Only after a name: "As the ferry sank, the captain said" is no apposition.
        if (wb > sb + 1 && w_.is_punct(wb - 1, L',') && !w_.capitalized(wb) && lex_.apposition_start(w_.key(wb))) {
            std::size_t b = wb - 1;
            bool name = true;
            while (b > sb && w_.is_word(b - 1) && name) {
                --b;
                name = w_.capitalized(b) || lex_.name_particle(w_.key(b));
            }
            if (name && b < wb - 1 && wb - 1 - b <= kMaxNameWords && !lex_.function_word(w_.key(b))) {
                wb = b;
                apposed = true;
            }
        }
        // A subordinate or relative clause ("When Guaido announced the aid
        // push,", "the 15 percent that some surveys had predicted"): the
        // attribution covers that clause only, up to its comma.
        std::size_t subject_begin = wb;
        for (std::size_t r = v - 1; !apposed && r-- > wb;) {
            if (!cl_.subordinator(w_.key(r)) || (w_.capitalized(r) && r != sb)) continue;
            subject_begin = r + 1;
            std::size_t ce = v + 1;
            while (ce < se && !(w_.is_punct(ce, L',') || w_.is_punct(ce, L';') || w_.is_punct(ce, L':'))) ++ce;
            c.scope_start = w_[r].start;
            c.scope_end = w_[ce - 1].end;
            // A relative clause speaks for its antecedent too: "the 15 percent that some surveys had predicted".
            const WordId k = w_.key(r);
            if ((k == lex_.word.that || k == lex_.word.which) && r > sb && w_.is_word(r - 1) && !cl_.claim_verb(w_.key(r - 1))) {
                std::size_t a = r;
                while (a > sb && a + kMaxAntecedentWords > r && w_.is_word(a - 1)) --a;
                c.scope_start = w_[a].start;
            }
            break;
        }
        // "I'd say 70% ...", "we estimate": the first person outside quotation marks is the article's own voice.
        if (v == subject_begin + 1 && cl_.first_person(w_.key(subject_begin))) return;
        bool evidence_subject = false;
        for (std::size_t t = subject_begin; t < v && !evidence_subject; ++t) evidence_subject = cl_.evidence_noun(w_.key(t));
        if (evidence_only) {
            // "reports suggest", "a survey found": the description as written
            // ("its figures suggest" is the source's own, said before).
            if (!evidence_subject || lex_.possessive_pronoun(w_.key(subject_begin)) || w_.key(subject_begin) == cl_.its) return;
            std::size_t he = v;
            while (he > subject_begin + 1 && (lex_.pre_verb_word(w_.key(he - 1)) || cl_.have(w_.key(he - 1)))) --he;
            c.source.name = layer_.text(w_[subject_begin].start, w_[he - 1].end);
            c.source.start = w_[subject_begin].start;
            c.source.end = w_[he - 1].end;
        } else {
            c.source = a_.reporter(subject_begin, v, se);
            // The subject's last word, before "had", "also": "pollsters had predicted".
            std::size_t he = v;
            while (he > subject_begin + 1 && (lex_.pre_verb_word(w_.key(he - 1)) || lex_.auxiliary(w_.key(he - 1)) ||
                                              cl_.have(w_.key(he - 1))))
                --he;
            const WordId head = w_.key(he - 1);
            const std::wstring_view verb = w_.key_text(v), head_text = w_.key_text(he - 1);
            // Groups the quotes lexicon knows ("migration services", "officials"), and
            // any plural before a past tense, which is no noun: "doctors warned".
            const bool past = verb.size() > 2 && (verb.substr(verb.size() - 2) == L"ed" || cl_.tell_verb(w_.key(v)) ||
                                                  verb == L"said");
            const bool plural = head_text.size() > 3 && head_text.back() == L's' && !lex_.not_speaker(head);
            const bool group = !w_.capitalized(he - 1) && w_.is_word(he - 1) &&
                               (lex_.collective_speaker(head) || lex_.organisation_word(head) || (plural && past));
            if (!c.source.found() && (evidence_subject || group) && he - subject_begin <= kMaxGroupWords) {
                c.source.name = layer_.text(w_[subject_begin].start, w_[he - 1].end);
                c.source.start = w_[subject_begin].start;
                c.source.end = w_[he - 1].end;
            }
        }
        if (!c.source.found()) return;
        c.source.verb = w_.key_text(v);
        std::size_t p = v + 1;
        // "told AFP", "told reporters on Monday": the audience is part of the attribution.
        if (cl_.tell_verb(w_.key(v)))
            while (p < se && p < v + 1 + kMaxObjectWords && w_.is_word(p) &&
                   (w_.capitalized(p) || cl_.audience(w_.key(p)) || lex_.determiner(w_.key(p))) &&
                   !cl_.weekday(w_.key(p)) && !cl_.month(w_.key(p)))
                ++p;
        const std::size_t cue_e = said_after(p, se, c);
        // "On Tuesday, the ministry said", "Last month, the company warned": the time opens the sentence.
        if (c.said_start == kNone && subject_begin == wb && wb >= sb + 2 && w_.is_punct(wb - 1, L',') &&
            time_at(sb, wb - 1) == wb - 1) {
            c.said_start = w_[sb].start;
            c.said_end = w_[wb - 2].end;
        }
        c.quote = tagged_quote(wb, cue_e, sb, se);
        add(std::move(c), subject_begin, std::max(cue_e, v + 1));
    }
};

}  // namespace

void ClaimLexicon::add(std::uint32_t flags, std::initializer_list<const wchar_t*> words) {
    for (const wchar_t* w : words) {
        const WordId id = Vocabulary::global().intern_text(w);
        if (id >= flags_.size()) flags_.resize(id + 1, 0);
        flags_[id] |= flags;
    }
    size_ = static_cast<WordId>(flags_.size());
}

ClaimLexicon::ClaimLexicon() {
    // The reporting verbs of ../shared/eval/GUIDELINES.md ("Number claims"), finite forms.
    add(kClaimVerb, {L"say", L"says", L"said", L"tell", L"tells", L"told", L"add", L"adds", L"added", L"report",
                     L"reports", L"reported", L"announce", L"announces", L"announced", L"estimate", L"estimates",
                     L"estimated", L"state", L"states", L"stated", L"claim", L"claims", L"claimed", L"confirm",
                     L"confirms", L"confirmed", L"predict", L"predicts", L"predicted", L"warn", L"warns", L"warned"});
    add(kEvidenceVerb, {L"find", L"finds", L"found", L"show", L"shows", L"showed", L"suggest", L"suggests",
                        L"suggested", L"indicate", L"indicates", L"indicated"});
    add(kEvidenceNoun, {L"study", L"studies", L"survey", L"surveys", L"evaluation", L"evaluations", L"data",
                        L"report", L"reports", L"poll", L"polls", L"figures", L"statistics", L"analysis",
                        L"research", L"estimates", L"census", L"review", L"audit", L"assessment", L"findings",
                        L"records", L"tally", L"count"});
    add(kTellVerb, {L"tell", L"tells", L"told"});
    add(kNeedsClause, {L"add", L"adds", L"added", L"claim", L"claims", L"claimed"});
    add(kHave, {L"have", L"has", L"had"});
    add(kFirstPerson, {L"i", L"i'd", L"i'll", L"i've", L"i'm", L"we", L"we'd", L"we'll", L"we've", L"you", L"you'd"});
    add(kBe, {L"is", L"are", L"was", L"were", L"be", L"been", L"being"});
    add(kSubordinator, {L"when", L"as", L"after", L"before", L"while", L"whilst", L"because", L"if", L"although",
                        L"though", L"until", L"unless", L"where", L"whereas", L"which", L"that", L"who", L"whom",
                        L"once"});
    add(kWeekday, {L"monday", L"tuesday", L"wednesday", L"thursday", L"friday", L"saturday", L"sunday"});
    add(kMonth, {L"january", L"february", L"march", L"april", L"may", L"june", L"july", L"august", L"september",
                 L"october", L"november", L"december", L"jan", L"feb", L"mar", L"apr", L"jun", L"jul", L"aug",
                 L"sep", L"sept", L"oct", L"nov", L"dec"});
    add(kRelativeDay, {L"yesterday", L"today", L"tonight"});
    add(kTimeNoun, {L"week", L"month", L"year", L"weekend", L"fortnight"});
    add(kDayPart, {L"morning", L"afternoon", L"evening", L"night"});
    add(kTimeModifier, {L"on", L"last", L"this", L"earlier", L"late", L"early", L"next"});
    add(kReleaseNoun, {L"statement", L"release", L"interview", L"briefing", L"tweet", L"post", L"letter",
                       L"communique", L"message", L"broadcast", L"conference", L"speech", L"video", L"report"});
    add(kAudience, {L"reporters", L"journalists", L"lawmakers", L"parliament", L"congress", L"supporters",
                    L"listeners", L"viewers", L"residents", L"delegates"});
    add(kAccording, {L"according"});
    add(kNameLink, {L"of", L"en", L"for", L"des", L"et", L"on"});
    add(kNumberWord, {L"zero", L"one", L"two", L"three", L"four", L"five", L"six", L"seven", L"eight", L"nine", L"ten",
                      L"eleven", L"twelve", L"thirteen", L"fourteen", L"fifteen", L"sixteen", L"seventeen",
                      L"eighteen", L"nineteen", L"twenty", L"thirty", L"forty", L"fifty", L"sixty", L"seventy",
                      L"eighty", L"ninety", L"hundred", L"hundreds", L"thousand", L"thousands", L"million",
                      L"millions", L"billion", L"billions", L"trillion", L"trillions", L"dozen", L"dozens", L"score",
                      L"scores", L"half", L"halves", L"third", L"thirds", L"quarter", L"quarters", L"lakh", L"crore",
                      L"couple", L"several", L"few", L"single", L"double", L"triple", L"once", L"twice", L"none"});
    according = Vocabulary::global().intern_text(L"according");
    to = Vocabulary::global().intern_text(L"to");
    and_ = Vocabulary::global().intern_text(L"and");
    in = Vocabulary::global().intern_text(L"in");
    by = Vocabulary::global().intern_text(L"by");
    its = Vocabulary::global().intern_text(L"its");
}

std::size_t ClaimLexicon::first_cue(const Words& words, std::size_t from, std::size_t to) const {
    const std::uint32_t* const flags = flags_.data();
    const WordId size = size_;
    const Word* const all = words.data();
    auto cue_at = [&](const Word* p) { return p->key < size && (flags[p->key] & (kClaimVerb | kEvidenceVerb | kAccording)); };
    return static_cast<std::size_t>(first_where(all + from, all + to, cue_at) - all);
}

bool ClaimLexicon::figure_in(const Words& words, std::size_t from, std::size_t to) const {
    const std::uint32_t* const flags = flags_.data();
    const WordId size = size_;
    const Word* const all = words.data();
    // Digits or a number word ("two", "hundreds", "twenty-five"): a figure the numbers plugin may report.
    auto figure = [&](const Word* p) {
        const Word& w = *p;
        const auto i = static_cast<std::size_t>(p - all);
        if (!w.alnum) return false;
        if ((w.key < size && (flags[w.key] & kNumberWord)) || chars::is_digit(static_cast<char32_t>(words.first_char(i))))
            return true;
        return w.last - w.first >= 3 && compound_figure(words, *this, i);
    };
    return from < to && first_where(all + from, all + to, figure) != all + to;
}

// Sentences and quotations without a figure need no attribution (the
// annotations are for number claims).
bool holds_figure(const Words& w, const ClaimLexicon& cl, std::size_t start, std::size_t end) {
    return cl.figure_in(w, w.first_at(start), w.first_at(end));
}

std::vector<Claim> find_claims(const TextLayer& layer, const Words& words, const Lexicon& lex, const ClaimLexicon& cl,
                               Attributor& attributor, const NameIndex& names, const std::vector<QuoteSpan>& quotes) {
    return ClaimFinder(layer, words, lex, cl, attributor, names, quotes).run();
}

}  // namespace newslens::quotes
