// newslens command-line tool: batch analysis of text files with the same core
// and plugins as the page.
#include <algorithm>
#include <atomic>
#include <memory>
#include <condition_variable>
#include <cstdio>
#include <unistd.h>
#include <fcntl.h>
#include <map>
#include <deque>
#include <cstring>
#include <cerrno>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <mutex>
#include <optional>
#include <sys/stat.h>
#include <thread>
#include <vector>

#include "analyzer.h"
#include "article_date.h"
#include "compare.h"
#include "encoding.h"
#include "plugin_loader.h"
#include "rule_plugin.h"

namespace {

using newslens::Analyzer;
using newslens::Document;
using ojson = nlohmann::ordered_json;

bool read_input(const std::string& path, std::string& out, std::string& why);

// UTF-16 (BOM) and Windows-1252 input decoded to UTF-8 (core/encoding.h);
// `note` says so for stderr ("" for plain UTF-8).
std::string& decoded(std::string& bytes, std::string& note) {
    note = newslens::decoding_note(newslens::decode_to_utf8(bytes));
    return bytes;
}

const char* const kUsage =
    "usage: newslens analyze [--format jsonl|json|csv|table|summary] [--plugins a,b] [--plugin-file F]... [-j N]\n"
    "                        [--segments all|article] [--date YYYY-MM-DD] [--input files|jsonl] FILE... (- for stdin)\n"
    "       newslens compare [--format json|jsonl|table] [--plugins a,b] [--plugin-file F]... [-j N]\n"
    "                        [--input files|jsonl] [--map] FILE... (- reads JSONL results)\n"
    "       newslens plugins [--plugin-file F]...\n"
    "       newslens --version\n"
    "\n"
    "analyze   run the extractor plugins over each FILE; one JSON object per document\n"
    "          (JSON Lines) by default. A file that cannot be read or is not UTF-8 text\n"
    "          is reported on stderr; the others are still analysed, and the exit status\n"
    "          is 1 at the end.\n"
    "          -j N: analyse N documents at a time (default: every core); the output\n"
    "          is in input order and the same for every N.\n"
    "          --segments article: only the mentions in the article's own text\n"
    "          (headline, datelines, paragraphs), not in captions, bylines, other\n"
    "          stories or boilerplate; all (default): every mention, each with its\n"
    "          \"segment\".\n"
    "          --date YYYY-MM-DD: the articles' date where their text gives none\n"
    "          (\"yesterday\", \"Monday\" in number claims resolve against it).\n"
    "          --input jsonl: each FILE (- for stdin) holds records, one JSON object\n"
    "          a line: {\"id\", \"text\", \"date\", \"source\", \"title\"}; one result per\n"
    "          record, in input order, starting with its id, source, title and\n"
    "          record_date. Read as a stream: memory does not grow with the input.\n"
    "          A bad record gets an error object with its \"line\"; the others go on.\n"
    "compare   analyse each FILE, then compare them: identical documents and repeated\n"
    "          paragraphs, figures that count the same thing in the same story, quotes\n"
    "          shared by sources, places by sources. `-` reads results of `analyze`\n"
    "          (JSON Lines, optionally with \"text\") from stdin; --input jsonl reads\n"
    "          every FILE so. Output: one JSON object (default), one line per group\n"
    "          (jsonl) or a table.\n"
    "          --map: only the map step: one summary line per document, which\n"
    "          `newslens compare` reads like results and reduces (README.md,\n"
    "          \"Comparing at scale\"); a JSONL line it cannot read gives a\n"
    "          {\"map_error\"} line, so that there is one line out per line in.\n"
    "plugins   list the plugins of this build with a one-line description\n"
    "--plugin-file F   load a plugin at run time (repeatable): a rule plugin (.json)\n"
    "          or a compiled plugin (.so); a broken file is reported and skipped.\n";

// Loads every --plugin-file; a broken one is reported on stderr and skipped
// so that the other plugins still run. Returns false if any failed.
bool load_plugin_files(const std::vector<std::string>& paths) {
    bool ok = true;
    for (const auto& path : paths) {
        const bool json = path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0;
        if (!json) {  // a compiled plugin module
            try {
                // dlopen searches the library path for a bare file name.
                newslens::load_compiled_plugin(path.find('/') == std::string::npos ? "./" + path : path);
            } catch (const std::exception& e) {
                std::cerr << "newslens: plugin " << e.what() << "\n";
                ok = false;
            }
            continue;
        }
        std::string bytes, why;
        if (!read_input(path, bytes, why)) {
            std::cerr << "newslens: plugin " << path << ": " << why << "\n";
            ok = false;
            continue;
        }
        try {
            newslens::register_rule_plugin(bytes, path);
        } catch (const newslens::RulePluginError& e) {
            for (const auto& p : e.problems()) std::cerr << "newslens: plugin " << p << "\n";
            ok = false;
        }
    }
    return ok;
}

// Reads a whole file or stdin; on failure returns false with a reason.
bool read_input(const std::string& path, std::string& out, std::string& why) {
    if (path == "-") {
        out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        return true;
    }
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) { why = "no such file"; return false; }
    if (S_ISDIR(st.st_mode)) { why = "is a directory"; return false; }
    if (static_cast<unsigned long long>(st.st_size) > newslens::kMaxDocumentBytes) {
        why = "too large (" + std::to_string(st.st_size) + " bytes; the limit is " +
              std::to_string(newslens::kMaxDocumentBytes) + " bytes)";
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) { why = "cannot be opened (permission denied?)"; return false; }
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) { why = "read error"; return false; }
    out = ss.str();
    return true;
}

