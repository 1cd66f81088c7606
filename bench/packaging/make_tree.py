"""Writes a deterministic build context for bench/packaging.sh: 20,000 files, ~200 MB.

Layout (fixed seed, so every run and machine gets the same bytes):
  src/pkgNNN/mod_MMM.py   16,000 files of Python-like text (compressible), 1-15 KB
  assets/binNNN/blob_MMM.bin 1,500 files of pseudo-random bytes (incompressible), 20-60 KB
  .venv/lib/site-packages/pkgNN/...  2,000 files the .dockerignore excludes
  .git/objects/NN/...       500 files the .dockerignore excludes
  .dockerignore, Dockerfile-less (the bench adds one), agent.py
"""
import os
import random
import sys

root = sys.argv[1]
rng = random.Random(20000)
words = [b"def", b"return", b"self", b"import", b"agent", b"payload", b"response", b"from", b"class", b"None",
         b"value", b"for", b"in", b"if", b"else", b"print", b"json", b"async", b"await", b"data"]


def make_pool(n):
    out = bytearray()
    while len(out) < n:
        out += b"    " + b" ".join(rng.choice(words) for _ in range(rng.randint(3, 10))) + b"\n"
    return bytes(out)


pool = make_pool(8 << 20)  # slices of one text pool: fast, and still not one repeated block


def text(n):
    start = rng.randrange(0, len(pool) - n)
    return pool[start:start + n]


def write(rel, data):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)


total = 0
count = 0
for i in range(16000):
    data = text(rng.randint(1024, 15 * 1024))
    write(f"src/pkg{i // 100:03d}/mod_{i % 100:03d}.py", data)
    total += len(data); count += 1
for i in range(1500):
    data = rng.randbytes(rng.randint(20 * 1024, 60 * 1024))
    write(f"assets/bin{i // 100:02d}/blob_{i % 100:03d}.bin", data)
    total += len(data); count += 1
for i in range(2000):
    data = text(rng.randint(1024, 15 * 1024))
    write(f".venv/lib/site-packages/pkg{i // 100:02d}/m_{i % 100:03d}.py", data)
    total += len(data); count += 1
for i in range(497):
    data = rng.randbytes(rng.randint(1024, 8 * 1024))
    write(f".git/objects/{i % 100:02d}/{i:038x}", data)
    total += len(data); count += 1
write(".dockerignore", b".venv/\n.git/\n**/__pycache__/\n*.pyc\n.bedrock_agentcore/\n")
write("agent.py", b"def handler(payload):\n    return payload\n")
write("requirements.txt", b"bedrock-agentcore\n")
count += 3
print(f"{count} files, {total / 1e6:.0f} MB")
