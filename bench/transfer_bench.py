"""Transfer benchmark: ZOS Browser's engine (zos-dev, release build) against s5cmd, rclone,
aws-cli and boto3, one radosgw, same machine, same run. PRINTS figures; slow numbers never fail.

Rows: 1 GiB upload and download; 10,000 x 4 KiB upload from a folder; 100 x 10 MiB upload;
download of the 100 x 10 MiB folder. Each tool runs each row RUNS times, tools interleaved
(so a noisy minute hurts everyone alike); the table keeps each tool's best run, its client CPU
seconds (user + sys of the process and its children, from wait4) and the engine's ratio to each
peer. Endpoint and keys come from the environment the test radosgw writes (ZOS_TEST_*).
"""

import json
import os
import shutil
import subprocess
import sys
import time

import boto3
from botocore.config import Config

ENDPOINT = os.environ["ZOS_TEST_ENDPOINT"]
ACCESS = os.environ["ZOS_TEST_ACCESS_KEY"]
SECRET = os.environ["ZOS_TEST_SECRET_KEY"]
REGION = os.environ.get("ZOS_TEST_REGION", "default")
ZOS_DEV = os.environ["ZOS_DEV"]
BIN = os.environ["PEER_BIN"]  # the venv's bin folder (s5cmd, rclone, aws, python)
DATA = os.environ.get("BENCH_DATA", "/tmp/zos-transfer-bench")
RUNS = int(os.environ.get("BENCH_RUNS", "2"))
ONLY = set(filter(None, os.environ.get("BENCH_ROWS", "").split(";")))
TOOLS = [t for t in os.environ.get("BENCH_TOOLS", "zos,s5cmd,rclone,aws-cli,boto3").split(",") if t]
BUCKET = "zos-transfer-bench"
MIB = 1 << 20

CONFIG = Config(
    s3={"addressing_style": "path"},
    request_checksum_calculation="when_required",
    response_checksum_validation="when_required",
    max_pool_connections=32,
)
s3 = boto3.client("s3", endpoint_url=ENDPOINT, region_name=REGION, aws_access_key_id=ACCESS,
                  aws_secret_access_key=SECRET, config=CONFIG)

ENV = dict(
    os.environ,
    AWS_ACCESS_KEY_ID=ACCESS,
    AWS_SECRET_ACCESS_KEY=SECRET,
    AWS_REGION=REGION,
    AWS_DEFAULT_REGION=REGION,
    # Trap 2 of the server notes: no trailing checksums.
    AWS_REQUEST_CHECKSUM_CALCULATION="when_required",
    AWS_RESPONSE_CHECKSUM_VALIDATION="when_required",
    RCLONE_CONFIG_ZOS_TYPE="s3",
    RCLONE_CONFIG_ZOS_PROVIDER="Ceph",
    RCLONE_CONFIG_ZOS_ENDPOINT=ENDPOINT,
    RCLONE_CONFIG_ZOS_ACCESS_KEY_ID=ACCESS,
    RCLONE_CONFIG_ZOS_SECRET_ACCESS_KEY=SECRET,
    RCLONE_CONFIG_ZOS_REGION=REGION,
)
aws_config = os.path.join(DATA, "aws-config")


def make_data():
    os.makedirs(DATA, exist_ok=True)
    with open(aws_config, "w") as f:
        f.write("[default]\ns3 =\n    addressing_style = path\n")
    ENV["AWS_CONFIG_FILE"] = aws_config
    big = os.path.join(DATA, "big.bin")
    if not os.path.exists(big) or os.path.getsize(big) != 1024 * MIB:
        with open(big, "wb") as f:
            for _ in range(1024):
                f.write(os.urandom(MIB))
    small = os.path.join(DATA, "small")
    if not os.path.isdir(small) or len(os.listdir(small)) != 10000:
        shutil.rmtree(small, ignore_errors=True)
        os.makedirs(small)
        for i in range(10000):
            with open(os.path.join(small, f"f{i:05d}.bin"), "wb") as f:
                f.write(os.urandom(4096))
    mid = os.path.join(DATA, "mid")
    if not os.path.isdir(mid) or len(os.listdir(mid)) != 100:
        shutil.rmtree(mid, ignore_errors=True)
        os.makedirs(mid)
        for i in range(100):
            with open(os.path.join(mid, f"m{i:03d}.bin"), "wb") as f:
                f.write(os.urandom(10 * MIB))
    return big, small, mid