// Reads one input, decodes it (`note` says how, "" for plain UTF-8) and
// checks that it is text worth analysing; false with the reason otherwise.
// Shared by analyze and compare, so that both take and refuse the same files.
bool read_document(const std::string& path, std::string& text, std::string& note, std::string& why) {
    if (!read_input(path, text, why)) return false;
    why = newslens::check_input(decoded(text, note)).value_or("");
    return why.empty();
}

// The options analyze and compare share; each command reads its own others
// through `extra` in parse_args.
struct CommonOptions {
    std::string format;
    std::string plugins;
    std::vector<std::string> plugin_files;
    int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::string> files;
};

// An option's value: "--flag=value" or the next argument.
using ValueOf = std::function<std::string(const std::string& flag)>;

// Parses --format, --plugins, --plugin-file, -j/--jobs and the files; every
// other option goes to `extra(option, value)`, which returns false when it
// does not know it either (an unknown option, a usage error).
CommonOptions parse_args(const std::vector<std::string>& args, const std::string& default_format,
                         const std::function<bool(const std::string&, const ValueOf&)>& extra) {
    CommonOptions o;
    o.format = default_format;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const ValueOf value = [&](const std::string& flag) -> std::string {
            if (a.rfind(flag + "=", 0) == 0) return a.substr(flag.size() + 1);
            if (i + 1 >= args.size()) throw std::invalid_argument(flag + " needs a value");
            return args[++i];
        };
        auto is = [&](const char* flag) { return a == flag || a.rfind(std::string(flag) + "=", 0) == 0; };
        if (is("--format")) o.format = value("--format");
        else if (is("--plugins")) o.plugins = value("--plugins");
        else if (is("--plugin-file")) o.plugin_files.push_back(value("--plugin-file"));
        else if (a == "-j" || is("--jobs") || (a.size() > 2 && a.rfind("-j", 0) == 0)) {
            const std::string v = a.size() > 2 && a[1] == 'j' ? a.substr(2) : value(a == "-j" ? "-j" : "--jobs");
            char* end = nullptr;
            const long n = std::strtol(v.c_str(), &end, 10);
            if (v.empty() || *end != '\0' || n < 1 || n > 1024) throw std::invalid_argument("-j needs a number of jobs from 1 to 1024, not '" + v + "'");
            o.jobs = static_cast<int>(n);
        }
        else if (a == "-" || a.empty() || a[0] != '-') o.files.push_back(a);
        else if (!extra(a, value)) throw std::invalid_argument("unknown option " + a);
    }
    return o;
}

std::string csv_cell(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string plain(const ojson& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_null()) return "";
    return v.dump();
}

// One line of text for the table view: newlines and tabs become spaces, long
// text is cut at a code-point boundary.
std::string one_line(std::string s, std::size_t max_cps) {
    for (char& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    std::size_t cps = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && cps++ == max_cps) return s.substr(0, i) + "…";
    }
    return s;
}

void print_table(const ojson& doc) {
    std::cout << "== " << doc["document"].get<std::string>() << " (" << doc["chars"] << " chars, "
              << doc["mentions"].size() << " mentions)\n";
    for (const auto& m : doc["mentions"]) {
        char span[48];
        std::snprintf(span, sizeof span, "%7llu-%-7llu", m["start"].get<unsigned long long>(),
                      m["end"].get<unsigned long long>());
        std::string fields;
        for (auto it = m.begin(); it != m.end(); ++it) {
            if (it.key() == "plugin" || it.key() == "start" || it.key() == "end" || it.key() == "text") continue;
            if (it.value().is_null() || (it.key() == "segment" && it.value() == "article")) continue;
            fields += (fields.empty() ? "" : "  ") + it.key() + "=" + one_line(plain(it.value()), 40);
        }
        std::string plugin = m["plugin"].get<std::string>();
        plugin.resize(std::max<std::size_t>(plugin.size(), 10), ' ');
        std::cout << "  " << plugin << " " << span << " " << one_line(m["text"].get<std::string>(), 50) << "  |  "
                  << fields << "\n";
    }
    for (const auto& e : doc["errors"]) std::cout << "  error: " << e.get<std::string>() << "\n";
}

