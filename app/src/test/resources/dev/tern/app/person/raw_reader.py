"""Records the bytes a terminal sends for each key press, as a person's program would receive them.

usage: raw_reader.py OUT [app]
Puts the terminal in raw mode (and, with 'app', in application cursor-key and keypad mode), prints READY, then
appends the hex of every byte read to OUT, a record per line. Three Ctrl-D in a row end it.
"""
import os
import sys
import termios
import tty

out = open(sys.argv[1], 'w', buffering=1)
fd = sys.stdin.fileno()
saved = termios.tcgetattr(fd)
tty.setraw(fd)
app_mode = len(sys.argv) > 2 and sys.argv[2] == 'app'
if app_mode:
    os.write(1, b'\x1b[?1h\x1b=')
os.write(1, b'READY\r\n')
out.write('ready\n')
tail = b''
try:
    while True:
        data = os.read(fd, 1024)
        if not data:
            break
        out.write(data.hex() + '\n')
        tail = (tail + data)[-3:]
        if tail == b'\x04\x04\x04':
            break
finally:
    if app_mode:
        os.write(1, b'\x1b[?1l\x1b>')
    termios.tcsetattr(fd, termios.TCSADRAIN, saved)
    out.write('end\n')
