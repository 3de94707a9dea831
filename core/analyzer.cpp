#include "analyzer.h"

#include "json_writer.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <stdexcept>

namespace newslens {

std::vector<std::string> split_plugin_list(const std::string& csv) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        const auto b = cur.find_first_not_of(" \t");
        if (b != std::string::npos) out.push_back(cur.substr(b, cur.find_last_not_of(" \t") - b + 1));
        cur.clear();
    };
    for (char c : csv) {
        if (c == ',') flush();
        else cur += c;
    }
    flush();
    return out;
}

namespace {

std::string available_plugins() {
    std::string known;
    for (const PluginInfo* p : Registry::global().list()) known += (known.empty() ? "" : ", ") + p->name;
    return known;
}

}  // namespace

Analyzer::Analyzer(const std::vector<std::string>& plugin_names) {
    prepare_segmentation();  // its word lists interned before any thread analyses
    // 1. The plugins asked for, then what they need, transitively.
    std::vector<std::string> names;
    if (plugin_names.empty()) {
        for (const PluginInfo* p : Registry::global().list()) names.push_back(p->name);
    } else {
        for (const auto& n : plugin_names)
            if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
    }
    const std::size_t asked = names.size();
    std::vector<std::unique_ptr<Extractor>> created;
    std::vector<Dependencies> deps;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const PluginInfo* info = Registry::global().find(names[i]);
        if (!info) {
            if (i < asked) throw std::invalid_argument("unknown plugin '" + names[i] + "' (available: " + available_plugins() + ")");
            // Found through a dependency: name the plugin that needs it.
            std::string by;
            for (std::size_t k = 0; k < i; ++k)
                if (std::find(deps[k].needs.begin(), deps[k].needs.end(), names[i]) != deps[k].needs.end()) by = names[k];
            throw std::invalid_argument("plugin '" + by + "' needs plugin '" + names[i] +
                                        "', which is not available (available: " + available_plugins() + ")");
        }
        created.push_back(info->create());
        deps.push_back(created.back()->dependencies());
        for (const auto& need : deps.back().needs)
            if (std::find(names.begin(), names.end(), need) == names.end()) names.push_back(need);
    }
    // 2. Order.
    const std::size_t n = names.size();
    std::vector<std::vector<std::size_t>> before(n);  // before[i]: plugins that must run before i
    for (std::size_t i = 0; i < n; ++i) {
        auto add = [&](const std::string& dep) {
            const auto it = std::find(names.begin(), names.end(), dep);
            if (it != names.end() && *it != names[i]) before[i].push_back(static_cast<std::size_t>(it - names.begin()));
        };
        for (const auto& d : deps[i].needs) add(d);
        for (const auto& d : deps[i].after) add(d);
    }
    // Depth first, in the listed order: each plugin right after what it
    // reads, independent plugins in the user's order.
    std::vector<std::size_t> order, position(n, n);
    std::vector<int> state(n, 0);  // 0 new, 1 on the current path, 2 placed
    std::vector<std::size_t> path;
    std::function<void(std::size_t)> visit = [&](std::size_t i) {
        if (state[i] == 2) return;
        if (state[i] == 1) {
            const std::size_t by = path.back();
            throw std::invalid_argument("plugins '" + names[by] + "' and '" + names[i] +
                                        "' depend on each other (a cycle): neither can run first");
        }
        state[i] = 1;
        path.push_back(i);
        for (std::size_t b : before[i]) visit(b);
        path.pop_back();
        state[i] = 2;
        position[i] = order.size();
        order.push_back(i);
    };
    for (std::size_t i = 0; i < n; ++i) visit(i);
    for (std::size_t k : order) {
        names_.push_back(names[k]);
        extractors_.push_back(std::move(created[k]));
        output_.push_back(k < asked);
        if (k < asked) output_names_.push_back(names[k]);
        std::vector<std::size_t> reads;
        for (std::size_t b : before[k]) reads.push_back(position[b]);
        reads_.push_back(std::move(reads));
    }
}

