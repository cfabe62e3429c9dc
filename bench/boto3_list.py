#!/usr/bin/env python3
"""List one prefix with boto3's paginator, the reference for `zos-dev bench-list`.

Usage: boto3_list.py BUCKET PREFIX

Same request shape as the app's core (`zos_core::objects::list_objects`): ListObjectsV2 with
Delimiter '/', 1000 keys a page, path-style addressing, checksums only when required. The client
is built before the clock starts (as `zos-dev bench-list` does), so both times cover the same
thing: the HTTP requests and the parsing of every page. Server and keys come from the test
radosgw's environment (ZOS_TEST_ENDPOINT, ZOS_TEST_REGION, ZOS_TEST_ACCESS_KEY,
ZOS_TEST_SECRET_KEY). Prints one JSON line: {"entries", "first_page_ms", "full_listing_s"}.
"""

import json
import os
import sys
import time

import boto3
from botocore.config import Config


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    bucket, prefix = sys.argv[1], sys.argv[2]
    try:
        endpoint = os.environ["ZOS_TEST_ENDPOINT"]
        access_key = os.environ["ZOS_TEST_ACCESS_KEY"]
        secret_key = os.environ["ZOS_TEST_SECRET_KEY"]
    except KeyError as e:
        print(f"boto3_list: {e.args[0]} is not set (source the test radosgw's env file)", file=sys.stderr)
        return 2
    region = os.environ.get("ZOS_TEST_REGION", "default")

    s3 = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=region,
        aws_access_key_id=access_key,
        aws_secret_access_key=secret_key,
        config=Config(
            s3={"addressing_style": "path"},
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
            retries={"max_attempts": 3, "mode": "standard"},
        ),
    )
    paginator = s3.get_paginator("list_objects_v2")

    started = time.perf_counter()
    first_page = None
    total = 0
    for page in paginator.paginate(
        Bucket=bucket, Prefix=prefix, Delimiter="/", PaginationConfig={"PageSize": 1000}
    ):
        if first_page is None:
            first_page = time.perf_counter() - started
        total += len(page.get("Contents", [])) + len(page.get("CommonPrefixes", []))
    full = time.perf_counter() - started

    print(json.dumps({"entries": total, "first_page_ms": first_page * 1000.0, "full_listing_s": full}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
