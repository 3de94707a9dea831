#!/usr/bin/env python3
"""Prints how well the segmentation pass (core/segmentation.h) tells the article
from the rest of the page, and with --check fails when a figure passes its
bound in floors.json (issue 18).

Usage: measure.py NEWSLENS_CLI [--check tests/segments/floors.json]

- examples: the hand-written segment gold beside this script (one JSON per
  example in examples/: line ranges with kinds). Boilerplate lines' precision
  and recall, the share of lines of the right kind, the datelines found, and
  how many of the appended stories are told apart from the article (each
  story's lines marked as a story of one index of its own, none of the
  article's lines marked as a story).
- gold: the development gold (../shared/eval/gold): mentions marked
  "boilerplate": true against the passage they fall in being outside the
  article (a story or boilerplate), precision and recall.
- bbc: the BBC corpus (../shared/corpus/bbc, clean articles): the share of
  its lines marked boilerplate, and marked as another story.
The last two are skipped when ../shared (or $NEWSLENS_SHARED) is absent.
"""
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUTSIDE = {'story', 'boilerplate'}


def analyze(cli, files):
    """{path: document object} from the CLI's JSON Lines (segments only matter)."""
    docs = {}
    for k in range(0, len(files), 500):
        run = subprocess.run([cli, 'analyze', '--plugins', 'numbers', '-j', '1'] + files[k:k + 500],
                             check=True, capture_output=True, text=True)
        for line in run.stdout.splitlines():
            d = json.loads(line)
            docs[d['document']] = d
    return docs


def kind_at(segments, cp):
    """(kind, story) of the passage holding code point cp, or (None, None)."""
    for s in segments:
        if s['start'] <= cp < s['end']:
            return s['kind'], s['story']
    return None, None


def lines_of(text):
    """[(number from 1, start, end)] of the non-blank lines, white space trimmed."""
    out = []
    pos = 0
    for n, line in enumerate(text.split('\n'), 1):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            out.append((n, start, start + len(stripped)))
        pos += len(line) + 1
    return out


def line_kinds(text, segments):
    """{line number: (kind, story)}: the passage holding the line's last character
    (a line opened by a dateline is the article's)."""
    return {n: kind_at(segments, end - 1) for n, start, end in lines_of(text)}


def ratio(a, b):
    return round(a / b, 4) if b else 1.0


def examples(cli):
    golds = sorted(glob.glob(os.path.join(HERE, '*.json')))
    golds = [g for g in golds if os.path.basename(g) != 'floors.json']
    files = [os.path.join(ROOT, json.load(open(g))['file']) for g in golds]
    docs = analyze(cli, files)
    tp = fp = fn = right = total = 0
    datelines = found_datelines = 0
    stories = apart = 0
    for g, path in zip(golds, files):
        gold = json.load(open(g))
        text = open(path, encoding='utf-8').read()
        segments = docs[path]['segments']
        got = line_kinds(text, segments)
        want = {}
        for r in gold['lines']:
            for n in range(r[0], r[1] + 1):
                want[n] = (r[2], r[3] if len(r) > 3 else None)
        for n, (kind, story) in got.items():
            w = want.get(n)
            if w is None:
                print(f'  {os.path.basename(g)}: line {n} has no kind in the gold', file=sys.stderr)
                continue
            total += 1
            right += w[0] == kind
            if w[0] == 'boilerplate' and kind == 'boilerplate': tp += 1
            elif kind == 'boilerplate': fp += 1
            elif w[0] == 'boilerplate': fn += 1
            if w[0] != kind:
                print(f'  {os.path.basename(path)}:{n}: {kind} (gold {w[0]})', file=sys.stderr)
        starts = {n: start for n, start, end in lines_of(text)}
        for n in gold.get('datelines', []):
            datelines += 1
            found_datelines += kind_at(segments, starts[n])[0] == 'dateline'
        # Appended stories: each gold story's lines all one predicted story
        # index, a different one for each, and no article line a story.
        gold_stories = sorted({w[1] for w in want.values() if w[0] == 'story'})
        article_clean = all(got[n][0] != 'story' for n, w in want.items() if w[0] != 'story' and n in got)
        used = set()
        for s in gold_stories:
            stories += 1
            indices = {got[n][1] if got[n][0] == 'story' else None for n, w in want.items() if w == ('story', s) and n in got}
            if len(indices) == 1 and None not in indices and not (indices & used) and article_clean:
                apart += 1
            used |= indices
    return {
        'boilerplate_precision': ratio(tp, tp + fp),
        'boilerplate_recall': ratio(tp, tp + fn),
        'line_kind_accuracy': ratio(right, total),
        'datelines_found': ratio(found_datelines, datelines),
        'stories_told_apart': ratio(apart, stories),
    }


def dev_gold(cli, gold_dir):
    files = sorted(glob.glob(os.path.join(gold_dir, '*.txt')))
    docs = analyze(cli, files)
    tp = fp = fn = 0
    for path in files:
        gold = json.load(open(path[:-4] + '.json'))
        segments = docs[path]['segments']
        for key, items in gold.items():
            if not isinstance(items, list):
                continue
            for m in items:
                if not isinstance(m, dict) or 'start' not in m:
                    continue
                outside = kind_at(segments, m['start'])[0] in OUTSIDE
                flagged = bool(m.get('boilerplate'))
                tp += outside and flagged
                fp += outside and not flagged
                fn += flagged and not outside
    return {'boilerplate_mention_precision': ratio(tp, tp + fp), 'boilerplate_mention_recall': ratio(tp, tp + fn)}


def bbc(cli, corpus):
    files = sorted(glob.glob(os.path.join(corpus, '*', '*.txt')))
    docs = analyze(cli, files)
    lines = boiler = story = 0
    for path in files:
        text = open(path, encoding='utf-8', errors='replace').read()
        for n, (kind, _) in line_kinds(text, docs[path]['segments']).items():
            lines += 1
            boiler += kind == 'boilerplate'
            story += kind == 'story'
    return {'documents': len(files), 'lines': lines, 'lines_boilerplate': ratio(boiler, lines),
            'lines_story': ratio(story, lines)}


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    cli = args[0]
    floors = json.load(open(args[args.index('--check') + 1])) if '--check' in args else None
    shared = os.environ.get('NEWSLENS_SHARED', os.path.join(ROOT, '..', 'shared'))
    figures = {'examples': examples(cli)}
    if os.path.isdir(os.path.join(shared, 'eval', 'gold')):
        figures['gold'] = dev_gold(cli, os.path.join(shared, 'eval', 'gold'))
    else:
        print(f'segments: {shared}/eval/gold not found, the mention-level figures skipped')
    if os.path.isdir(os.path.join(shared, 'corpus', 'bbc')):
        figures['bbc'] = bbc(cli, os.path.join(shared, 'corpus', 'bbc'))
    else:
        print(f'segments: {shared}/corpus/bbc not found, the BBC figures skipped')
    failed = 0
    for area, values in figures.items():
        for name, value in values.items():
            bound = (floors or {}).get(area, {}).get(name)
            status = ''
            if bound is not None:
                ok = value >= bound['min'] if 'min' in bound else value <= bound['max']
                failed += not ok
                status = ('ok   ' if ok else 'FAIL ') + ('>= ' + str(bound['min']) if 'min' in bound else '<= ' + str(bound['max']))
            print(f'{area}.{name} = {value}  {status}')
    if failed:
        print(f'segments: {failed} figure(s) past their bound in {args[args.index("--check") + 1]}')
        sys.exit(1)


if __name__ == '__main__':
    main()