namespace {

class RunContext : public Context {
public:
    RunContext(const Document& doc, const std::vector<std::string>& names, const std::vector<std::vector<Mention>>& found,
               const std::vector<std::vector<Mention>>& notes, const std::vector<std::size_t>& readable)
        : doc_(doc), names_(names), found_(found), notes_(notes), readable_(readable) {}
    const Document& document() const override { return doc_; }
    const std::vector<Mention>& mentions(std::string_view plugin) const override {
        for (std::size_t k : readable_)
            if (names_[k] == plugin) return found_[k];
        return none_;
    }
    const std::vector<Mention>& annotations(std::string_view plugin) const override {
        for (std::size_t k : readable_)
            if (names_[k] == plugin) return notes_[k];
        return none_;
    }

private:
    const Document& doc_;
    const std::vector<std::string>& names_;
    const std::vector<std::vector<Mention>>& found_;
    const std::vector<std::vector<Mention>>& notes_;
    const std::vector<std::size_t>& readable_;
    std::vector<Mention> none_;
};

bool by_span(const Mention& a, const Mention& b) { return a.start != b.start ? a.start < b.start : a.end < b.end; }

}  // namespace

Result Analyzer::analyze(const Document& doc) const {
    Result result;
    doc.layer();  // computed once, before any plugin reads it
    doc.segmentation();
    std::vector<std::vector<Mention>> found(extractors_.size()), notes(extractors_.size());
    for (std::size_t i = 0; i < extractors_.size(); ++i) {
        std::vector<Mention>& mine = found[i];
        try {
            const RunContext ctx(doc, names_, found, notes, reads_[i]);
            extractors_[i]->extract(ctx, mine);
        } catch (const std::exception& e) {
            result.errors.push_back(names_[i] + ": " + e.what());
            mine.clear();  // a failing plugin loses its own mentions only
            continue;
        } catch (...) {
            result.errors.push_back(names_[i] + ": unknown error");
            mine.clear();
            continue;
        }
        std::size_t kept = 0;
        for (std::size_t k = 0; k < mine.size(); ++k) {
            Mention& m = mine[k];
            if (m.start >= m.end || m.end > doc.length()) {
                result.errors.push_back(names_[i] + ": dropped a mention with a bad span [" +
                                        std::to_string(m.start) + ", " + std::to_string(m.end) + ")");
                continue;
            }
            m.plugin = names_[i];
            if (m.annotation) {  // for the plugins that read this one, not output
                notes[i].push_back(std::move(m));
                continue;
            }
            if (kept != k) mine[kept] = std::move(m);
            ++kept;
        }
        mine.resize(kept);
        // Plugins mostly find mentions in text order already.
        if (!std::is_sorted(mine.begin(), mine.end(), by_span)) std::stable_sort(mine.begin(), mine.end(), by_span);
        if (!std::is_sorted(notes[i].begin(), notes[i].end(), by_span))
            std::stable_sort(notes[i].begin(), notes[i].end(), by_span);
    }
    // Merge the plugins' sorted lists. Plugins ran in dependency order, and a
    // mention that shares its span with another's comes in that order. The
    // sort moves small (list, index) pairs, not mentions.
    struct Ref {
        std::uint32_t start, end, list, index;
    };
    std::vector<Ref> order;
    for (std::size_t i = 0; i < found.size(); ++i)
        if (output_[i])
            for (std::size_t k = 0; k < found[i].size(); ++k)
                order.push_back({static_cast<std::uint32_t>(found[i][k].start), static_cast<std::uint32_t>(found[i][k].end),
                                 static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(k)});
    std::sort(order.begin(), order.end(), [](const Ref& a, const Ref& b) {
        if (a.start != b.start) return a.start < b.start;
        if (a.end != b.end) return a.end < b.end;
        return a.list != b.list ? a.list < b.list : a.index < b.index;
    });
    result.mentions.reserve(order.size());
    for (const Ref& r : order) result.mentions.push_back(std::move(found[r.list][r.index]));
    return result;
}

