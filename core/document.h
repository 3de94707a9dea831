// The document model: UTF-8 text plus the maps between byte, code-point and
// UTF-16 offsets. Mentions are reported in code points (the JSON schema and
// the gold annotations use them); the page needs UTF-16 (JavaScript strings).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newslens {

static_assert(sizeof(wchar_t) == 4, "newslens needs a 32-bit wchar_t (one wchar_t per code point)");

// Largest input accepted as one document. Bigger inputs are refused with a
// clear message instead of exhausting memory (the wide copy costs 4 bytes per
// code point on top of the UTF-8 text).
constexpr std::size_t kMaxDocumentBytes = 256u * 1024u * 1024u;

// Checks raw bytes before they become a Document. Returns a one-line, human
// readable reason when the input cannot be analysed (empty, binary, invalid
// UTF-8, too large), or nothing when it is fine.
std::optional<std::string> check_input(std::string_view bytes);

class TextLayer;
class Segmentation;

class Document {
public:
    // `text` must be valid UTF-8 (see check_input); invalid sequences are
    // replaced by U+FFFD so that a Document is always well formed.
    Document(std::string name, std::string text);
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    const std::string& name() const { return name_; }
    const std::string& text() const { return text_; }
    // One wchar_t per code point, for Boost.Regex (wregex) and for scanners
    // that want code-point indices directly.
    const std::wstring& wide() const { return wide_; }
    // Length in code points.
    std::size_t length() const { return wide_.size(); }

    std::size_t cp_from_byte(std::size_t byte) const;
    std::size_t byte_from_cp(std::size_t cp) const;
    std::size_t utf16_from_cp(std::size_t cp) const;
    // UTF-8 text of the code-point range [begin, end).
    std::string slice(std::size_t begin, std::size_t end) const;

    // Tokens, words, sentences and lines (core/text.h), computed on first use
    // and then shared by every plugin. The first call must not race another:
    // the Analyzer makes it before the plugins run.
    const TextLayer& layer() const;
    // Headline, article, other stories and boilerplate (core/segmentation.h),
    // computed on first use after the layer; the same rule for the first call.
    const Segmentation& segmentation() const;

    // The article's date, ISO 8601 (YYYY-MM-DD), or empty: the date its text
    // gives (core/article_date.h), else the one the user set.
    const std::string& date() const { return text_date_.empty() ? user_date_ : text_date_; }
    // "text", "user", or nullptr when there is no date.
    const char* date_from() const { return !text_date_.empty() ? "text" : !user_date_.empty() ? "user" : nullptr; }
    // The user's date (CLI --date, the page), used when the text gives none.
    // Must be valid_iso_date() or empty.
    void set_user_date(std::string iso) { user_date_ = std::move(iso); }
    // A part of a larger document has that document's date.
    void take_date_of(const Document& whole) {
        text_date_ = whole.text_date_;
        user_date_ = whole.user_date_;
    }

private:
    std::string name_;
    std::string text_;
    std::wstring wide_;
    // Byte offset of every kStride-th code point: cp <-> byte conversions walk
    // at most kStride code points, and the table costs 1/16 of the text.
    static constexpr std::size_t kStride = 64;
    std::vector<std::size_t> byte_checkpoints_;
    // Code-point indices of characters outside the BMP (two UTF-16 units each).
    std::vector<std::size_t> astral_;
    mutable std::unique_ptr<TextLayer> layer_;
    mutable std::unique_ptr<Segmentation> segmentation_;
    std::string text_date_, user_date_;
};

// UTF-8 helpers shared by the core and plugins.
// Decodes one UTF-8 sequence at `pos` into `cp`. Returns its length, or 0 when
// the bytes there are not valid UTF-8 (overlong forms, surrogates and values
// above U+10FFFF are invalid too).
std::size_t decode_utf8(std::string_view s, std::size_t pos, char32_t& cp);
// Where the first invalid UTF-8 sequence of `s` starts, or npos when there is
// none (ASCII is skipped eight bytes at a time).
std::size_t invalid_utf8_at(std::string_view s);
// Bytes of a code point in UTF-8.
inline std::size_t utf8_length(char32_t c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }
void append_utf8(std::string& out, char32_t cp);
std::string to_utf8(std::wstring_view wide);
std::wstring to_wide(std::string_view utf8);

}  // namespace newslens
