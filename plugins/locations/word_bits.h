// A set of word ids kept as one bit per id, for a mark made on most words of
// a document ("written in lower case somewhere"): setting a bit costs far
// less than a hash-set insert (newslens::WordSet), and the bitmap covers only
// the ids up to the largest one marked (one bit per vocabulary word, a few
// KB), so filling it per document stays cheap. kNoWord (0) is never a member.
#pragma once

#include <cstdint>
#include <algorithm>
#include <vector>

#include "vocabulary.h"

namespace newslens_locations {

class WordBits {
public:
    void insert(newslens::WordId id) {
        if (id == newslens::kNoWord) return;
        std::vector<std::uint64_t>& bits = id >= newslens::kFirstLocalWord ? local_ : global_;
        const std::size_t i = id & ~newslens::kFirstLocalWord;
        if (i / 64 >= bits.size()) bits.resize(std::max(i / 64 + 1, 2 * bits.size()), 0);
        bits[i / 64] |= std::uint64_t{1} << (i % 64);
    }
    bool contains(newslens::WordId id) const {
        if (id == newslens::kNoWord) return false;
        const std::vector<std::uint64_t>& bits = id >= newslens::kFirstLocalWord ? local_ : global_;
        const std::size_t i = id & ~newslens::kFirstLocalWord;
        return i / 64 < bits.size() && (bits[i / 64] >> (i % 64) & 1);
    }

private:
    std::vector<std::uint64_t> global_;  // vocabulary ids
    std::vector<std::uint64_t> local_;   // ids local to the document, from kFirstLocalWord
};

}  // namespace newslens_locations