BOTO3_UP = """
import boto3, os, sys
from concurrent.futures import ThreadPoolExecutor
from botocore.config import Config
cfg = Config(s3={'addressing_style': 'path'}, request_checksum_calculation='when_required',
             response_checksum_validation='when_required', max_pool_connections=10)
s3 = boto3.client('s3', endpoint_url=os.environ['ZOS_TEST_ENDPOINT'], config=cfg)
src, bucket, prefix = sys.argv[1:4]
if os.path.isfile(src):
    s3.upload_file(src, bucket, prefix + os.path.basename(src))
else:
    # upload_file's own default concurrency (10) across files, as an SDK user would write it.
    names = sorted(os.listdir(src))
    with ThreadPoolExecutor(10) as pool:
        list(pool.map(lambda n: s3.upload_file(os.path.join(src, n), bucket, prefix + n), names))
"""

BOTO3_DOWN = """
import boto3, os, sys
from concurrent.futures import ThreadPoolExecutor
from botocore.config import Config
cfg = Config(s3={'addressing_style': 'path'}, request_checksum_calculation='when_required',
             response_checksum_validation='when_required', max_pool_connections=10)
s3 = boto3.client('s3', endpoint_url=os.environ['ZOS_TEST_ENDPOINT'], config=cfg)
bucket, what, dest = sys.argv[1:4]
if not what.endswith('/'):
    s3.download_file(bucket, what, os.path.join(dest, os.path.basename(what)))
else:
    keys = [o['Key'] for p in s3.get_paginator('list_objects_v2').paginate(Bucket=bucket, Prefix=what) for o in p.get('Contents', [])]
    with ThreadPoolExecutor(10) as pool:
        list(pool.map(lambda k: s3.download_file(bucket, k, os.path.join(dest, os.path.basename(k))), keys))
"""


def upload_cmd(tool, src, prefix):
    """Uploads a file, or the files of a folder, to s3://BUCKET/prefix."""
    url = f"s3://{BUCKET}/{prefix}"
    is_dir = os.path.isdir(src)
    if tool == "zos":
        # A folder keeps its own name under the prefix (as when dropped in the app).
        return [ZOS_DEV, "upload", BUCKET, prefix, src]
    if tool == "s5cmd":
        return [f"{BIN}/s5cmd", "--endpoint-url", ENDPOINT, "cp", src + ("/*" if is_dir else ""), url]
    if tool == "rclone":
        return [f"{BIN}/rclone", "copy", src, f"zos:{BUCKET}/{prefix}"]
    if tool == "aws-cli":
        return [f"{BIN}/aws", "s3", "cp", "--endpoint-url", ENDPOINT, "--only-show-errors", src, url] + (["--recursive"] if is_dir else [])
    if tool == "boto3":
        return [f"{BIN}/python", "-c", BOTO3_UP, src, BUCKET, prefix]
    raise ValueError(tool)


def download_cmd(tool, what, dest):
    """Downloads a key, or every key under a prefix (what ends in /), into the folder dest."""
    folder = what.endswith("/")
    if tool == "zos":
        parent = what.rstrip("/").rsplit("/", 1)[0] + "/"
        return [ZOS_DEV, "download", BUCKET, parent, dest, what]
    if tool == "s5cmd":
        return [f"{BIN}/s5cmd", "--endpoint-url", ENDPOINT, "cp", f"s3://{BUCKET}/{what}" + ("*" if folder else ""), dest + "/"]
    if tool == "rclone":
        return [f"{BIN}/rclone", "copy", f"zos:{BUCKET}/{what}", dest]
    if tool == "aws-cli":
        return [f"{BIN}/aws", "s3", "cp", "--endpoint-url", ENDPOINT, "--only-show-errors", f"s3://{BUCKET}/{what}", dest + "/"] + (["--recursive"] if folder else [])
    if tool == "boto3":
        return [f"{BIN}/python", "-c", BOTO3_DOWN, BUCKET, what, dest]
    raise ValueError(tool)


