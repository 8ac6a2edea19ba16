#!/usr/bin/env bash
# Compiles tcptracer.bpf.c into a CO-RE object. Called by Maven (generate-resources).
#   build.sh WORK_DIR OUTPUT_DIR
# vmlinux.h comes from this machine's BTF: the object relocates against any BTF kernel.
set -euo pipefail
src=$(cd "$(dirname "$0")" && pwd)
work=$1
out=$2
mkdir -p "$work" "$out"
for tool in clang bpftool; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool not found: apt-get install clang bpftool libbpf-dev" >&2; exit 1; }
done
[ -f /usr/include/bpf/bpf_helpers.h ] || { echo "build.sh: libbpf headers not found: apt-get install libbpf-dev" >&2; exit 1; }
if [ ! -s "$work/vmlinux.h" ]; then
  [ -r /sys/kernel/btf/vmlinux ] || { echo "build.sh: /sys/kernel/btf/vmlinux missing: a kernel with BTF is needed" >&2; exit 1; }
  bpftool btf dump file /sys/kernel/btf/vmlinux format c > "$work/vmlinux.h.tmp"
  mv "$work/vmlinux.h.tmp" "$work/vmlinux.h"
fi
# -mcpu=v3: the atomic compare-and-exchange of the connect handoff table.
arch=$(uname -m | sed -e 's/x86_64/x86/' -e 's/aarch64/arm64/')
clang -g -O2 -mcpu=v3 -Wall -Werror -target bpf -D__TARGET_ARCH_"$arch" \
  -I"$work" -I"$src" -c "$src/tcptracer.bpf.c" -o "$work/tcptracer.bpf.o"
# Drop DWARF (BTF stays): a smaller jar resource.
llvm-strip -g "$work/tcptracer.bpf.o" 2>/dev/null || true
cp "$work/tcptracer.bpf.o" "$out/tcptracer.bpf.o"
