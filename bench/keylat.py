#!/usr/bin/env python3
"""keylat.py SOCKET SESSION [N] -- keystroke-to-screen latency in a tmux pane sitting at a '$ ' prompt.

Types N letters one at a time (tmux send-keys), polls capture-pane until the letter shows at the end of the
prompt line, records the delay, pauses 150-300 ms (seeded), and clears the line with Ctrl-U at the end.
Prints one JSON object: samples in ms, median, p95, min, max, timeouts."""
import json
import random
import statistics
import subprocess
import sys
import time

socket, session = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 30
tmux = ['tmux', '-L', socket]


def prompt_line():
    screen = subprocess.run(tmux + ['capture-pane', '-p', '-t', session], capture_output=True, text=True).stdout
    lines = [line.rstrip() for line in screen.splitlines() if line.strip()]
    return lines[-1] if lines else ''


pause = random.Random(7)
typed, samples = '', []
for i in range(count):
    letter = 'abcdefghijklmnopqrstuvwxyz'[i % 26]
    typed += letter
    start = time.monotonic()
    subprocess.run(tmux + ['send-keys', '-t', session, '-l', letter])
    while not prompt_line().endswith('$ ' + typed):
        if time.monotonic() - start > 10:
            samples.append(None)
            break
    else:
        samples.append((time.monotonic() - start) * 1000)
    time.sleep(0.15 + pause.random() * 0.15)
subprocess.run(tmux + ['send-keys', '-t', session, 'C-u'])
ok = sorted(s for s in samples if s is not None)
if not ok:
    print(json.dumps({'n': count, 'timeouts': count}))
    sys.exit(1)
print(json.dumps({'n': count, 'timeouts': count - len(ok), 'median': round(statistics.median(ok), 1),
                  'p95': round(ok[min(len(ok) - 1, int(0.95 * len(ok)))], 1), 'min': round(ok[0], 1),
                  'max': round(ok[-1], 1), 'samples': [None if s is None else round(s, 1) for s in samples]}))