void print_summary(const ojson& doc, const std::vector<std::string>& plugins) {
    std::cout << doc["document"].get<std::string>() << ": ";
    if (doc["chars"] == 0 && !doc["errors"].empty()) {
        std::cout << "not analysed: " << doc["errors"][0].get<std::string>() << "\n";
        return;
    }
    std::cout << doc["chars"] << " chars";
    for (const auto& p : plugins) {
        std::size_t n = 0;
        for (const auto& m : doc["mentions"]) n += m["plugin"] == p;
        std::cout << ", " << n << " " << p;
    }
    if (!doc["errors"].empty()) std::cout << ", " << doc["errors"].size() << " plugin errors";
    std::cout << "\n";
}

void print_csv(const std::vector<ojson>& docs) {
    // Columns: the fixed ones, then every plugin field in first-seen order.
    std::vector<std::string> extra;
    for (const auto& d : docs)
        for (const auto& m : d["mentions"])
            for (auto it = m.begin(); it != m.end(); ++it) {
                const std::string& k = it.key();
                if (k == "plugin" || k == "start" || k == "end" || k == "text") continue;
                if (std::find(extra.begin(), extra.end(), k) == extra.end()) extra.push_back(k);
            }
    std::cout << "document,plugin,start,end,text";
    for (const auto& k : extra) std::cout << "," << csv_cell(k);
    std::cout << "\n";
    for (const auto& d : docs)
        for (const auto& m : d["mentions"]) {
            std::cout << csv_cell(d["document"].get<std::string>()) << "," << m["plugin"].get<std::string>() << ","
                      << m["start"] << "," << m["end"] << "," << csv_cell(m["text"].get<std::string>());
            for (const auto& k : extra) std::cout << "," << (m.contains(k) ? csv_cell(plain(m[k])) : "");
            std::cout << "\n";
        }
}

// What one document gives: its JSON Lines text (or tree, for the other
// formats) and the lines for stderr.
struct Output {
    std::string name;
    std::string note;  // how the file was decoded, when not plain UTF-8
    std::string line;
    ojson tree;
    std::vector<std::string> problems;
    // A document too large to hold its whole line in memory (JSON Lines
    // only): analysed by the printing thread at its turn, its line written
    // out part by part (print_output), after `head` when a record gives one.
    std::unique_ptr<Document> large;
    std::string head;
};

// Documents larger than this are analysed in parts cut at line breaks, so
// that memory stays proportional to a part and not to the whole document.
constexpr std::size_t kPartChars = 4u * 1024u * 1024u;

// ---- streaming: tasks read in order, done by several threads, printed in order --

// One unit of work: a file to read and analyse, or one line of a JSONL input.
struct Task {
    std::string name;       // the file; for a line, where it is ("corpus.jsonl:12")
    std::string file;       // the file the line is in
    std::string record;     // the line
    std::size_t line = 0;   // its line number; 0 for a whole file
    std::string error;      // why the line or its file could not be read
};

// Runs `work` over the tasks `next` gives on `jobs` threads and hands each
// result to `print` in input order, on the calling thread. At most
// 4 x jobs tasks are read and not yet printed, so that memory follows the
// window and not the input. `next` runs on a thread of its own, and the
// output is flushed whenever the printer has to wait: results come out while
// the input is still being written (a pipe from another program that waits
// for them before it writes more).
template <class Out>
void run_in_order(std::size_t jobs, const std::function<bool(Task&)>& next, const std::function<Out(Task&)>& work,
                  const std::function<void(Out&)>& print) {
    const std::size_t window = 4 * jobs;
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::pair<std::size_t, Task>> queue;
    std::map<std::size_t, Out> done;
    std::size_t taken = 0, printed = 0;
    bool end = false;
    std::thread reader([&] {
        for (;;) {
            {
                std::unique_lock<std::mutex> lock(mutex);
                changed.wait(lock, [&] { return taken < printed + window; });
            }
            Task t;
            const bool more = next(t);
            {
                std::lock_guard<std::mutex> lock(mutex);
                if (more) queue.emplace_back(taken++, std::move(t));
                else end = true;
            }
            changed.notify_all();
            if (!more) return;
        }
    });
    auto worker = [&] {
        for (;;) {
            std::pair<std::size_t, Task> item;
            {
                std::unique_lock<std::mutex> lock(mutex);
                changed.wait(lock, [&] { return !queue.empty() || end; });
                if (queue.empty()) return;
                item = std::move(queue.front());
                queue.pop_front();
            }
            Out out = work(item.second);
            item.second = Task();  // its line can be large: freed before the next is taken
            {
                std::lock_guard<std::mutex> lock(mutex);
                done.emplace(item.first, std::move(out));
            }
            changed.notify_all();
        }
    };
    std::vector<std::thread> workers;
    for (std::size_t t = 0; t < jobs; ++t) workers.emplace_back(worker);
    for (std::size_t i = 0;; ++i) {
        Out out;
        {
            std::unique_lock<std::mutex> lock(mutex);
            auto ready = [&] { return done.count(i) > 0 || (end && i >= taken); };
            if (!ready()) {
                lock.unlock();
                std::cout.flush();
                lock.lock();
                changed.wait(lock, ready);
            }
            auto it = done.find(i);
            if (it == done.end()) break;
            out = std::move(it->second);
            done.erase(it);
            printed = i + 1;
        }
        changed.notify_all();
        print(out);
    }
    reader.join();
    for (auto& t : workers) t.join();
}

