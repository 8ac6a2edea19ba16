#!/usr/bin/env bash
# Compiles tcptracer.bpf.c into CO-RE objects. Called by Maven (generate-resources).
#   build.sh WORK_DIR OUTPUT_DIR
# vmlinux.h comes from this machine's BTF: the objects relocate against any BTF kernel.
# Two builds of the one source: tcptracer.bpf.o casts with bpf_rdonly_cast() (kernel >= 6.2),
# tcptracer-before-6.2.bpf.o probes instead (libbpf 1.1 cannot make that kfunc optional).
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
arch=$(uname -m | sed -e 's/x86_64/x86/' -e 's/aarch64/arm64/')
build() { # build OBJECT CASTS
  # -mcpu=v3: the atomic compare-and-exchange of the connect handoff table.
  clang -g -O2 -mcpu=v3 -Wall -Werror -target bpf -D__TARGET_ARCH_"$arch" -DACCEPT_BY_CASTS="$2" \
    -I"$work" -I"$src" -c "$src/tcptracer.bpf.c" -o "$work/$1"
  # Drop DWARF (BTF stays): a smaller jar resource.
  llvm-strip -g "$work/$1" 2>/dev/null || true
  cp "$work/$1" "$out/$1"
}
build tcptracer.bpf.o 1
build tcptracer-before-6.2.bpf.o 0
