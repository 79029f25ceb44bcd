#!/usr/bin/env python3
"""fake-bzimage.py — fixtures for test-prepare-vmlinux.sh.

  fake-bzimage.py elf OUT [--pvh]    a tiny x86_64 ELF with a PT_NOTE segment
                                     (Xen notes; with --pvh, the PHYS32_ENTRY one)
  fake-bzimage.py wrap PAYLOAD SIZE OUT
                                     an x86 bzImage (boot protocol 2.15) whose
                                     payload is PAYLOAD followed by the 4-byte
                                     uncompressed SIZE, as the kernel's build makes it
"""
import os
import struct
import sys


def note(name, ntype, desc):
    pad = lambda b: b + b"\0" * (-len(b) % 4)
    return struct.pack("<III", len(name), len(desc), ntype) + pad(name) + pad(desc)


def elf(out, pvh):
    notes = note(b"Xen\0", 6, b"linux\0") + note(b"Xen\0", 7, b"2.6\0")
    if pvh:
        notes += note(b"Xen\0", 18, struct.pack("<I", 0x1000000))
    ehsize, phsize = 64, 56
    off = ehsize + phsize
    ident = b"\x7fELF" + bytes([2, 1, 1]) + b"\0" * 9
    eh = ident + struct.pack("<HHIQQQIHHHHHH", 2, 62, 1, 0x1000000, ehsize, 0, 0, ehsize,
                             phsize, 1, 64, 0, 0)
    ph = struct.pack("<IIQQQQQQ", 4, 4, off, 0, 0, len(notes), len(notes), 4)
    # incompressible text, so that a payload corrupted in its middle keeps its header
    body = eh + ph + notes + os.urandom(65536)
    open(out, "wb").write(body)


def wrap(payload, size, out):
    data = open(payload, "rb").read() + struct.pack("<I", int(size))
    setup_sects = 1
    pm = (setup_sects + 1) * 512
    offset = 16
    img = bytearray(pm + offset)
    img[0x1f1] = setup_sects
    img[0x202:0x206] = b"HdrS"
    img[0x206:0x208] = struct.pack("<H", 0x020F)
    img[0x248:0x250] = struct.pack("<II", offset, len(data))
    open(out, "wb").write(bytes(img) + data + b"\0" * 64)


if sys.argv[1] == "elf":
    elf(sys.argv[2], "--pvh" in sys.argv[3:])
else:
    wrap(sys.argv[2], sys.argv[3], sys.argv[4])