// Lines of a file or of stdin, read in large blocks; a line longer than the
// limit is skipped (and said so) instead of held.
class LineReader {
public:
    explicit LineReader(int fd) : fd_(fd), buf_(1u << 20) {}
    ~LineReader() {
        if (fd_ > 0) close(fd_);
    }
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    // The next line without its "\n" (or "\r\n"); false at the end. A line
    // over `limit` bytes comes back empty with too_long set.
    bool next(std::string& line, std::size_t limit, bool& too_long) {
        line.clear();
        too_long = false;
        bool any = false;
        for (;;) {
            if (pos_ == end_ && !fill()) return any;
            any = true;
            const char* start = buf_.data() + pos_;
            const char* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
            const std::size_t n = nl ? static_cast<std::size_t>(nl - start) : end_ - pos_;
            if (!too_long && line.size() + n > limit) {
                too_long = true;
                std::string().swap(line);
            }
            if (!too_long) line.append(start, n);
            pos_ += n;
            if (nl) {
                ++pos_;
                break;
            }
        }
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return true;
    }
    const std::string& error() const { return error_; }

private:
    bool fill() {
        if (eof_) return false;
        ssize_t n;
        do n = read(fd_, buf_.data(), buf_.size());
        while (n < 0 && errno == EINTR);
        if (n < 0) error_ = std::strerror(errno);
        if (n <= 0) {
            eof_ = true;
            return false;
        }
        pos_ = 0;
        end_ = static_cast<std::size_t>(n);
        return true;
    }
    int fd_;
    std::vector<char> buf_;
    std::size_t pos_ = 0, end_ = 0;
    bool eof_ = false;
    std::string error_;
};

// A JSONL record's text is at most kMaxDocumentBytes; its line, with JSON
// escapes and the other fields, may be longer, up to this.
constexpr std::size_t kMaxLineBytes = 2 * newslens::kMaxDocumentBytes;

// The lines of JSONL inputs, file after file (- for stdin), as tasks. A file
// that cannot be opened is one task with its error; blank lines are none.
class JsonlSource {
public:
    explicit JsonlSource(std::vector<std::string> files) : files_(std::move(files)) {}
    bool operator()(Task& t) {
        for (;;) {
            if (!reader_) {
                if (index_ >= files_.size()) return false;
                const std::string& f = files_[index_++];
                line_ = 0;
                struct stat st {};
                const int fd = f == "-" ? 0 : open(f.c_str(), O_RDONLY);
                if (fd < 0 || (f != "-" && (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)))) {
                    if (fd > 0) close(fd);
                    t.name = t.file = f;
                    t.error = fd < 0 ? (errno == ENOENT ? "no such file" : "cannot be opened (permission denied?)") : "is a directory";
                    return true;
                }
                file_ = f;
                reader_ = std::make_unique<LineReader>(fd);
            }
            bool too_long = false;
            if (!reader_->next(t.record, kMaxLineBytes, too_long)) {
                const std::string error = reader_->error();
                reader_.reset();
                if (!error.empty()) {
                    t.name = t.file = file_;
                    t.error = "read error (" + error + ")";
                    return true;
                }
                continue;
            }
            ++line_;
            if (!too_long && t.record.find_first_not_of(" \t\r") == std::string::npos) continue;
            t.file = file_;
            t.line = line_;
            t.name = (file_ == "-" ? std::string("stdin") : file_) + ":" + std::to_string(line_);
            if (too_long) t.error = "line longer than " + std::to_string(kMaxLineBytes) + " bytes";
            return true;
        }
    }

private:
    std::vector<std::string> files_;
    std::size_t index_ = 0;
    std::unique_ptr<LineReader> reader_;
    std::string file_;
    std::size_t line_ = 0;
};

// Analyses one document into `out` (its JSON line, or its tree for the
// other formats) and its plugins' errors.
void analyze_into(Output& out, const Analyzer& analyzer, std::unique_ptr<Document> d, bool tree,
                  const newslens::JsonOptions& options) {
    if (tree) {
        out.tree = newslens::to_json(*d, analyzer.analyze(*d), options);
        for (const auto& e : out.tree["errors"]) out.problems.push_back(e.get<std::string>());
    } else if (d->length() <= kPartChars) {
        const newslens::Result r = analyzer.analyze(*d);
        newslens::write_json_line(out.line, *d, r, options);
        out.problems = r.errors;
    } else {
        out.large = std::move(d);
    }
}