nlohmann::ordered_json to_json(const Document& doc, const Result& result, const JsonOptions& options) {
    nlohmann::ordered_json out;
    out["document"] = doc.name();
    out["chars"] = doc.length();
    if (doc.date().empty()) out["date"] = nullptr;
    else out["date"] = doc.date();
    if (doc.date_from()) out["date_from"] = doc.date_from();
    else out["date_from"] = nullptr;
    auto& mentions = out["mentions"] = nlohmann::ordered_json::array();
    const Segmentation& segmentation = doc.segmentation();
    for (const auto& m : result.mentions) {
        const Passage* passage = segmentation.at(m.start);
        const PassageKind kind = passage ? passage->kind : PassageKind::Article;
        if (options.article_only && !in_article(kind)) continue;
        nlohmann::ordered_json j;
        j["plugin"] = m.plugin;
        j["start"] = m.start;
        j["end"] = m.end;
        if (options.utf16_offsets) {
            j["start16"] = doc.utf16_from_cp(m.start);
            j["end16"] = doc.utf16_from_cp(m.end);
        }
        j["text"] = doc.slice(m.start, m.end);
        j["segment"] = passage_kind_name(kind);
        if (kind == PassageKind::Story) j["story"] = passage->story;
        for (const auto& f : m.fields) j[f.first] = f.second.to_json();
        mentions.push_back(std::move(j));
    }
    auto& segments = out["segments"] = nlohmann::ordered_json::array();
    for (const Passage& p : segmentation.passages()) {
        nlohmann::ordered_json j;
        j["start"] = p.start;
        j["end"] = p.end;
        if (options.utf16_offsets) {
            j["start16"] = doc.utf16_from_cp(p.start);
            j["end16"] = doc.utf16_from_cp(p.end);
        }
        j["kind"] = passage_kind_name(p.kind);
        j["story"] = p.kind == PassageKind::Story ? nlohmann::ordered_json(p.story) : nlohmann::ordered_json();
        segments.push_back(std::move(j));
    }
    out["errors"] = result.errors;
    return out;
}

