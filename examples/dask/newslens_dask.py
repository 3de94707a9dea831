#!/usr/bin/env python3
"""newslens over a Dask cluster (issue 19): the same analysis and comparison
as `newslens analyze --input jsonl | newslens compare -`, with the corpus cut
into partitions that Dask's workers analyse.

Each worker process keeps two long-lived CLI processes and talks to them
through pipes: `newslens analyze --input jsonl -` (records in, results out)
and `newslens compare --map -` (results in, compare summaries out). A
partition's records are written to the first, its results to the second;
the CLI answers one line per line, in order. The client writes each
partition's results as one shard (results-NNNNN.jsonl) with its summaries
(summaries-NNNNN.jsonl), and runs the reduce step, `newslens compare` over
the summaries in input order, into groups.json.

    newslens_dask.py INPUT... --out DIR [--scheduler tcp://HOST:8786]

INPUT is a folder (its *.txt files, recursively, in name order, become
records with their relative path as id) or a JSONL file of records
{"id", "text", "date", "source", "title"}. Without --scheduler a
LocalCluster is started on this machine (--workers N processes).
See examples/dask/README.md.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time

from distributed import Client, LocalCluster, as_completed, get_worker


# ---- on the workers ---------------------------------------------------------------

class Pipes:
    """The two CLI processes of one worker process."""

    def __init__(self, cli, plugins, jobs):
        common = ["-j", str(jobs)] + (["--plugins", plugins] if plugins else [])
        self.analyze = subprocess.Popen([cli, "analyze", "--input", "jsonl"] + common + ["-"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.map = subprocess.Popen([cli, "compare", "--map"] + common + ["-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.lock = threading.Lock()

    @staticmethod
    def ask(proc, lines):
        """Writes `lines` to the process (from a thread, so that a full pipe
        cannot block both sides) and reads one answer per line. In large
        blocks: Python's work per line would cost a quarter of the CLI's."""
        data = b"\n".join(lines) + b"\n" if lines else b""

        def feed():
            try:
                proc.stdin.write(data)
                proc.stdin.flush()
            except BrokenPipeError:
                pass
        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        chunks, missing = [], len(lines)
        fd = proc.stdout.fileno()  # read raw: nothing is left in a Python buffer
        while missing > 0:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                raise RuntimeError(f"newslens ({' '.join(proc.args)}) ended with status {proc.wait()}")
            missing -= chunk.count(b"\n")
            chunks.append(chunk)
        writer.join()
        return b"".join(chunks).split(b"\n")[:-1] if lines else []


def pipes_of_this_worker(cli, plugins, jobs):
    worker = get_worker()
    key = (cli, plugins, jobs)
    all_pipes = getattr(worker, "_newslens_pipes", None)
    if all_pipes is None:
        all_pipes = worker._newslens_pipes = {}
    if key not in all_pipes:
        all_pipes[key] = Pipes(cli, plugins, jobs)
    return all_pipes[key]


def text_record(path, folder):
    """A .txt file as a record: its path in the folder is its id."""
    data = open(path, "rb").read()
    for encoding in ("utf-8", "utf-16", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("utf-8", "replace")
    rel = os.path.relpath(path, folder)
    return rel, json.dumps({"id": rel, "text": text}, ensure_ascii=False).encode()


def jsonl_records(path, data, first_line):
    """(where, line) for the non-blank lines of `data`, which starts at line
    `first_line` of `path`."""
    for number, line in enumerate(data.split(b"\n"), first_line):
        line = line.rstrip(b"\r")
        if line.strip():  # blank lines are no records (the CLI skips them too)
            yield f"{path}:{number}", line


def load_partition(source):
    """A partition's records from what the client sent: the records
    themselves, or where to read them on a file system the workers share
    with the client (a byte range of a JSONL file, .txt files of a folder)."""
    kind = source[0]
    if kind == "records":
        return source[1]
    if kind == "range":
        _, path, start, end, first_line, name = source
        with open(path, "rb") as f:
            f.seek(start)
            data = f.read(end - start)
        return list(jsonl_records(name, data[:-1] if data.endswith(b"\n") else data, first_line))
    _, folder, names = source
    return [text_record(name, folder) for name in names]


def analyse_partition(index, source, cli, plugins, jobs, out_dir):
    """Analyses and maps one partition. With `out_dir` (a file system the
    client shares) the worker writes the shards itself; otherwise the
    results and summaries go back to the client. Returns them (or None),
    how many results have errors, and the seconds it took."""
    started = time.time()
    records = load_partition(source)
    pipes = pipes_of_this_worker(cli, plugins, jobs)
    with pipes.lock:
        results = Pipes.ask(pipes.analyze, [line for _, line in records])
        # A bad record's error object names its line in the CLI's stdin; it
        # is named by its line in its own shard, as `analyze FILE` names it.
        for i, result in enumerate(results):
            if result.startswith(b'{"id":') and b',"line":' in result[:300]:
                error = json.loads(result)
                where = records[i][0]
                shard, _, line = where.rpartition(":")
                if shard and line.isdigit():
                    error["line"] = int(line)
                else:  # a file of a folder: its path says where it is
                    del error["line"]
                error["document"] = where
                results[i] = json.dumps(error, ensure_ascii=False, separators=(",", ":")).encode()
        summaries = Pipes.ask(pipes.map, results)
    # Results with errors (a bad record, a plugin that failed): the CLI would exit 1.
    with_errors = sum(not r.endswith(b'"errors":[]}') for r in results)
    if out_dir:
        write_shards(out_dir, index, results, summaries)
        results = summaries = None
    return results, summaries, with_errors, len(records), time.time() - started


def write_shards(out_dir, index, results, summaries):
    for name, lines in (("results", results), ("summaries", summaries)):
        path = os.path.join(out_dir, f"{name}-{index:05d}.jsonl")
        with open(path + ".part", "wb") as f:
            f.write(b"\n".join(lines) + b"\n" if lines else b"")
        os.replace(path + ".part", path)


# ---- on the client ----------------------------------------------------------------

def partition_sources(inputs, size, shared):
    """What each partition is, in input order: about `size` bytes of
    records. With a shared file system the workers read the records
    themselves (the client only finds where partitions start); otherwise the
    client reads them and sends them."""
    for path in inputs:
        if os.path.isdir(path):
            names = []
            for root, _, files in os.walk(path):
                names += [os.path.join(root, f) for f in files if f.endswith(".txt")]
            names.sort()
            if shared:
                names = [os.path.abspath(n) for n in names]
            part, total = [], 0
            for name in names:
                part.append(name)
                total += os.path.getsize(name)
                if total >= size:
                    yield ("files", os.path.abspath(path), part) if shared else ("records", [text_record(n, path) for n in part])
                    part, total = [], 0
            if part:
                yield ("files", os.path.abspath(path), part) if shared else ("records", [text_record(n, path) for n in part])
            continue
        with open(path, "rb") as f:
            start, line = 0, 1
            while True:
                f.seek(start)
                data = f.read(size)
                if not data:
                    break
                data += f.readline()  # to the end of the line
                end = start + len(data)
                if shared:
                    yield ("range", os.path.abspath(path), start, end, line, path)
                else:
                    records = list(jsonl_records(path, data[:-1] if data.endswith(b"\n") else data, line))
                    if records:
                        yield ("records", records)
                line += data.count(b"\n")
                start = end


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", help="folders of .txt files or JSONL files of records")
    ap.add_argument("--out", required=True, help="folder for results-NNNNN.jsonl, summaries-NNNNN.jsonl and groups.json")
    ap.add_argument("--scheduler", help="a running scheduler, tcp://HOST:8786 (default: a LocalCluster here)")
    ap.add_argument("--workers", type=int, default=os.cpu_count(), help="LocalCluster worker processes (default: every core)")
    ap.add_argument("--host", default="127.0.0.1", help="the LocalCluster's address (default 127.0.0.1)")
    ap.add_argument("--cli", default=shutil.which("newslens") or "newslens",
                    help="the newslens CLI, at the same path on every worker host (default: newslens on PATH)")
    ap.add_argument("--plugins", default="", help="as newslens --plugins")
    ap.add_argument("--jobs", type=int, default=1, help="-j of each worker's CLI (default 1: one worker per core)")
    ap.add_argument("--partition-mb", type=float, default=1.0, help="records per partition, in MB (default 1)")
    ap.add_argument("--format", default="json", choices=["json", "jsonl", "table"], help="of groups (default json)")
    ap.add_argument("--shared-fs", choices=["yes", "no"],
                    help="whether the workers see the client's files (the inputs and --out) at the same paths: then they "
                         "read their partitions and write their shards themselves (default: yes for a LocalCluster, "
                         "no with --scheduler: the client sends the records and writes the shards)")
    args = ap.parse_args(argv)

    os.makedirs(args.out, exist_ok=True)
    cli_here = os.path.abspath(args.cli) if os.path.exists(args.cli) else args.cli
    if args.scheduler:
        cluster = None
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, host=args.host,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        workers = len(client.scheduler_info()["workers"])
        start = time.time()
        shared = (args.shared_fs or ("no" if args.scheduler else "yes")) == "yes"
        out_dir = os.path.abspath(args.out) if shared else None
        parts = enumerate(partition_sources(args.inputs, int(args.partition_mb * 1e6), shared))
        # When the client sends the records, at most two partitions per worker
        # are in flight: the client holds the records of those only, not the
        # corpus. With a shared file system a partition is a few numbers and
        # more of them are queued (the scheduler balances them over workers).
        in_flight = (16 if shared else 2) * max(1, workers)
        futures = as_completed()
        counts = {"records": 0, "bytes": 0, "partitions": 0, "with_errors": 0, "worker_seconds": 0.0}

        def submit_next():
            for index, source in parts:
                if source[0] == "records":
                    counts["bytes"] += sum(len(line) for _, line in source[1])
                elif source[0] == "range":
                    counts["bytes"] += source[3] - source[2]
                else:
                    counts["bytes"] += sum(os.path.getsize(n) for n in source[2])
                f = client.submit(analyse_partition, index, source, cli_here, args.plugins, args.jobs, out_dir, pure=False)
                f.index = index
                futures.add(f)
                return True
            return False

        for _ in range(in_flight):
            submit_next()
        for future in futures:
            results, summaries, with_errors, records, seconds = future.result()
            counts["records"] += records
            counts["with_errors"] += with_errors
            counts["worker_seconds"] += seconds
            if results is not None:
                write_shards(args.out, future.index, results, summaries)
            counts["partitions"] += 1
            future.release()
            submit_next()
        analysed = time.time() - start
        # The reduce step, here on the client, over the summaries in input order.
        shards = [os.path.join(args.out, f"summaries-{i:05d}.jsonl") for i in range(counts["partitions"])]
        with open(os.path.join(args.out, "groups." + ("txt" if args.format == "table" else args.format)), "wb") as out:
            reduce_status = subprocess.run([cli_here, "compare", "--format", args.format, "--input", "jsonl"] + shards,
                                           stdout=out).returncode
        elapsed = time.time() - start
        stats = dict(counts, workers=workers, analysed_seconds=round(analysed, 3), seconds=round(elapsed, 3),
                     mb_per_second=round(counts["bytes"] / 1e6 / analysed, 3) if analysed else None,
                     records_per_second=round(counts["records"] / analysed, 1) if analysed else None)
        json.dump(stats, open(os.path.join(args.out, "stats.json"), "w"), indent=1)
        print(f"newslens_dask: {counts['records']} records ({counts['bytes'] / 1e6:.1f} MB) in {counts['partitions']} partitions "
              f"on {workers} workers: analysed and mapped in {analysed:.1f} s ({stats['mb_per_second']} MB/s), "
              f"reduced in {elapsed - analysed:.1f} s", file=sys.stderr)
        if counts["with_errors"]:
            print(f"newslens_dask: {counts['with_errors']} results with errors (their \"errors\"; the workers' stderr "
                  f"names them)", file=sys.stderr)
        # As the CLI: 1 when some input was bad.
        return 1 if counts["with_errors"] or reduce_status else 0
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


if __name__ == "__main__":
    sys.exit(main())
