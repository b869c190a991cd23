#!/bin/sh
# Runs `faceauth-station bench engine --json` from this folder alone (no network, nothing
# installed but the GPU driver). Made by scripts/gpu/pack.sh; see docs/engine.md "GPU pack".
#   ./run.sh [bench options...]        e.g. ./run.sh --frames 50
# FACEAUTH_BACKEND: default onnx-webgpu when an NVIDIA GPU is present (forced: the run fails with
# the reason if WebGPU cannot start), else the engine's own choice (WebGPU refuses, CPU serves).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${WORK:-$HERE/work}
mkdir -p "$WORK"

if [ ! -x "$WORK/node" ]; then
  if command -v xz >/dev/null 2>&1; then
    xz -dc "$HERE/node.xz" > "$WORK/node.tmp"
  else
    python3 -c 'import lzma,shutil,sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2], "wb"))' \
      "$HERE/node.xz" "$WORK/node.tmp"
  fi
  chmod +x "$WORK/node.tmp" && mv "$WORK/node.tmp" "$WORK/node"
fi
if [ ! -d "$WORK/app" ]; then
  if command -v xz >/dev/null 2>&1; then
    tar -C "$WORK" -xJf "$HERE/app.tar.xz"
  else
    python3 -c 'import tarfile,sys; tarfile.open(sys.argv[1]).extractall(sys.argv[2])' \
      "$HERE/app.tar.xz" "$WORK"
  fi
fi

# Vulkan loader: used from the packed .debs (unpacked under work/, not installed) when the
# system has none. The NVIDIA ICD itself comes with the driver.
if ! ldconfig -p 2>/dev/null | grep -q 'libvulkan.so.1'; then
  if [ ! -d "$WORK/sysroot" ] && ls "$HERE"/debs/*.deb >/dev/null 2>&1; then
    for deb in "$HERE"/debs/*.deb; do dpkg -x "$deb" "$WORK/sysroot"; done
  fi
  if [ -d "$WORK/sysroot" ]; then
    export LD_LIBRARY_PATH="$WORK/sysroot/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  fi
fi
for icd in /usr/share/vulkan/icd.d/nvidia_icd.json /etc/vulkan/icd.d/nvidia_icd.json; do
  if [ -z "${VK_DRIVER_FILES:-}" ] && [ -f "$icd" ]; then export VK_DRIVER_FILES="$icd"; fi
done
if [ -z "${FACEAUTH_BACKEND+x}" ] && [ -e /dev/nvidia0 ]; then export FACEAUTH_BACKEND=onnx-webgpu; fi

export FACEAUTH_MODEL_DIR="$WORK/app/face-api-model"
export FACEAUTH_WASM_DIR="$WORK/app/wasm/"
export FACEAUTH_ONNX_MODEL_DIR="$WORK/onnx"
export FACEAUTH_BLAZEFACE_DIR="$WORK/app/human-models"
export FACEAUTH_WORKER_SCRIPT="$WORK/app/worker-entry.js"

"$WORK/node" "$WORK/app/convert.js" --weights "$FACEAUTH_MODEL_DIR" --out "$FACEAUTH_ONNX_MODEL_DIR" >&2
echo "FACEAUTH_BACKEND=${FACEAUTH_BACKEND:-<engine's choice>} VK_DRIVER_FILES=${VK_DRIVER_FILES:-}" >&2
exec "$WORK/node" "$WORK/app/main.js" bench engine --json --image "$HERE/images/face-1.jpg" "$@"