Output analyze_file(const Analyzer& analyzer, const std::string& path, bool tree, const newslens::JsonOptions& options,
                    const std::string& date) {
    Output out;
    out.name = path;
    std::string bytes, why;
    if (!read_document(path, bytes, out.note, why)) {
        out.problems.push_back(why);
        if (tree) out.tree = newslens::error_json(path, why);
        else newslens::write_error_json_line(out.line, path, why);
        return out;
    }
    auto d = std::make_unique<Document>(path, std::move(bytes));
    d->set_user_date(date);
    analyze_into(out, analyzer, std::move(d), tree, options);
    return out;
}

std::string dump_json(const ojson& j, int indent = -1) { return j.dump(indent, ' ', false, ojson::error_handler_t::replace); }

// `fields` first, then the object the analyzer wrote (`line` is one JSON
// object, `{...}`): the record's id and metadata lead its result.
std::string first_fields(const std::vector<std::pair<const char*, ojson>>& fields) {
    std::string head = "{";
    for (const auto& [k, v] : fields) head += std::string("\"") + k + "\":" + dump_json(v) + ",";
    return head;
}
void put_first(std::string& line, const std::vector<std::pair<const char*, ojson>>& fields) {
    line.replace(0, 1, first_fields(fields));
}
void put_first(ojson& tree, const std::vector<std::pair<const char*, ojson>>& fields) {
    ojson out;
    for (const auto& [k, v] : fields) out[k] = v;
    for (auto it = tree.begin(); it != tree.end(); ++it) out[it.key()] = std::move(it.value());
    tree = std::move(out);
}

// One JSONL record {"id", "text", "date", "source", "title"}: its result
// carries id, source, title and the record's date ("record_date") first;
// the record's date (YYYY-MM-DD, or a timestamp starting so) is the
// article's date where its text gives none. A record that cannot be analysed
// gets an error object with its line number, and the stream goes on.
Output analyze_record(const Analyzer& analyzer, Task& t, bool tree, const newslens::JsonOptions& options,
                      const std::string& default_date) {
    Output out;
    out.name = t.name;
    ojson id;
    auto fail = [&](const std::string& why) {
        out.problems.push_back(why + (t.line ? " (record skipped)" : ""));
        std::vector<std::pair<const char*, ojson>> where;
        if (t.line) where = {{"id", id}, {"line", t.line}};
        if (tree) {
            out.tree = newslens::error_json(t.name, why);
            put_first(out.tree, where);
        } else {
            newslens::write_error_json_line(out.line, t.name, why);
            if (t.line) put_first(out.line, where);
        }
        return std::move(out);
    };
    if (!t.error.empty()) return fail(t.error);
    if (const std::size_t at = newslens::invalid_utf8_at(t.record); at != std::string_view::npos)
        return fail("not valid UTF-8 (bad byte at byte " + std::to_string(at) + " of the line)");
    ojson record;
    try {
        record = ojson::parse(t.record);
    } catch (const ojson::parse_error& e) {
        std::string what = e.what();
        if (const std::size_t at = what.find("] "); at != std::string::npos) what.erase(0, at + 2);  // "[json.exception...] "
        return fail("not JSON: " + what);
    }
    std::string().swap(t.record);
    if (!record.is_object()) return fail("not a JSON object");
    if (auto it = record.find("id"); it != record.end()) id = *it;
    auto text = record.find("text");
    if (text == record.end() || !text->is_string()) return fail(text == record.end() ? "no \"text\"" : "\"text\" is not a string");
    std::string body = std::move(text->get_ref<std::string&>());
    if (auto why = newslens::check_input(body)) return fail(*why);
    auto meta = [&](const char* key) -> ojson {
        auto it = record.find(key);
        return it == record.end() ? ojson(nullptr) : *it;
    };
    const ojson date = meta("date");
    std::string day = date.is_string() ? date.get<std::string>().substr(0, 10) : "";
    if (!newslens::valid_iso_date(day)) day = default_date;
    auto d = std::make_unique<Document>(id.is_string() ? id.get<std::string>() : id.is_null() ? t.name : dump_json(id), std::move(body));
    d->set_user_date(day);
    analyze_into(out, analyzer, std::move(d), tree, options);
    const std::vector<std::pair<const char*, ojson>> first = {{"id", id}, {"source", meta("source")}, {"title", meta("title")}, {"record_date", date}};
    if (tree) put_first(out.tree, first);
    else if (out.large) out.head = first_fields(first);
    else put_first(out.line, first);
    return out;
}

