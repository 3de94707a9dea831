#include "analyzer.h"

#include <algorithm>
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

Analyzer::Analyzer(const std::vector<std::string>& plugin_names) {
    if (plugin_names.empty()) {
        for (const PluginInfo* p : Registry::global().list()) names_.push_back(p->name);
    } else {
        for (const auto& n : plugin_names)
            if (std::find(names_.begin(), names_.end(), n) == names_.end()) names_.push_back(n);
    }
    for (const auto& n : names_) {
        const PluginInfo* info = Registry::global().find(n);
        if (!info) {
            std::string known;
            for (const PluginInfo* p : Registry::global().list()) known += (known.empty() ? "" : ", ") + p->name;
            throw std::invalid_argument("unknown plugin '" + n + "' (available: " + known + ")");
        }
        extractors_.push_back(info->create());
    }
}

Result Analyzer::analyze(const Document& doc) const {
    Result result;
    for (std::size_t i = 0; i < extractors_.size(); ++i) {
        std::vector<Mention> found;
        try {
            extractors_[i]->extract(doc, found);
        } catch (const std::exception& e) {
            result.errors.push_back(names_[i] + ": " + e.what());
            continue;  // a failing plugin loses its own mentions only
        } catch (...) {
            result.errors.push_back(names_[i] + ": unknown error");
            continue;
        }
        for (auto& m : found) {
            if (m.start >= m.end || m.end > doc.length()) {
                result.errors.push_back(names_[i] + ": dropped a mention with a bad span [" +
                                        std::to_string(m.start) + ", " + std::to_string(m.end) + ")");
                continue;
            }
            m.plugin = names_[i];
            result.mentions.push_back(std::move(m));
        }
    }
    // Plugins were run in the user's order; stable sort keeps that order for
    // mentions that share a span.
    std::stable_sort(result.mentions.begin(), result.mentions.end(), [](const Mention& a, const Mention& b) {
        return a.start != b.start ? a.start < b.start : a.end < b.end;
    });
    return result;
}

nlohmann::ordered_json to_json(const Document& doc, const Result& result, const JsonOptions& options) {
    nlohmann::ordered_json out;
    out["document"] = doc.name();
    out["chars"] = doc.length();
    auto& mentions = out["mentions"] = nlohmann::ordered_json::array();
    for (const auto& m : result.mentions) {
        nlohmann::ordered_json j;
        j["plugin"] = m.plugin;
        j["start"] = m.start;
        j["end"] = m.end;
        if (options.utf16_offsets) {
            j["start16"] = doc.utf16_from_cp(m.start);
            j["end16"] = doc.utf16_from_cp(m.end);
        }
        j["text"] = doc.slice(m.start, m.end);
        for (auto it = m.fields.begin(); it != m.fields.end(); ++it) j[it.key()] = it.value();
        mentions.push_back(std::move(j));
    }
    out["errors"] = result.errors;
    return out;
}

nlohmann::ordered_json error_json(const std::string& name, const std::string& error) {
    nlohmann::ordered_json out;
    out["document"] = name;
    out["chars"] = 0;
    out["mentions"] = nlohmann::ordered_json::array();
    out["errors"] = {error};
    return out;
}

}  // namespace newslens
