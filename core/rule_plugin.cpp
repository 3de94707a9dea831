#include "rule_plugin.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <memory>
#include <locale>
#include <set>

#include "chars.h"
#include "regex.h"

namespace newslens {
namespace {

using ojson = nlohmann::ordered_json;

// How one output field gets its value.
struct FieldRule {
    std::string name;
    std::string capture;         // named capture to read, or empty for a constant
    ojson constant;              // used when capture is empty
    std::string text_transform;  // "", "lower", "upper", "trim"
    std::string via_plugin;      // normalise by running this plugin on the capture...
    std::string via_field;       // ...and taking this field of its first mention
};

struct Rule {
    std::string id;
    boost::wregex re;
    std::string span;  // capture that forms the mention's span; empty = whole match
    std::vector<FieldRule> fields;
    std::string inside;   // keep a match only inside a mention of this plugin...
    std::string outside;  // ...or only where this plugin found nothing
    bool plain = false;   // accent-insensitive: matched against the text without accents
};

// A Latin letter without its accent, in its case ('É' -> 'E', 'ñ' -> 'n');
// any other character as it is. One code point for one, so that offsets into
// the plain text are offsets into the text.
wchar_t plain_letter(wchar_t c) {
    if (c < 0x80 || !chars::is_letter(static_cast<char32_t>(c))) return c;
    const char32_t f = chars::fold(static_cast<char32_t>(c));
    if (f < U'a' || f > U'z') return c;
    return static_cast<wchar_t>(chars::is_upper(static_cast<char32_t>(c)) ? f - 32 : f);
}

std::wstring plain_text(const std::wstring& text) {
    std::wstring out(text);
    for (wchar_t& c : out) c = plain_letter(c);
    return out;
}

struct CompiledPlugin {
    std::vector<Rule> rules;
    std::vector<std::string> needs;  // plugins whose mentions the rules read
    // Plugins that normalise captures, created once.
    std::map<std::string, std::unique_ptr<Extractor>> helpers;
};

class RuleExtractor : public Extractor {
public:
    explicit RuleExtractor(std::shared_ptr<const CompiledPlugin> plugin) : plugin_(std::move(plugin)) {}

    Dependencies dependencies() const override { return {plugin_->needs, {}}; }

    void extract(const Context& ctx, std::vector<Mention>& out) const override {
        const Document& doc = ctx.document();
        const std::wstring& text = doc.wide();
        std::wstring plain;  // made once, for the first accent-insensitive rule
        std::set<std::pair<std::size_t, std::size_t>> taken;  // first rule wins a span
        for (const Rule& rule : plugin_->rules) {
            if (rule.plain && plain.empty()) plain = plain_text(text);
            // Boost.Regex throws std::runtime_error when a pattern backtracks
            // past its complexity limit: the Analyzer turns that into this
            // plugin's error and the other plugins keep their results.
            try {
                run_rule(ctx, rule, rule.plain ? plain : text, text, taken, out);
            } catch (const std::runtime_error& e) {
                throw std::runtime_error("rule '" + rule.id + "': " +
                                         (std::string(e.what()).find("complexity") != std::string::npos
                                              ? "the pattern backtracks too much (Boost.Regex complexity limit); "
                                                "make each choice in it unambiguous"
                                              : std::string(e.what())));
            }
        }
    }

private:
    // True when [start, stop) lies inside one of `mentions` (sorted by start).
    static bool covered(const std::vector<Mention>& mentions, std::size_t start, std::size_t stop) {
        auto it = std::upper_bound(mentions.begin(), mentions.end(), start,
                                   [](std::size_t s, const Mention& m) { return s < m.start; });
        while (it != mentions.begin()) {
            --it;
            if (it->start <= start && it->end >= stop) return true;
            if (it->end <= start && it->start + 4096 < start) break;  // far enough back
        }
        return false;
    }
    static bool overlaps(const std::vector<Mention>& mentions, std::size_t start, std::size_t stop) {
        auto it = std::lower_bound(mentions.begin(), mentions.end(), stop,
                                   [](const Mention& m, std::size_t s) { return m.start < s; });
        while (it != mentions.begin()) {
            --it;
            if (it->end > start) return true;
            if (it->start + 4096 < start) break;
        }
        return false;
    }

