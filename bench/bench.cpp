// Native benchmark: throughput, peak memory and per-document latency of the
// analyzer over a corpus, for one plugin selection per run (bench/run.sh runs
// it once per selection so that each peak-memory figure is its own).
//
//   newslens_bench --list FILE [--plugins a,b|layer] [--latency-doc F] [--latency-runs N]
//
// FILE lists the corpus documents, one path a line (repeats allowed). Every
// document is read into memory first; the timed part is what the CLI and the
// page do per document: check_input, Document, Analyzer::analyze, to_json and
// dump. Prints one JSON line (MB = 10^6 bytes of UTF-8 input).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "analyzer.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

double peak_rss_mib() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// --plugins layer: only the document and its text layer, the cost that
// every plugin shares.
bool layer_only = false;

// What the page's analyze() does for one document (web/binding.cpp), and the
// CLI minus file I/O. Returns the number of mentions.
std::size_t analyze_one(const newslens::Analyzer& analyzer, const std::string& name, const std::string& text,
                        std::size_t& json_bytes) {
    std::string json;
    if (auto problem = newslens::check_input(text)) {
        newslens::write_error_json_line(json, name, *problem);
        json_bytes += json.size();
        return 0;
    }
    const newslens::Document doc(name, text);
    if (layer_only) {
        doc.layer();  // the shared part every plugin reads, and nothing else
        newslens::write_json_line(json, doc, {}, {true});
        json_bytes += json.size();
        return 0;
    }
    const newslens::Result result = analyzer.analyze(doc);
    newslens::write_json_line(json, doc, result, {true});
    json_bytes += json.size();
    return result.mentions.size();
}

}  // namespace

int main(int argc, char** argv) {
    std::string list, plugins, latency_doc;
    int latency_runs = 100;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
            return argv[++i];
        };
        if (a == "--list") list = next();
        else if (a == "--plugins") plugins = next();
        else if (a == "--latency-doc") latency_doc = next();
        else if (a == "--latency-runs") latency_runs = std::stoi(next());
        else {
            std::cerr << "usage: newslens_bench --list FILE [--plugins a,b] [--latency-doc F] [--latency-runs N]\n";
            return 2;
        }
    }
    if (list.empty()) {
        std::cerr << "newslens_bench: --list FILE is required\n";
        return 2;
    }
    try {
        std::vector<std::string> texts;
        std::size_t bytes = 0;
        {
            std::ifstream in(list);
            if (!in) throw std::runtime_error("cannot read " + list);
            std::string path;
            while (std::getline(in, path)) {
                if (path.empty()) continue;
                texts.push_back(read_file(path));
                bytes += texts.back().size();
            }
        }
        const double rss_corpus = peak_rss_mib();

        // In layer mode every plugin is still created: their lexicons fill the
        // vocabulary that the layer looks each word up in, as in a real run.
        auto t0 = Clock::now();
        layer_only = plugins == "layer";
        const newslens::Analyzer analyzer(newslens::split_plugin_list(layer_only ? std::string() : plugins));
        const double setup_s = seconds_since(t0);

        std::size_t mentions = 0, json_bytes = 0;
        t0 = Clock::now();
        for (std::size_t i = 0; i < texts.size(); ++i) mentions += analyze_one(analyzer, "doc.txt", texts[i], json_bytes);
        const double run_s = seconds_since(t0);
        const double rss_peak = peak_rss_mib();

        std::vector<double> lat;
        std::size_t latency_bytes = 0;
        if (!latency_doc.empty()) {
            const std::string text = read_file(latency_doc);
            latency_bytes = text.size();
            std::size_t ignored = 0;
            for (int i = 0; i < 5; ++i) analyze_one(analyzer, "latency.txt", text, ignored);  // warm-up
            for (int i = 0; i < latency_runs; ++i) {
                const auto s = Clock::now();
                analyze_one(analyzer, "latency.txt", text, ignored);
                lat.push_back(seconds_since(s) * 1000.0);
            }
            std::sort(lat.begin(), lat.end());
        }
        auto pct = [&](double p) {
            return lat.empty() ? 0.0 : lat[std::min(lat.size() - 1, static_cast<std::size_t>(p * lat.size()))];
        };

        nlohmann::ordered_json out;
        out["engine"] = "native";
        out["plugins"] = plugins.empty() ? "all" : plugins;
        out["docs"] = texts.size();
        out["bytes"] = bytes;
        out["seconds"] = run_s;
        out["mb_per_s"] = static_cast<double>(bytes) / 1e6 / run_s;
        out["setup_ms"] = setup_s * 1000.0;
        out["mentions"] = mentions;
        out["json_bytes"] = json_bytes;
        out["rss_before_mib"] = rss_corpus;
        out["peak_rss_mib"] = rss_peak;
        out["latency_doc_bytes"] = latency_bytes;
        out["latency_ms_median"] = pct(0.5);
        out["latency_ms_p95"] = pct(0.95);
        std::cout << out.dump() << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "newslens_bench: " << e.what() << "\n";
        return 1;
    }
}
