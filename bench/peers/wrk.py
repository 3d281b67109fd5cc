"""Reads `wrk --latency` output on stdin and prints one JSON line for bench/run.

Usage: wrk ... | python wrk.py SERVER CONFIG PATH CONNECTIONS DURATION LOAD RSS_KIB [HEADERS]

HEADERS is what wrk sent besides its defaults (e.g. "-H Accept-Encoding: gzip, br"), kept in the
row so a report can say it.
"""

import json
import re
import sys

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}


def ms(text):
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    return float(m.group(1)) * UNITS[m.group(2)] if m else None


def main():
    server, config, path, conns, duration, load, rss = sys.argv[1:8]
    headers = sys.argv[8] if len(sys.argv) > 8 else ""
    out = sys.stdin.read()
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    lat = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", out, re.M))
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    total = re.search(r"(\d+) requests in", out)
    print(
        json.dumps(
            {
                "server": server,
                "config": config,
                "path": path,
                "connections": int(conns),
                "duration": duration,
                "rps": float(rps.group(1)) if rps else 0.0,
                "p50_ms": ms(lat.get("50", "")),
                "p99_ms": ms(lat.get("99", "")),
                "requests": int(total.group(1)) if total else 0,
                "socket_errors": sum(int(x) for x in sock.groups()) if sock else 0,
                "non_2xx": int(non2xx.group(1)) if non2xx else 0,
                "load": float(load),
                "rss_kib": int(rss),
                "headers": headers,
            }
        )
    )


if __name__ == "__main__":
    main()