namespace {

// The passage of each mention, read in text order (mentions are sorted by start).
class PassageCursor {
public:
    explicit PassageCursor(const Segmentation& s) : passages_(s.passages()) {}
    const Passage* at(std::size_t cp) {
        while (next_ < passages_.size() && passages_[next_].end <= cp) ++next_;
        return next_ < passages_.size() ? &passages_[next_] : nullptr;
    }

private:
    const std::vector<Passage>& passages_;
    std::size_t next_ = 0;
};

// A whole number in a field named *_start or *_end is a code-point offset
// into the text ("speaker_start", "sentence_end"; README, "JSON"), moved
// with the mention when a part is written into its whole document.
bool is_offset_field(std::string_view key, const Value& v) {
    auto ends = [&](std::string_view x) { return key.size() > x.size() && key.compare(key.size() - x.size(), x.size(), x) == 0; };
    return v.type() == Value::Type::Int && (ends("_start") || ends("_end"));
}

// `,"segment":"article"` and the like, made once for each kind: copied as
// a fixed block of bytes instead of a name and its length.
struct SegmentKey {
    char text[32] = {};
    std::size_t size = 0;
};

const SegmentKey& segment_key(PassageKind kind) {
    static const std::vector<SegmentKey> keys = [] {
        std::vector<SegmentKey> out;
        for (int k = 0; k <= static_cast<int>(PassageKind::Boilerplate); ++k) {  // the last kind
            const std::string piece = std::string(",\"segment\":\"") + passage_kind_name(static_cast<PassageKind>(k)) + '"';
            SegmentKey key;
            if (piece.size() > sizeof key.text) throw std::logic_error("segment kind name too long: " + piece);
            std::memcpy(key.text, piece.data(), piece.size());
            key.size = piece.size();
            out.push_back(key);
        }
        return out;
    }();
    return keys[static_cast<std::size_t>(kind)];
}

// `doc` is the document (or part) the mention's offsets and `passage` refer
// to; `offset` moves them into the whole document.
void write_mention(JsonSink& out, const Document& doc, const Mention& m, const Passage* passage, std::size_t offset,
                   bool& first, const JsonOptions& options) {
    const PassageKind kind = passage ? passage->kind : PassageKind::Article;
    if (options.article_only && !in_article(kind)) return;
    // Room is made once for each run of pieces that ends in a string (an
    // escaped string makes its own room and leaves none after it).
    out.reserve(16 + m.plugin.size());
    if (first) out.raw_fit("{\"plugin\":");
    else out.raw_fit(",{\"plugin\":");
    first = false;
    out.string_fit(m.plugin);
    const std::size_t b = doc.byte_from_cp(m.start);
    // A mention's text is mostly ASCII: then its bytes are its code points,
    // and the end needs no second look-up.
    const std::size_t cps = m.end - m.start;
    const std::string_view all(doc.text());
    const std::size_t e = b + cps <= all.size() && chars::ascii_bytes(all.data() + b, cps) ? b + cps : doc.byte_from_cp(m.end);
    const std::string_view text = all.substr(b, e - b);
    out.reserve(64 + 4 * JsonSink::kNumberRoom + text.size());
    // Written through a local pointer up to the text (see JsonSink::field).
    const std::size_t start = m.start + offset, end = m.end + offset;
    char* p = out.cursor();
    std::memcpy(p, ",\"start\":", 9);
    p += 9;
    char* const start_digits = p;
    p = JsonSink::number_to(p, static_cast<std::int64_t>(start));
    const std::size_t start_length = static_cast<std::size_t>(p - start_digits);
    std::memcpy(p, ",\"end\":", 7);
    p += 7;
    char* const end_digits = p;
    p = JsonSink::number_to(p, static_cast<std::int64_t>(end));
    const std::size_t end_length = static_cast<std::size_t>(p - end_digits);
    if (options.utf16_offsets) {
        // Without code points beyond the BMP (most texts) the UTF-16 offsets
        // are the same numbers: their digits are copied (eight bytes moved).
        const std::size_t start16 = doc.utf16_from_cp(m.start), end16 = doc.utf16_from_cp(m.end);
        std::memcpy(p, ",\"start16\":", 11);
        p += 11;
        if (start16 == start && start_length <= 8) {
            std::memcpy(p, start_digits, 8);
            p += start_length;
        } else {
            p = JsonSink::number_to(p, static_cast<std::int64_t>(start16));
        }
        std::memcpy(p, ",\"end16\":", 9);
        p += 9;
        if (end16 == end && end_length <= 8) {
            std::memcpy(p, end_digits, 8);
            p += end_length;
        } else {
            p = JsonSink::number_to(p, static_cast<std::int64_t>(end16));
        }
    }
    std::memcpy(p, ",\"text\":", 8);
    p += 8;
    if (char* q = JsonSink::plain_string_to(p, text)) {
        out.set_cursor(q);
    } else {
        out.set_cursor(p);
        out.string_fit(text);
    }
    const SegmentKey& segment = segment_key(kind);
    out.reserve(sizeof segment.text + 16 + JsonSink::kNumberRoom);
    std::memcpy(out.fit_pointer(segment.size), segment.text, sizeof segment.text);
    if (kind == PassageKind::Story) {
        out.raw_fit(",\"story\":");
        out.number_fit(static_cast<std::int64_t>(passage->story));
    }
    if (offset) {
        for (const auto& f : m.fields) {
            if (is_offset_field(f.first, f.second)) out.field(f.first, Value(f.second.as_int() + static_cast<std::int64_t>(offset)));
            else out.field(f.first, f.second);
        }
    } else {
        for (const auto& f : m.fields) out.field(f.first, f.second);
    }
    out.put('}');
}

void write_head(JsonSink& out, const Document& doc) {
    out.raw("{\"document\":");
    out.string(doc.name());
    out.raw(",\"chars\":");
    out.number(static_cast<std::int64_t>(doc.length()));
    out.raw(",\"date\":");
    if (doc.date().empty()) out.raw("null");
    else out.string(doc.date());
    out.raw(",\"date_from\":");
    // date_from() is a plain word ("text", "user"): quoted as it is.
    if (const char* from = doc.date_from()) {
        out.put('"');
        out.raw(std::string_view(from));
        out.put('"');
    } else {
        out.raw("null");
    }
    out.raw(",\"mentions\":[");
}

void write_passages(JsonSink& out, const Document& doc, const std::vector<Passage>& passages, const JsonOptions& options) {
    bool first = true;
    for (const Passage& p : passages) {
        out.raw(first ? "{\"start\":" : ",{\"start\":");
        first = false;
        out.number(static_cast<std::int64_t>(p.start));
        out.raw(",\"end\":");
        out.number(static_cast<std::int64_t>(p.end));
        if (options.utf16_offsets) {
            out.raw(",\"start16\":");
            out.number(static_cast<std::int64_t>(doc.utf16_from_cp(p.start)));
            out.raw(",\"end16\":");
            out.number(static_cast<std::int64_t>(doc.utf16_from_cp(p.end)));
        }
        out.raw(",\"kind\":\"");
        out.raw(passage_kind_name(p.kind));
        out.raw("\",\"story\":");
        if (p.kind == PassageKind::Story) out.number(static_cast<std::int64_t>(p.story));
        else out.raw("null");
        out.put('}');
    }
}

void write_tail(JsonSink& out, const std::vector<std::string>& errors) {
    out.raw("],\"errors\":[");
    for (std::size_t i = 0; i < errors.size(); ++i) {
        if (i) out.put(',');
        out.string(errors[i]);
    }
    out.raw("]}");
}

}  // namespace