// Prints one document's output; returns true when it had a problem.
bool print_output(Output& out, const std::string& format, const Analyzer& analyzer, const newslens::JsonOptions& options,
                  std::vector<ojson>& kept) {
    if (!out.note.empty()) std::cerr << "newslens: " << out.name << ": " << out.note << "\n";
    if (out.large) {
        // Written as it is made: memory stays that of one part's results,
        // not of a line many times the size of the text.
        bool first = true;
        out.problems = newslens::write_json_line_in_parts(out.line, *out.large, analyzer, kPartChars, options, [&](std::string_view piece) {
            if (first && !out.head.empty()) {
                std::cout << out.head;
                piece.remove_prefix(1);  // the line's own "{"
            }
            first = false;
            std::cout.write(piece.data(), static_cast<std::streamsize>(piece.size()));
        });
        out.large.reset();
    }
    for (const auto& p : out.problems) std::cerr << "newslens: " << out.name << ": " << p << "\n";
    if (format == "jsonl") std::cout << out.line << "\n";
    else if (format == "table") print_table(out.tree);
    else if (format == "summary") print_summary(out.tree, analyzer.plugin_names());
    else kept.push_back(std::move(out.tree));
    return !out.problems.empty();
}

// ---- compare --------------------------------------------------------------------

// "over 270", "50,000-60,000", "about 1.6 million" kept as plain numbers.
std::string figure_text(const ojson& f) {
    auto num = [](const ojson& v) {
        if (!v.is_number()) return std::string();
        const double d = v.get<double>();
        char buf[64];
        std::snprintf(buf, sizeof buf, d == static_cast<double>(static_cast<long long>(d)) ? "%.0f" : "%g", d);
        return std::string(buf);
    };
    const std::string q = f["qualifier"].is_string() ? f["qualifier"].get<std::string>() : "";
    if (q == "range" && f["value_max"].is_number()) return num(f["value"]) + "-" + num(f["value_max"]);
    std::string word = q == "exact" || q.empty() ? "" : q == "at_least" ? "at least " : q == "at_most" ? "at most " : q + " ";
    return word + num(f["value"]);
}

void print_compare_table(const ojson& out) {
    std::size_t dups = 0, reps = 0;
    for (const auto& d : out["documents"]) {
        dups += !d["duplicate_of"].is_null();
        reps += d["repeats"].size();
    }
    std::cout << out["documents"].size() << " documents, " << dups << " identical to another, " << reps
              << " repeated paragraphs\n\n== Numbers across sources (" << out["numbers"].size() << " groups)\n";
    std::size_t n = 0;
    for (const auto& g : out["numbers"]) {
        std::string nouns;
        for (const auto& w : g["nouns"]) nouns += (nouns.empty() ? "" : ", ") + w.get<std::string>();
        std::cout << ++n << ". " << g["kind"].get<std::string>() << " of " << g["family"].get<std::string>() << " (" << nouns << ")"
                  << (g["story"].is_null() ? "" : " · story " + g["story"].get<std::string>()) << " · " << g["sources"] << " sources"
                  << (g["conflict"].get<bool>() ? " · CONFLICT" : "") << "\n";
        for (const auto& f : g["figures"]) {
            std::string who;
            for (const char* k : {"source", "said", "period"})
                if (f[k].is_string()) who += std::string("  ") + k + "=" + f[k].get<std::string>();
            std::cout << "     " << one_line(figure_text(f), 24) << "  " << f["document"].get<std::string>() << "  \""
                      << one_line(f["text"].get<std::string>(), 40) << "\"" << who << "\n";
        }
    }
    std::cout << "\n== Quotes across sources (" << out["quotes"].size() << " groups)\n";
    n = 0;
    for (const auto& g : out["quotes"]) {
        std::string speakers;
        for (const auto& s : g["speakers"]) speakers += (speakers.empty() ? "" : " · ") + s["name"].get<std::string>();
        std::cout << ++n << ". \"" << one_line(g["text"].get<std::string>(), 70) << "\" · " << g["sources"] << " sources · "
                  << (speakers.empty() ? "speaker not identified" : speakers) << (g["conflict"].get<bool>() ? " · DIFFERENT SPEAKERS" : "") << "\n";
    }
    std::cout << "\n== Places by sources\n";
    n = 0;
    for (const auto& p : out["places"]) {
        if (++n > 20) break;
        std::cout << n << ". " << p["name"].get<std::string>() << " (" << p["country"].get<std::string>() << ") · "
                  << p["sources"] << " sources, " << p["mentions"] << " mentions\n";
    }
}

// One input of compare after the map step: its summary, or why it is left out.
struct Mapped {
    std::string where;     // the file, or "FILE line N" for a JSONL line
    std::optional<newslens::CompareSummary> summary;
    std::string line;      // with --map: the summary as JSON text (made by the worker, not the printer)
    std::string problem;   // why it is left out
    std::string note;      // how its file was decoded
    bool is_line = false;
};