    // Matches in `subject` (the text, or its plain form: same offsets); field
    // values are read from `text`, as written.
    void run_rule(const Context& ctx, const Rule& rule, const std::wstring& subject, const std::wstring& text,
                  std::set<std::pair<std::size_t, std::size_t>>& taken, std::vector<Mention>& out) const {
        const std::vector<Mention>* inside = rule.inside.empty() ? nullptr : &ctx.mentions(rule.inside);
        const std::vector<Mention>* outside = rule.outside.empty() ? nullptr : &ctx.mentions(rule.outside);
        for (boost::wsregex_iterator it(subject.begin(), subject.end(), rule.re), end; it != end; ++it) {
            const boost::wsmatch& m = *it;
            std::size_t start, stop;
            if (rule.span.empty()) {
                start = static_cast<std::size_t>(m.position());
                stop = start + static_cast<std::size_t>(m.length());
            } else {
                const auto& sub = m[rule.span];
                if (!sub.matched) continue;
                start = static_cast<std::size_t>(sub.first - subject.begin());
                stop = static_cast<std::size_t>(sub.second - subject.begin());
            }
            if (start >= stop) continue;
            if (inside && !covered(*inside, start, stop)) continue;
            if (outside && overlaps(*outside, start, stop)) continue;
            if (!taken.insert({start, stop}).second) continue;
            Mention mention;
            mention.start = start;
            mention.end = stop;
            mention.fields["rule"] = rule.id;
            for (const FieldRule& f : rule.fields) mention.fields[f.name] = field_value(f, m, subject, text);
            out.push_back(std::move(mention));
        }
    }

    Value field_value(const FieldRule& f, const boost::wsmatch& m, const std::wstring& subject,
                      const std::wstring& text) const {
        if (f.capture.empty()) return f.constant;
        const auto& sub = m[f.capture];
        if (!sub.matched) return nullptr;
        std::wstring value = text.substr(static_cast<std::size_t>(sub.first - subject.begin()),
                                         static_cast<std::size_t>(sub.second - sub.first));
        if (!f.via_plugin.empty()) {
            const Document piece("capture", to_utf8(value));
            std::vector<Mention> found;
            plugin_->helpers.at(f.via_plugin)->extract(DocumentContext(piece), found);
            for (const Mention& h : found)
                if (const Value* v = h.fields.find(f.via_field)) return *v;
            return nullptr;
        }
        const std::ctype<wchar_t>& ct = std::use_facet<std::ctype<wchar_t>>(text_locale());
        if (f.text_transform == "lower") ct.tolower(&value[0], &value[0] + value.size());
        if (f.text_transform == "upper") ct.toupper(&value[0], &value[0] + value.size());
        // Collapse runs of white space: captures may cross line breaks.
        std::wstring clean;
        for (wchar_t c : value) {
            if (ct.is(std::ctype_base::space, c)) {
                if (!clean.empty() && clean.back() != L' ') clean += L' ';
            } else {
                clean += c;
            }
        }
        while (!clean.empty() && clean.back() == L' ') clean.pop_back();
        return to_utf8(clean);
    }