void write_json_line(std::string& out_string, const Document& doc, const Result& result, const JsonOptions& options) {
    // Capacity for the line (the sink fills it as it writes): a mention of
    // the built-in plugins takes 100-400 bytes, a passage about 70.
    JsonSink out(out_string, doc.text().size() + 300 * result.mentions.size() +
                                 80 * doc.segmentation().passages().size() + 256);
    write_head(out, doc);
    bool first = true;
    PassageCursor passages(doc.segmentation());
    for (const auto& m : result.mentions) write_mention(out, doc, m, passages.at(m.start), 0, first, options);
    out.raw("],\"segments\":[");
    write_passages(out, doc, doc.segmentation().passages(), options);
    write_tail(out, result.errors);
}

// Streamed, the line is handed over whenever this much is written.
constexpr std::size_t kDrainBytes = 1u << 20;

std::vector<std::string> write_json_line_in_parts(std::string& out_string, const Document& doc, const Analyzer& analyzer,
                                                  std::size_t part_chars, const JsonOptions& options,
                                                  const std::function<void(std::string_view)>& emit) {
    // A line is about twice its text; streamed, a part's results at a time.
    JsonSink out(out_string, emit ? 256 : 2 * doc.text().size() + 256);
    write_head(out, doc);
    std::vector<std::string> errors;
    const std::wstring& wide = doc.wide();
    bool first = true;
    std::size_t begin = 0;
    // Each part is segmented by itself; its passages are kept (they are few)
    // and written after the mentions, moved into the whole document: one
    // passage of a kind that goes on over a cut is one, and the stories of a
    // part are numbered after those of the parts before it.
    std::vector<Passage> passages_of_doc;
    std::uint32_t stories = 0;
    while (begin < wide.size()) {
        std::size_t end = std::min(wide.size(), begin + part_chars);
        // Cut after a line break; a part without one (a huge line) is cut
        // at white space, and failing that where it is.
        if (end < wide.size()) {
            std::size_t cut = end;
            while (cut > begin && wide[cut - 1] != L'\n') --cut;
            if (cut == begin) {
                cut = end;
                while (cut > begin && !chars::is_space(static_cast<char32_t>(wide[cut - 1]))) --cut;
            }
            if (cut > begin) end = cut;
        }
        Document part(doc.name(), doc.slice(begin, end));
        part.take_date_of(doc);
        const Result r = analyzer.analyze(part);
        PassageCursor passages(part.segmentation());
        for (const auto& m : r.mentions) {
            const Passage* passage = passages.at(m.start);
            if (options.utf16_offsets) {
                Mention shifted = m;
                shifted.start += begin;
                shifted.end += begin;
                for (const auto& f : m.fields)
                    if (is_offset_field(f.first, f.second))
                        shifted.fields[f.first] = Value(f.second.as_int() + static_cast<std::int64_t>(begin));
                write_mention(out, doc, shifted, passage, 0, first, options);
            } else {
                write_mention(out, part, m, passage, begin, first, options);
            }
            if (emit && out.written() > kDrainBytes) out.drain(emit);
        }
        std::uint32_t part_stories = 0;
        for (Passage p : part.segmentation().passages()) {
            p.start += static_cast<std::uint32_t>(begin);
            p.end += static_cast<std::uint32_t>(begin);
            if (p.kind == PassageKind::Story) {
                part_stories = std::max(part_stories, p.story);
                p.story += stories;
            }
            Passage* last = passages_of_doc.empty() ? nullptr : &passages_of_doc.back();
            if (last && last->kind == p.kind && last->story == p.story) last->end = p.end;
            else passages_of_doc.push_back(p);
        }
        stories += part_stories;
        for (const auto& e : r.errors) errors.push_back(e);
        begin = end;
        if (emit) out.drain(emit);
    }
    out.raw("],\"segments\":[");
    write_passages(out, doc, passages_of_doc, options);
    write_tail(out, errors);
    if (emit) out.drain(emit);
    return errors;
}

nlohmann::ordered_json error_json(const std::string& name, const std::string& error) {
    nlohmann::ordered_json out;
    out["document"] = name;
    out["chars"] = 0;
    out["mentions"] = nlohmann::ordered_json::array();
    out["segments"] = nlohmann::ordered_json::array();
    out["errors"] = {error};
    return out;
}

void write_error_json_line(std::string& out_string, const std::string& name, const std::string& error) {
    JsonSink out(out_string);
    out.raw("{\"document\":");
    out.string(name);
    out.raw(",\"chars\":0,\"mentions\":[],\"segments\":[],\"errors\":[");
    out.string(error);
    out.raw("]}");
}

}  // namespace newslens