int cmd_compare(const std::vector<std::string>& args) {
    bool map_only = false;
    std::string input = "files";
    const CommonOptions o = parse_args(args, "json", [&](const std::string& a, const ValueOf& value) -> bool {
        for (const char* only : {"--segments", "--date"})
            if (a == only || a.rfind(std::string(only) + "=", 0) == 0)
                throw std::invalid_argument(std::string(only) + " is an option of analyze, not of compare "
                                            "(compare reads every mention with its segment, and the articles' own dates)");
        if (a == "--map") map_only = true;
        else if (a == "--input" || a.rfind("--input=", 0) == 0) {
            input = value("--input");
            if (input != "files" && input != "jsonl") throw std::invalid_argument("--input is files or jsonl, not '" + input + "'");
        } else return false;
        return true;
    });
    const std::string& format = o.format;
    const std::vector<std::string>& files = o.files;
    if (format != "json" && format != "jsonl" && format != "table")
        throw std::invalid_argument("unknown format '" + format + "' (json, jsonl, table)");
    if (files.empty()) throw std::invalid_argument("no input files (use - for JSONL results on stdin)");
    bool failed = !load_plugin_files(o.plugin_files);

    // Inputs in order: text files analysed here; `-` and, with --input jsonl,
    // every file read as JSONL results of `analyze` or summaries of --map.
    const bool all_jsonl = input == "jsonl";
    auto is_jsonl = [&](const std::string& f) { return all_jsonl || f == "-"; };
    std::unique_ptr<Analyzer> analyzer;
    if (!std::all_of(files.begin(), files.end(), is_jsonl)) analyzer = std::make_unique<Analyzer>(newslens::split_plugin_list(o.plugins));
    std::size_t index = 0;
    std::shared_ptr<JsonlSource> lines;
    const std::function<bool(Task&)> next = [&](Task& t) {
        for (;;) {
            if (lines) {
                if ((*lines)(t)) return true;
                lines.reset();
            }
            if (index >= files.size()) return false;
            const std::string& f = files[index++];
            if (is_jsonl(f)) lines = std::make_shared<JsonlSource>(std::vector<std::string>{f});
            else {
                t.name = f;
                return true;
            }
        }
    };
    // The map step, on `jobs` threads.
    const std::function<Mapped(Task&)> work = [&](Task& t) {
        Mapped m;
        m.is_line = t.line > 0;
        m.where = t.line ? (t.file == "-" ? std::string("stdin") : t.file) + " line " + std::to_string(t.line) : t.name;
        if (!t.error.empty()) {
            m.problem = t.error;
        } else if (t.line) {
            try {
                const ojson j = ojson::parse(t.record);
                std::string().swap(t.record);
                if (j.is_object() && j.contains("map_error"))  // a line the map step could not read
                    m.problem = "left out by the map step: " + (j["map_error"].is_string() ? j["map_error"].get<std::string>() : j["map_error"].dump());
                else
                    m.summary = newslens::is_summary_json(j) ? newslens::summary_from_json(j)
                                                             : newslens::map_document(newslens::compare_document_from_json(j));
            } catch (const std::exception& e) {
                m.problem = e.what();
            }
        } else {
            std::string bytes;
            if (read_document(t.name, bytes, m.note, m.problem)) {
                const Document d(t.name, std::move(bytes));
                m.summary = newslens::map_document(newslens::compare_document_from(d, analyzer->analyze(d)));
            }
        }
        if (map_only && m.summary) {
            newslens::write_summary_json(m.line, *m.summary);
            m.summary.reset();
        }
        return m;
    };
    std::vector<newslens::CompareSummary> summaries;
    run_in_order<Mapped>(static_cast<std::size_t>(o.jobs), next, work, [&](Mapped& m) {
        if (!m.note.empty()) std::cerr << "newslens: " << m.where << ": " << m.note << "\n";
        if (!m.problem.empty()) {
            std::cerr << "newslens: " << m.where << ": " << m.problem
                      << (m.is_line ? " (line skipped)" : " (left out of the comparison)") << "\n";
            failed = true;
        }
        // --map writes one line per line read, so that a program piping
        // results through it can count on one answer each.
        if (map_only) {
            if (!m.line.empty()) std::cout << m.line << "\n";
            else if (m.is_line) std::cout << dump_json(ojson{{"map_error", m.where + ": " + m.problem}}) << "\n";
        } else if (m.summary) {
            summaries.push_back(std::move(*m.summary));
        }
    });
    if (map_only) {
        std::cout.flush();
        return failed ? 1 : 0;
    }
    // The reduce step.
    const ojson out = newslens::reduce_summaries(summaries);
    const auto dump = [](const ojson& j, int indent) { return j.dump(indent, ' ', false, ojson::error_handler_t::replace); };
    if (format == "json") std::cout << dump(out, 2) << "\n";
    else if (format == "table") print_compare_table(out);
    else {
        for (const char* kind : {"documents", "numbers", "quotes", "places"})
            for (const auto& g : out[kind]) {
                ojson line;
                line["group"] = kind;
                for (auto it = g.begin(); it != g.end(); ++it) line[it.key()] = it.value();
                std::cout << dump(line, -1) << "\n";
            }
    }
    std::cout.flush();
    return failed ? 1 : 0;
}

