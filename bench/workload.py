#!/usr/bin/env python3
"""workload.py SOCKET SESSION FILE -- the scripted typing workload of PredictionInteropTest, typed into a tmux pane
that sits at a '$ ' prompt of a Mosh client whose link has a round trip well above 100 ms.

Each key is sent on its own (an escape sequence counts as one key), 130 ms after the previous one, like a person
typing. A key counts as "shown immediately" when the pane (text or cursor) changes within WINDOW_MS of sending it.
Why that window only sees the client's own prediction: with RTT = 300 ms and keys 130 ms apart, the server's echo
of key k-2 arrives 40 ms after key k is sent at the earliest and that of key k-3 90 ms before it, so nothing from the
server lands in the window (waits after Enter let all output settle before the next key).
Prints one JSON object: keys, immediate, fraction, and the keys that were not shown at once."""
import json
import subprocess
import sys
import time

socket, session, path = sys.argv[1], sys.argv[2], sys.argv[3]
KEY_GAP = 0.130
WINDOW_MS = 30
tmux = ['tmux', '-L', socket]


def screen():
    text = subprocess.run(tmux + ['capture-pane', '-p', '-t', session], capture_output=True, text=True).stdout
    cursor = subprocess.run(tmux + ['display', '-p', '-t', session, '#{cursor_x},#{cursor_y}'],
                            capture_output=True, text=True).stdout
    return text + '@' + cursor


def shows(expect):
    """The pane shows `expect`; PROMPT means a line that is only the prompt (capture-pane drops its space)."""
    text = screen()
    if expect is PROMPT:
        return any(line.rstrip() == '$' for line in text.split('@')[0].splitlines())
    return expect in text


PROMPT = object()


def split(keys):
    out, i = [], 0
    while i < len(keys):
        if keys.startswith('\033O', i) and i + 2 < len(keys):
            out.append(keys[i:i + 3])
            i += 3
        else:
            out.append(keys[i])
            i += 1
    return out


count, immediate, missed = 0, 0, []


def keys(text):
    global count, immediate
    for key in split(text):
        before = screen()
        start = time.monotonic()
        subprocess.run(tmux + ['send-keys', '-t', session, '-l', key])
        changed = False
        while (time.monotonic() - start) * 1000 < WINDOW_MS:
            if screen() != before:
                changed = True
                break
        count += 1
        if changed:
            immediate += 1
        else:
            missed.append(key.replace('\033O', '^[O').replace('\033', '^[').replace('\r', '^M').replace('\x7f', '^?'))
        rest = KEY_GAP - (time.monotonic() - start)
        if rest > 0:
            time.sleep(rest)


def enter(expect):
    keys('\r')
    if expect is not None:
        deadline = time.monotonic() + 15
        while not shows(expect):
            if time.monotonic() > deadline:
                sys.exit('workload: timed out waiting for %r' % expect)
            time.sleep(0.02)
    time.sleep(0.7)


keys('echo helo'); keys('\x7f\x7f'); keys('llo world'); enter('hello world')
keys('ls -ld /tmpp'); keys('\x7f'); enter('drwx')
keys('grep -c roo /etc/passwd'); keys('\033OD' * 12); keys('t'); enter(None)
keys('echo done with the shell'); enter('done with the shell')
keys('clear'); enter(None)
keys('vi -u NONE -N ' + path); enter('line 1 of the file')
for k in ['jjj', 'llll', 'w', 'ihello ', '\033', 'kk', 'Aand more', '\033', '\033OB\033OB\033OC\033OC',
          'otyped on a new line', '\033']:
    keys(k)
keys(':q!'); enter(PROMPT)
print(json.dumps({'keys': count, 'immediate': immediate, 'fraction': round(immediate / count, 4),
                  'not_immediate': ' '.join(missed)}))