    std::shared_ptr<const CompiledPlugin> plugin_;
};

std::string escape_regex(const std::string& word) {
    std::string out;
    for (char c : word) {
        if (std::string("\\^$.|?*+()[]{}-/").find(c) != std::string::npos) out += '\\';
        out += c;
    }
    return out;
}

// The words of a list entry plus its English plural ("a list's words also
// match in the plural"): the last word takes -ies after a consonant + y,
// -es after s, x, z, ch or sh, else -s. Irregular plurals are listed by hand.
std::vector<std::string> with_plural(const std::string& w) {
    const auto ends = [&](const char* tail) {
        const std::size_t n = std::char_traits<char>::length(tail);
        return w.size() > n && w.compare(w.size() - n, n, tail) == 0;
    };
    const char last = w.back();
    if ((last == 'y' || last == 'Y') && w.size() > 1 && std::string("aeiouAEIOU").find(w[w.size() - 2]) == std::string::npos &&
        std::isalpha(static_cast<unsigned char>(w[w.size() - 2])))
        return {w, w.substr(0, w.size() - 1) + "ies"};
    if (!std::isalpha(static_cast<unsigned char>(last))) return {w};
    if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) return {w, w + "es"};
    return {w, w + "s"};
}

// A list as the regex alternation a pattern's {{list}} becomes: its entries
// escaped, longest first (in code points), so "Labour Party" wins over
// "Labour".
std::wstring list_alternation(const std::vector<std::string>& words, bool plurals) {
    std::vector<std::wstring> forms;
    for (const std::string& w : words)
        for (const std::string& f : plurals ? with_plural(w) : std::vector<std::string>{w}) forms.push_back(to_wide(escape_regex(f)));
    std::sort(forms.begin(), forms.end(), [](const std::wstring& a, const std::wstring& b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
    std::wstring alt = L"(?:";
    for (std::size_t i = 0; i < forms.size(); ++i) alt += (i ? L"|" : L"") + forms[i];
    return alt + L")";
}

// A {{list}} spliced into a pattern: where it was written and what it became.
struct Splice {
    std::size_t at, length;  // in the pattern as written (code points)
    std::size_t expanded_at, expanded_length;
    std::string list;
};

// An offset into the expanded pattern, back in the pattern as written; `list`
// is set when it falls inside a spliced list.
std::size_t written_offset(const std::vector<Splice>& splices, std::size_t pos, std::string& list) {
    std::ptrdiff_t shift = 0;
    for (const Splice& s : splices) {
        if (pos < s.expanded_at) break;
        if (pos < s.expanded_at + s.expanded_length) { list = s.list; return s.at; }
        shift += static_cast<std::ptrdiff_t>(s.expanded_length) - static_cast<std::ptrdiff_t>(s.length);
    }
    return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(pos) - shift);
}

// Boost.Regex's message without the fragment it quotes (of the expanded
// pattern, which the author never wrote).
std::string regex_message(const boost::regex_error& e) {
    std::string what = e.what();
    const std::size_t cut = what.find("  The error occurred while parsing");
    return cut == std::string::npos ? what : what.substr(0, cut);
}

// Unknown keys are reported: a misspelt option would otherwise be ignored.
void check_keys(const nlohmann::ordered_json& object, std::initializer_list<const char*> known,
                const std::function<void(const std::string&, const std::string&)>& fail, const std::string& where) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (std::find_if(known.begin(), known.end(), [&](const char* k) { return it.key() == k; }) != known.end()) continue;
        std::string list;
        for (const char* k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        fail((where.empty() ? "" : where + ".") + it.key(), "unknown key (known here: " + list + ")");
    }
}

// Names defined by (?<name>...), (?'name'...) and (?P<name>...) in a pattern.
std::set<std::string> capture_names(const std::string& pattern) {
    std::set<std::string> names;
    for (std::size_t i = 0; i + 3 < pattern.size(); ++i) {
        if (pattern[i] == '\\') { ++i; continue; }
        if (pattern[i] != '(' || pattern[i + 1] != '?') continue;
        std::size_t j = i + 2;
        if (pattern[j] == 'P') ++j;
        if (j >= pattern.size() || (pattern[j] != '<' && pattern[j] != '\'')) continue;
        const char close = pattern[j] == '<' ? '>' : '\'';
        const std::size_t k = pattern.find(close, j + 1);
        if (k == std::string::npos) continue;
        const std::string name = pattern.substr(j + 1, k - j - 1);
        if (!name.empty() && name != "=" && name != "!" && name[0] != '=' && name[0] != '!') names.insert(name);
    }
    return names;
}

bool valid_name(const std::string& s) {
    if (s.empty() || s.size() > 40 || !(s[0] >= 'a' && s[0] <= 'z')) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

}  // namespace

RulePluginError::RulePluginError(std::vector<std::string> problems)
    : std::runtime_error(problems.empty() ? "invalid rule plugin" : problems.front()), problems_(std::move(problems)) {
    for (const std::string& line : problems_) details_.push_back({"", -1, -1, line});
}

RulePluginError::RulePluginError(std::vector<RuleProblem> problems)
    : std::runtime_error(problems.empty() ? "invalid rule plugin" : problems.front().line), details_(std::move(problems)) {
    for (const RuleProblem& p : details_) problems_.push_back(p.line);
}

namespace {

PluginInfo load_checked(const std::string& json_text, const std::string& source) {
    std::vector<RuleProblem> problems;
    // `where` is what the message names ("rules[0] (id 'x').pattern"), `path`
    // the key path without the id (defaults to `where`).
    auto fail = [&](const std::string& where, const std::string& what, int rule = -1, long offset = -1,
                    std::string path = "") {
        if (path.empty()) {
            path = where;
            const std::size_t id = path.find(" (id '");
            if (id != std::string::npos) path.erase(id, path.find("')", id) + 2 - id);
        }
        problems.push_back({path, rule, offset, source + ": " + where + ": " + what});
    };

    ojson spec;
    try {
        spec = ojson::parse(json_text);
    } catch (const ojson::exception& e) {
        // A syntax error names the line, column and what was expected; a
        // number too large for a double is an error here too.
        throw RulePluginError({source + ": not valid JSON: " + std::string(e.what())});
    }
    if (!spec.is_object()) throw RulePluginError({source + ": the file must hold one JSON object"});
    check_keys(spec, {"newslens_rule_plugin", "name", "version", "description", "label", "color", "fields", "lists", "rules", "needs"},
               [&](const std::string& w, const std::string& what) { fail(w, what); }, "");

    const auto format = spec.value("newslens_rule_plugin", ojson());
    if (!format.is_number_integer())
        fail("newslens_rule_plugin", "missing: set it to " + std::to_string(kRulePluginFormat));
    else if (format.get<int>() != kRulePluginFormat)
        fail("newslens_rule_plugin", "format " + format.dump() + " is not supported by this newslens (it reads format " +
                                         std::to_string(kRulePluginFormat) + ")");

    auto text_field = [&](const char* key, bool required) -> std::string {
        if (!spec.contains(key)) {
            if (required) fail(key, "missing");
            return {};
        }
        if (!spec[key].is_string()) { fail(key, "must be a string"); return {}; }
        return spec[key].get<std::string>();
    };
    PluginInfo info;
    info.name = text_field("name", true);
    if (!info.name.empty() && !valid_name(info.name))
        fail("name", "'" + info.name + "' must be lower-case letters, digits, - or _, starting with a letter");
    info.description = text_field("description", true);
    const std::string version = text_field("version", false);
    // The page's tag and colour for the plugin's highlights.
    const std::string label = text_field("label", false);
    if (to_wide(label).size() > 16) fail("label", "at most 16 characters: it tags every highlight");
    const std::string color = text_field("color", false);
    const auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    if (!color.empty() && !(color.size() == 7 && color[0] == '#' && std::all_of(color.begin() + 1, color.end(), hex)))
        fail("color", "'" + color + "' must be a colour as #RRGGBB");

    // Word lists, spliced into patterns as {{list}} (list_alternation).
    std::map<std::string, std::vector<std::string>> lists;
    std::set<std::string> bad_lists;  // reported once, not again by each rule using them
    if (spec.contains("lists")) {
        if (!spec["lists"].is_object()) fail("lists", "must be an object of name: [words]");
        else
            for (auto it = spec["lists"].begin(); it != spec["lists"].end(); ++it) {
                std::vector<std::string> words;
                bool ok = it.value().is_array() && !it.value().empty();
                if (ok)
                    for (const auto& w : it.value()) {
                        if (!w.is_string() || w.get<std::string>().empty()) { ok = false; break; }
                        words.push_back(w.get<std::string>());
                    }
                if (!ok) {
                    fail("lists." + it.key(), "must be a non-empty array of non-empty strings");
                    bad_lists.insert(it.key());
                    continue;
                }
                lists[it.key()] = std::move(words);
            }
    }

    // Declared output fields (labels for the page); rule fields must be declared.
    std::vector<std::string> declared;
    if (spec.contains("fields")) {
        if (!spec["fields"].is_object()) fail("fields", "must be an object of field: {\"label\": ...}");
        else
            for (auto it = spec["fields"].begin(); it != spec["fields"].end(); ++it) {
                declared.push_back(it.key());
                if (it.key() == "plugin" || it.key() == "start" || it.key() == "end" || it.key() == "text" || it.key() == "rule")
                    fail("fields." + it.key(), "is a reserved name");
            }
    }

    auto compiled = std::make_shared<CompiledPlugin>();
    // Plugins that run first so that rules can read their mentions
    // ("inside"/"outside"); `--plugins` pulls them in.
    if (spec.contains("needs")) {
        const ojson& needs = spec["needs"];
        bool ok = needs.is_array();
        if (ok)
            for (const auto& n : needs) ok = ok && n.is_string();
        if (!ok) {
            fail("needs", "must be an array of plugin names");
        } else {
            for (const auto& n : needs) {
                const std::string name = n.get<std::string>();
                if (name == info.name) fail("needs", "a plugin cannot need itself");
                else if (!Registry::global().find(name)) fail("needs", "'" + name + "' is not a plugin of this build (available: " + [] {
                    std::string known;
                    for (const PluginInfo* p : Registry::global().list()) known += (known.empty() ? "" : ", ") + p->name;
                    return known;
                }() + ")");
                else compiled->needs.push_back(name);
            }
        }
    }
    if (!spec.contains("rules") || !spec["rules"].is_array() || spec["rules"].empty()) {
        fail("rules", "missing: give a non-empty array of rules");
    } else {
        std::set<std::string> ids;
        for (std::size_t i = 0; i < spec["rules"].size(); ++i) {
            const ojson& r = spec["rules"][i];
            const int index = static_cast<int>(i);
            std::string where = "rules[" + std::to_string(i) + "]";
            const std::string at = where;  // the key path, without the id
            if (!r.is_object()) { fail(where, "must be an object", index); continue; }
            check_keys(r, {"id", "pattern", "list", "case_insensitive", "accent_insensitive", "plurals", "word_boundary", "span",
                           "inside", "outside", "fields"},
                       [&](const std::string& w, const std::string& what) { fail(w, what, index); }, where);
            // Optional keys of the rule, checked for their type.
            auto text_key = [&](const char* key) -> std::string {
                if (!r.contains(key)) return {};
                if (!r[key].is_string()) {
                    fail("rules[" + std::to_string(i) + "]." + key, "must be a string", index);
                    return {};
                }
                return r[key].get<std::string>();
            };
            auto bool_key = [&](const char* key, bool fallback) -> bool {
                if (!r.contains(key)) return fallback;
                if (!r[key].is_boolean()) {
                    fail("rules[" + std::to_string(i) + "]." + key, "must be true or false", index);
                    return fallback;
                }
                return r[key].get<bool>();
            };
            Rule rule;
            rule.id = text_key("id");
            if (rule.id.empty()) rule.id = "rule" + std::to_string(i + 1);
            where += " (id '" + rule.id + "')";
            if (!ids.insert(rule.id).second) fail(where, "id is used twice", index, -1, at + ".id");
            const bool icase = bool_key("case_insensitive", false);
            const bool words = bool_key("word_boundary", true);
            const bool plurals = bool_key("plurals", false);
            rule.plain = bool_key("accent_insensitive", false);

            // A rule is a pattern, or a word list to find as whole words.
            if (r.contains("pattern") == r.contains("list")) {
                fail(where, "give exactly one of \"pattern\" or \"list\"", index);
                continue;
            }
            // The pattern as written (a list rule: a reference to its list),
            // in code points, and its {{list}} references spliced in.
            std::wstring written;
            if (r.contains("list")) {
                const std::string name = r["list"].is_string() ? r["list"].get<std::string>() : "";
                if (!lists.count(name)) {
                    if (!bad_lists.count(name)) fail(where + ".list", "no list named '" + name + "' in \"lists\"", index);
                    continue;
                }
                written = L"(?<match>{{" + to_wide(name) + L"}})";
            } else if (!r["pattern"].is_string() || r["pattern"].get<std::string>().empty()) {
                fail(where + ".pattern", "must be a non-empty string", index);
                continue;
            } else {
                written = to_wide(r["pattern"].get<std::string>());
            }
            std::wstring pattern;
            std::vector<Splice> splices;
            bool bad_ref = false;
            for (std::size_t from = 0;;) {
                const std::size_t open = written.find(L"{{", from);
                const std::size_t close = open == std::wstring::npos ? open : written.find(L"}}", open);
                if (close == std::wstring::npos) { pattern += written.substr(from); break; }
                const std::string name = to_utf8(written.substr(open + 2, close - open - 2));
                if (!lists.count(name)) {
                    if (!bad_lists.count(name))
                        fail(where + ".pattern", "{{" + name + "}} names no list in \"lists\" (at offset " + std::to_string(open) + ")",
                         index, static_cast<long>(open));
                    bad_ref = true;
                    break;
                }
                pattern += written.substr(from, open - from);
                const std::wstring alt = list_alternation(lists[name], plurals);
                splices.push_back({open, close + 2 - open, pattern.size(), alt.size(), name});
                pattern += alt;
                from = close + 2;
            }
            if (bad_ref) continue;
            // Accent-insensitive: the pattern's letters lose their accents
            // too, as the text they are matched against.
            if (rule.plain) pattern = plain_text(pattern);
            // Compile the user's pattern alone first, so that a syntax error
            // is reported at its offset in what the user wrote.
            try {
                make_regex(pattern, icase);
            } catch (const boost::regex_error& e) {
                std::string list;
                const std::size_t pos = written_offset(splices, static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, e.position())), list);
                const std::string near = pos < written.size() ? " near '" + to_utf8(written.substr(pos, 12)) + "'" : " (at the end)";
                fail(where + (r.contains("list") ? ".list" : ".pattern"),
                     (list.empty() ? "regex error at offset " + std::to_string(pos) + " of your pattern" + near
                                   : "regex error in the words of {{" + list + "}} (used at offset " + std::to_string(pos) + " of your pattern)") +
                         ": " + regex_message(e),
                     index, static_cast<long>(pos));
                continue;
            }
            // Word boundaries as look-arounds: unlike \b they also behave
            // when the pattern starts or ends with punctuation.
            rule.re = make_regex(words ? L"(?<![[:alnum:]_])(?:" + pattern + L")(?![[:alnum:]_])" : pattern, icase);
            const std::set<std::string> captures = capture_names(to_utf8(written));
            for (const char* key : {"inside", "outside"}) {
                const std::string other = text_key(key);
                if (other.empty()) continue;
                const bool needed = std::find(compiled->needs.begin(), compiled->needs.end(), other) != compiled->needs.end();
                if (!needed) fail(where + "." + key, "'" + other + "' must be listed in the manifest's \"needs\"", index, -1, at + "." + key);
                (std::string(key) == "inside" ? rule.inside : rule.outside) = other;
            }
            rule.span = text_key("span");
            if (!rule.span.empty() && !captures.count(rule.span))
                fail(where + ".span", "no capture named '" + rule.span + "' in the pattern", index, -1, at + ".span");

            if (r.contains("fields")) {
                if (!r["fields"].is_object()) { fail(where + ".fields", "must be an object", index, -1, at + ".fields"); continue; }
                for (auto it = r["fields"].begin(); it != r["fields"].end(); ++it) {
                    const std::string fwhere = where + ".fields." + it.key();
                    const std::string fpath = at + ".fields." + it.key();
                    if (it.value().is_object())
                        check_keys(it.value(), {"capture", "value", "normalize"},
                                   [&](const std::string& w, const std::string& what) { fail(w, what, index, -1, fpath); }, fwhere);
                    FieldRule f;
                    f.name = it.key();
                    if (!declared.empty() && std::find(declared.begin(), declared.end(), f.name) == declared.end())
                        fail(fwhere, "is not declared in the manifest's \"fields\"", index, -1, fpath);
                    const ojson& fs = it.value();
                    if (fs.is_string()) {  // shorthand: "field": "capture"
                        f.capture = fs.get<std::string>();
                    } else if (fs.is_object() && fs.contains("capture") && fs["capture"].is_string()) {
                        f.capture = fs["capture"].get<std::string>();
                    } else if (fs.is_object() && fs.contains("value")) {
                        f.constant = fs["value"];
                    } else {
                        fail(fwhere, "give \"capture\": NAME or \"value\": CONSTANT", index, -1, fpath);
                        continue;
                    }
                    if (!f.capture.empty() && !captures.count(f.capture)) {
                        fail(fwhere + ".capture", "no capture named '" + f.capture + "' in the pattern", index, -1, fpath + ".capture");
                        continue;
                    }
                    if (fs.is_object() && fs.contains("normalize")) {
                        const ojson& n = fs["normalize"];
                        if (n.is_string() && (n == "lower" || n == "upper" || n == "trim")) {
                            f.text_transform = n.get<std::string>();
                        } else if (n.is_object() && n.contains("plugin") && n["plugin"].is_string()) {
                            f.via_plugin = n["plugin"].get<std::string>();
                            f.via_field = n.contains("field") && n["field"].is_string() ? n["field"].get<std::string>() : "value";
                            const PluginInfo* helper = Registry::global().find(f.via_plugin);
                            if (!helper || helper->about.value("origin", "") == "rules") {
                                fail(fwhere + ".normalize", "needs the plugin '" + f.via_plugin + "', which this build does not have", index,
                                     -1, fpath + ".normalize");
                                continue;
                            }
                            if (!compiled->helpers.count(f.via_plugin)) compiled->helpers[f.via_plugin] = helper->create();
                        } else {
                            fail(fwhere + ".normalize",
                                 "must be \"lower\", \"upper\", \"trim\" or {\"plugin\": NAME, \"field\": FIELD}", index, -1,
                                 fpath + ".normalize");
                            continue;
                        }
                    }
                    rule.fields.push_back(std::move(f));
                }
            }
            compiled->rules.push_back(std::move(rule));
        }
    }
    if (!problems.empty()) throw RulePluginError(problems);