int cmd_plugins(const std::vector<std::string>& args) {
    std::vector<std::string> plugin_files;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--plugin-file" && i + 1 < args.size()) plugin_files.push_back(args[++i]);
        else if (args[i].rfind("--plugin-file=", 0) == 0) plugin_files.push_back(args[i].substr(14));
        else throw std::invalid_argument("unknown argument " + args[i]);
    }
    const bool loaded = load_plugin_files(plugin_files);
    for (const auto* p : newslens::Registry::global().list()) {
        std::string name = p->name;
        name.resize(std::max<std::size_t>(name.size(), 12), ' ');
        std::cout << name << p->description;
        // Plugins loaded at run time say where they came from.
        if (p->about.contains("file"))
            std::cout << "  [" << p->about.value("origin", "") << ": " << p->about.value("file", "") << "]";
        std::cout << "\n";
    }
    return loaded ? 0 : 1;
}

int cmd_analyze(const std::vector<std::string>& args) {
    std::string date, input = "files";
    newslens::JsonOptions options;
    const CommonOptions o = parse_args(args, "jsonl", [&](const std::string& a, const ValueOf& value) -> bool {
        if (a == "--input" || a.rfind("--input=", 0) == 0) {
            input = value("--input");
            if (input != "files" && input != "jsonl") throw std::invalid_argument("--input is files or jsonl, not '" + input + "'");
        } else if (a == "--segments" || a.rfind("--segments=", 0) == 0) {
            const std::string v = value("--segments");
            if (v != "all" && v != "article") throw std::invalid_argument("--segments is all or article, not '" + v + "'");
            options.article_only = v == "article";
        } else if (a == "--date" || a.rfind("--date=", 0) == 0) {
            date = value("--date");
            if (!newslens::valid_iso_date(date))
                throw std::invalid_argument("--date needs a calendar date YYYY-MM-DD (like 2019-02-25), not '" + date + "'");
        } else {
            return false;
        }
        return true;
    });
    const std::string& format = o.format;
    const std::string& plugins = o.plugins;
    const int jobs = o.jobs;
    const std::vector<std::string>& files = o.files;
    const std::vector<std::string>& plugin_files = o.plugin_files;
    if (format != "jsonl" && format != "json" && format != "csv" && format != "table" && format != "summary")
        throw std::invalid_argument("unknown format '" + format + "' (jsonl, json, csv, table, summary)");
    if (files.empty()) throw std::invalid_argument("no input files (use - for stdin)");

    bool failed = !load_plugin_files(plugin_files);
    const Analyzer analyzer(newslens::split_plugin_list(plugins));
    const bool tree = format != "jsonl";  // the other formats read a JSON tree
    std::vector<ojson> kept;  // json and csv print after the last document
    const bool jsonl = input == "jsonl";
    std::function<bool(Task&)> next;
    if (jsonl) {
        auto source = std::make_shared<JsonlSource>(files);
        next = [source](Task& t) { return (*source)(t); };
    } else {
        next = [&files, i = std::size_t{0}](Task& t) mutable {
            if (i >= files.size()) return false;
            t.name = files[i++];
            return true;
        };
    }
    const std::function<Output(Task&)> work = [&](Task& t) {
        return jsonl ? analyze_record(analyzer, t, tree, options, date) : analyze_file(analyzer, t.name, tree, options, date);
    };
    // Documents are analysed by `jobs` threads and printed in input order by
    // this one (it waits most of the time).
    const std::size_t threads = jsonl ? static_cast<std::size_t>(jobs) : std::min<std::size_t>(static_cast<std::size_t>(jobs), files.size());
    run_in_order<Output>(threads, next, work, [&](Output& out) { failed |= print_output(out, format, analyzer, options, kept); });
    if (format == "json") std::cout << ojson(kept).dump(2, ' ', false, ojson::error_handler_t::replace) << "\n";
    if (format == "csv") print_csv(kept);
    std::cout.flush();
    return failed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
        std::cout << kUsage;
        return args.empty() ? 2 : 0;
    }
    try {
        if (args[0] == "--version") { std::cout << "newslens " << NEWSLENS_VERSION << "\n"; return 0; }
        if (args[0] == "plugins") return cmd_plugins({args.begin() + 1, args.end()});
        if (args[0] == "analyze") return cmd_analyze({args.begin() + 1, args.end()});
        if (args[0] == "compare") return cmd_compare({args.begin() + 1, args.end()});
        throw std::invalid_argument("unknown command '" + args[0] + "'");
    } catch (const std::invalid_argument& e) {
        std::cerr << "newslens: " << e.what() << "\n\n" << kUsage;
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "newslens: " << e.what() << "\n";
        return 1;
    }
}
