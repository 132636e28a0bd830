#!/usr/bin/env bash
# CNN Playground GPU harness, self-contained: tfjs-backend-webgpu over Dawn (Vulkan) in a bundled Node.
#   ./run.sh [--quick] [--with-torch] [--swiftshader] [harness options: --models, --batches, --steps, …]
# Needs: x86-64 Linux, a Vulkan loader (libvulkan.so.1; a copy is in lib/) and a Vulkan driver (ICD),
# e.g. NVIDIA's nvidia_icd.json, which comes with the driver. No network, no package registry.
# Writes gpu.json (and torch.json with --with-torch) into the current directory, or to $OUT_DIR.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT_DIR="${OUT_DIR:-$PWD}"
say() { echo "run.sh: $*" >&2; }

if [ "$(uname -s)" != "Linux" ] || [ "$(uname -m)" != "x86_64" ]; then
  say "this pack is built for x86-64 Linux; this machine is $(uname -s) $(uname -m)."; exit 2
fi

WITH_TORCH=0; SWIFTSHADER=0; ARGS=()
for a in "$@"; do
  case "$a" in
    --with-torch) WITH_TORCH=1 ;;
    --swiftshader) SWIFTSHADER=1 ;;
    *) ARGS+=("$a") ;;
  esac
done

# 1. Unpack Node and Dawn once (xz, or Python's lzma where xz is missing).
WORK="${CNN_GPU_WORK:-$HERE/.unpacked}"
mkdir -p "$WORK" 2>/dev/null || WORK="$(mktemp -d)"
unxz_to() { # $1 archive, $2 target
  if [ -s "$2" ]; then return; fi
  if command -v xz >/dev/null 2>&1; then xz -dc "$1" > "$2.part"
  elif command -v python3 >/dev/null 2>&1; then python3 -c 'import lzma,shutil,sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2],"wb"))' "$1" "$2.part"
  else say "cannot unpack $1: neither xz nor python3 is installed (apt-get install xz-utils)."; exit 2; fi
  mv "$2.part" "$2"
}
unxz_to "$HERE/node.xz" "$WORK/node"; chmod +x "$WORK/node"
unxz_to "$HERE/dawn.node.xz" "$WORK/dawn.node"

# 2. Vulkan: a loader, and a driver.
if ! { /sbin/ldconfig -p 2>/dev/null || ldconfig -p 2>/dev/null; } | grep -q 'libvulkan\.so\.1'; then
  if [ -f "$HERE/lib/libvulkan.so.1" ]; then
    say "no system Vulkan loader (libvulkan.so.1): using the copy in lib/ (Khronos loader from Debian's chromium)."
    export LD_LIBRARY_PATH="$HERE/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  else
    say "MISSING: the Vulkan loader libvulkan.so.1. Install it: apt-get install libvulkan1 (Debian/Ubuntu), dnf install vulkan-loader (Fedora/RHEL)."; exit 3
  fi
fi
ICDS=""
for d in /etc/vulkan/icd.d /usr/share/vulkan/icd.d /usr/local/share/vulkan/icd.d /usr/local/etc/vulkan/icd.d; do
  for f in "$d"/*.json; do [ -e "$f" ] && ICDS="$ICDS $f"; done
done
if [ "$SWIFTSHADER" = 1 ]; then
  for f in /usr/lib/chromium/vk_swiftshader_icd.json "$HERE/lib/vk_swiftshader_icd.json"; do
    if [ -f "$f" ]; then export VK_ICD_FILENAMES="$f"; break; fi
  done
  [ -n "${VK_ICD_FILENAMES:-}" ] || { say "--swiftshader: no SwiftShader ICD (Debian's chromium package ships /usr/lib/chromium/vk_swiftshader_icd.json)."; exit 3; }
  say "Vulkan driver: SwiftShader (software) — the figures measure the CPU, not a GPU."
elif [ -z "${VK_ICD_FILENAMES:-}${VK_DRIVER_FILES:-}" ] && [ -z "$ICDS" ]; then
  say "MISSING: no Vulkan driver (ICD manifest) in /etc/vulkan/icd.d or /usr/share/vulkan/icd.d."
  say "  NVIDIA: the driver's Vulkan part provides nvidia_icd.json (Ubuntu: libnvidia-gl-<version>); in a container"
  say "  run with --gpus all -e NVIDIA_DRIVER_CAPABILITIES=all (graphics is needed for Vulkan, not only compute)."
  say "  To test this pack without a GPU: ./run.sh --swiftshader (needs Debian's chromium)."
  exit 3
else
  say "Vulkan drivers:${ICDS:- $VK_ICD_FILENAMES${VK_DRIVER_FILES:-}}"
fi
if command -v nvidia-smi >/dev/null 2>&1; then say "GPU: $(nvidia-smi --query-gpu=name,driver_version --format=csv,noheader | head -1)"; fi
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
export DAWN_NODE="$WORK/dawn.node"
export CNN_BENCH_GPU_NOTES="Vulkan drivers:${VK_ICD_FILENAMES:-$ICDS}"

# 3. PyTorch on the same GPU first (optional), then the tfjs harness compared with it.
COMPARE=()
if [ "$WITH_TORCH" = 1 ]; then
  if python3 -c 'import torch' 2>/dev/null; then
    python3 "$HERE/torch_bench.py" --out "$OUT_DIR/torch.json" && COMPARE=(--compare "$OUT_DIR/torch.json")
  else
    say "--with-torch: python3 has no torch module; skipping the PyTorch reference."
  fi
fi
exec "$WORK/node" "$HERE/harness.mjs" --data "$HERE/data" --out "$OUT_DIR/gpu.json" ${COMPARE[@]+"${COMPARE[@]}"} ${ARGS[@]+"${ARGS[@]}"}
