// libFuzzer target: every plugin of this build over arbitrary bytes.
//
// The bytes go through the same path as the CLI and the page (check_input),
// and then, whatever check_input said, into a Document (which must accept any
// bytes: invalid UTF-8 becomes U+FFFD) and the Analyzer with all plugins, and
// the result into the JSON schema. ASan/UBSan catch memory and UB errors; the
// checks below catch results that break the schema's promises.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "analyzer.h"

namespace {

[[noreturn]] void fail(const char* what, std::size_t a = 0, std::size_t b = 0) {
    std::fprintf(stderr, "fuzz_analyzer: invariant broken: %s (%zu, %zu)\n", what, a, b);
    std::abort();
}

const newslens::Analyzer& analyzer() {
    static const newslens::Analyzer all;  // every registered plugin, regexes compiled once
    return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    (void)newslens::check_input(bytes);

    const newslens::Document doc("fuzz.txt", bytes);
    if (doc.byte_from_cp(doc.length()) != doc.text().size()) fail("byte_from_cp(length) != text size");
    const newslens::Result result = analyzer().analyze(doc);

    std::size_t prev_start = 0;
    for (const auto& m : result.mentions) {
        if (m.start >= m.end || m.end > doc.length()) fail("mention span out of the document", m.start, m.end);
        if (m.start < prev_start) fail("mentions not sorted by start", prev_start, m.start);
        prev_start = m.start;
        // Offset maps agree with each other at the mention's ends.
        for (std::size_t cp : {m.start, m.end})
            if (doc.cp_from_byte(doc.byte_from_cp(cp)) != cp) fail("cp -> byte -> cp round trip", cp);
        if (doc.utf16_from_cp(m.start) > doc.utf16_from_cp(m.end)) fail("utf16 offsets out of order", m.start, m.end);
    }

    // Passages (core/segmentation.h): in order, not empty, inside the text,
    // and a story has its index.
    std::size_t prev_end = 0;
    for (const auto& p : doc.segmentation().passages()) {
        if (p.start >= p.end || p.end > doc.length()) fail("passage out of the document", p.start, p.end);
        if (p.start < prev_end) fail("passages overlap or are out of order", prev_end, p.start);
        if ((p.kind == newslens::PassageKind::Story) != (p.story > 0)) fail("a story's index", p.start, p.story);
        prev_end = p.end;
    }

    // The text is valid UTF-8 after repair, so every string in the output must
    // be too: a strict dump throws (and the fuzzer reports a crash) if a plugin
    // cut a multi-byte character or produced bytes that are not UTF-8.
    const std::string json = newslens::to_json(doc, result, {true}).dump();
    if (json.empty()) fail("empty JSON");
    return 0;
}
