#include "regex.h"

#include <locale>

namespace newslens {
const std::locale& text_locale() {
    static const std::locale loc = [] {
        for (const char* name : {"C.UTF-8", "C.utf8", "en_US.UTF-8"}) {
            try {
                return std::locale(name);
            } catch (const std::exception&) {
            }
        }
        return std::locale::classic();  // ASCII-only \w, still correct for English
    }();
    return loc;
}

boost::wregex make_regex(const std::wstring& pattern, bool icase) {
    boost::wregex re;
    re.imbue(text_locale());
    boost::regex::flag_type flags = boost::regex::perl;
    if (icase) flags |= boost::regex::icase;
    re.assign(pattern, flags);
    return re;
}

}  // namespace newslens
