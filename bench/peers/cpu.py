"""CPU time of whole processes, side by side, for bench/run's CLI row.

Usage: python cpu.py ROUNDS NAME|PER_ROUND|COMMAND [NAME|PER_ROUND|COMMAND ...]

Runs every command once as a warm-up (not counted), then ROUNDS rounds; each round runs each
command PER_ROUND times, in the order given, so a machine whose speed drifts (other people's
builds) slows every tool alike. COMMAND is split as a shell splits words; its standard output
goes to /dev/null and a non-zero exit stops the run. The kernel's accounting of each finished
process (wait4: user and system time in microseconds) is what is measured; GNU time's
`%U`/`%S` round to 10 ms, too coarse for a process of a few milliseconds. (wait4's peak RSS is
not reported: a child forked from this Python process starts with its pages counted.)

Prints one JSON line per command: the median, minimum and maximum of user + system time, the
medians of user, system and wall time, the number of runs, and the
1-minute load average read before the first round.
"""

import json
import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(argv):
    began = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - began
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"cpu.py: {shlex.join(argv)} exited with {proc.returncode}")
    return {
        "user_s": usage.ru_utime,
        "sys_s": usage.ru_stime,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "wall_s": wall,
    }


def main():
    rounds = int(sys.argv[1])
    tools = []
    for spec in sys.argv[2:]:
        name, per_round, command = spec.split("|", 2)
        tools.append((name, int(per_round), shlex.split(command)))
    load = float(open("/proc/loadavg").read().split()[0])
    for _, _, argv in tools:
        run_once(argv)
    runs = {name: [] for name, _, _ in tools}
    for _ in range(rounds):
        for name, per_round, argv in tools:
            for _ in range(per_round):
                runs[name].append(run_once(argv))
    for name, _, argv in tools:
        rs = runs[name]
        cpu = [r["cpu_s"] for r in rs]
        print(
            json.dumps(
                {
                    "tool": name,
                    "command": shlex.join(argv),
                    "runs": len(rs),
                    "cpu_s": statistics.median(cpu),
                    "cpu_min_s": min(cpu),
                    "cpu_max_s": max(cpu),
                    "user_s": statistics.median(r["user_s"] for r in rs),
                    "sys_s": statistics.median(r["sys_s"] for r in rs),
                    "wall_s": statistics.median(r["wall_s"] for r in rs),
                    "load": load,
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