    info.about["origin"] = "rules";
    info.about["file"] = source.substr(source.find_last_of('/') == std::string::npos ? 0 : source.find_last_of('/') + 1);
    if (!version.empty()) info.about["version"] = version;
    if (!label.empty()) info.about["label"] = label;
    if (!color.empty()) info.about["color"] = color;
    if (spec.contains("fields")) info.about["fields"] = spec["fields"];
    if (!compiled->needs.empty()) info.about["needs"] = compiled->needs;
    std::shared_ptr<const CompiledPlugin> shared = compiled;
    info.create = [shared] { return std::unique_ptr<Extractor>(new RuleExtractor(shared)); };
    return info;
}

}  // namespace

PluginInfo load_rule_plugin(const std::string& json_text, const std::string& source) {
    try {
        return load_checked(json_text, source);
    } catch (const nlohmann::ordered_json::exception& e) {
        // A value of an unexpected type that the checks above let through:
        // still this file's problem, reported like the others.
        throw RulePluginError({source + ": " + e.what()});
    }
}

std::string register_rule_plugin(const std::string& json_text, const std::string& source) {
    PluginInfo info = load_rule_plugin(json_text, source);
    const PluginInfo* existing = Registry::global().find(info.name);
    if (existing && existing->about.value("origin", "") != "rules")
        throw RulePluginError(std::vector<RuleProblem>{
            {"name", -1, -1, source + ": name: '" + info.name + "' is taken by a built-in plugin; choose another name"}});
    const std::string name = info.name;
    Registry::global().add_or_replace(std::move(info));
    return name;
}

}  // namespace newslens