def timed(cmd):
    """Wall seconds and client CPU seconds (the process and its children) of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    if status != 0:
        raise RuntimeError(f"{cmd[0]} failed ({status}): {err[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime


def delete_prefix(prefix):
    paginator = s3.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=BUCKET, Prefix=prefix):
        keys = [{"Key": o["Key"]} for o in page.get("Contents", [])]
        if keys:
            s3.delete_objects(Bucket=BUCKET, Delete={"Objects": keys, "Quiet": True})


def count(prefix):
    return sum(page.get("KeyCount", 0) for page in s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=prefix))


def local_files(path):
    return sum(len(files) for _, _, files in os.walk(path))


def main():
    big, small, mid = make_data()
    try:
        s3.create_bucket(Bucket=BUCKET)
    except s3.exceptions.BucketAlreadyOwnedByYou:
        pass
    # Download sources, uploaded once by boto3 (the guide's SDK).
    if count("src/big.bin") == 0:
        s3.upload_file(big, BUCKET, "src/big.bin")
    if count("src/mid/") != 100:
        for n in sorted(os.listdir(mid)):
            s3.upload_file(os.path.join(mid, n), BUCKET, "src/mid/" + n)

    rows = [
        # (name, kind, source, bytes, files)
        ("1 GiB upload", "up", big, 1024 * MIB, 1),
        ("1 GiB download", "down", "src/big.bin", 1024 * MIB, 1),
        ("10,000 x 4 KiB upload", "up", small, 10000 * 4096, 10000),
        ("100 x 10 MiB upload", "up", mid, 100 * 10 * MIB, 100),
        ("100 x 10 MiB download", "down", "src/mid/", 100 * 10 * MIB, 100),
    ]
    results = {}
    for name, kind, source, nbytes, files in rows:
        if ONLY and name not in ONLY:
            continue
        print(f"\n{name}", flush=True)
        for run in range(RUNS):
            order = TOOLS[run % len(TOOLS):] + TOOLS[: run % len(TOOLS)]
            for tool in order:
                if kind == "up":
                    prefix = f"up/{tool}/{run}/"
                    wall, cpu = timed(upload_cmd(tool, source, prefix))
                    got = count(prefix)
                    delete_prefix(prefix)
                else:
                    dest = os.path.join(DATA, f"dl-{tool}")
                    shutil.rmtree(dest, ignore_errors=True)
                    os.makedirs(dest)
                    wall, cpu = timed(download_cmd(tool, source, dest))
                    got = local_files(dest)
                    shutil.rmtree(dest, ignore_errors=True)
                if got != files:
                    raise RuntimeError(f"{tool} {name}: {got} files instead of {files}")
                best = results.setdefault(name, {}).get(tool)
                print(f"  {tool:8s} run {run + 1}: {wall:7.2f} s wall, {cpu:6.2f} s CPU", flush=True)
                if best is None or wall < best["wall"]:
                    results[name][tool] = {"wall": wall, "cpu": cpu, "bytes": nbytes, "files": files}
    report(results)


def rate(name, r):
    if "10,000" in name:
        return r["files"] / r["wall"], "objects/s"
    return r["bytes"] / MIB / r["wall"], "MiB/s"


def report(results):
    out = {"results": results, "when": time.strftime("%Y-%m-%d %H:%M:%S")}
    lines = ["| row | " + " | ".join(TOOLS) + " | engine ÷ best peer | engine ÷ boto3 |", "|---" * (len(TOOLS) + 3) + "|"]
    cpu_lines = ["| client CPU s per GiB | " + " | ".join(TOOLS) + " |", "|---" * (len(TOOLS) + 1) + "|"]
    for name, by_tool in results.items():
        cells, rates = [], {}
        for tool in TOOLS:
            r = by_tool.get(tool)
            if r is None:
                cells.append("–")
                continue
            value, unit = rate(name, r)
            rates[tool] = value
            cells.append(f"{value:,.0f}")
        peers = {t: v for t, v in rates.items() if t != "zos"}
        ours = rates.get("zos")
        vs_best = f"{ours / max(peers.values()):.2f}×" if ours and peers else "–"
        vs_boto3 = f"{ours / peers['boto3']:.2f}×" if ours and "boto3" in peers else "–"
        unit = rate(name, next(iter(by_tool.values())))[1]
        lines.append(f"| {name}, {unit} | " + " | ".join(cells) + f" | {vs_best} | {vs_boto3} |")
        cpu_cells = []
        for tool in TOOLS:
            r = by_tool.get(tool)
            cpu_cells.append((f"{r['cpu']:.2f} s in all" if "10,000" in name else f"{r['cpu'] / (r['bytes'] / (1024 * MIB)):.2f}") if r else "–")
        cpu_lines.append(f"| {name} | " + " | ".join(cpu_cells) + " |")
    table = "\n".join(lines) + "\n\n" + "\n".join(cpu_lines)
    print("\n" + table)
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(os.path.join(here, "results"), exist_ok=True)
    with open(os.path.join(here, "results", "transfer.json"), "w") as f:
        json.dump(out, f, indent=1)
    with open(os.path.join(here, "results", "transfer.md"), "w") as f:
        f.write(table + "\n")


if __name__ == "__main__":
    sys.exit(main())
