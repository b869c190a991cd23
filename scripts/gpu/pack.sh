#!/bin/sh
# Packs what `faceauth-station bench engine` needs into ONE self-contained folder (at most
# 64 MiB) that runs on a Linux x64 machine with an NVIDIA GPU and no network (issue 12):
#   node.xz        this machine's Node binary (process.execPath), xz-compressed
#   app.tar.xz     the CLI and the pool worker bundled with esbuild, the ONNX converter bundled,
#                  onnxruntime-node (linux-x64 binaries only) + onnxruntime-common, sharp with its
#                  linux-x64 libvips, face-api's weights and TensorFlow.js's .wasm files
#   debs/          the Vulkan loader and GL libraries as Debian packages (apt-get download): the
#                  WebGPU provider goes through Dawn and Vulkan, and GPU machines often lack the
#                  loader (../shared/gpu-recipe.md)
#   images/        a few face photos copied from facedata at pack time (never committed)
#   run.sh         unpacks into ./work, converts the face-api weights to ONNX there (the models are
#                  generated, not shipped: same converter, same bytes), runs the bench
# Usage: scripts/gpu/pack.sh [OUT_DIR]   (default out/gpu-pack; run from the repository root)
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-$ROOT/out/gpu-pack}
FACEDATA=${FACEAUTH_FACEDATA_DIR:-$ROOT/../shared/facedata}
LIMIT_MIB=64
NM=$ROOT/node_modules
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT

rm -rf "$OUT"
mkdir -p "$OUT/debs" "$OUT/images" "$STAGE/app/node_modules/@img"

echo "bundling the CLI, the pool worker and the converter" >&2
# ESM bundles need a real `require` and `__dirname` for the CommonJS packages esbuild inlines
# (tfjs-backend-wasm's Emscripten glue reads __dirname in Node; without it wasm fails to start).
BANNER="import { createRequire as __cr } from 'node:module'; import { fileURLToPath as __fu } from 'node:url'; import { dirname as __dn } from 'node:path'; const require = __cr(import.meta.url); const __filename = __fu(import.meta.url); const __dirname = __dn(__filename);"
bundle() {
  "$NM/.bin/esbuild" "$1" --bundle --platform=node --target=node20 --format=esm \
    --outfile="$2" --banner:js="$BANNER" --log-level=warning \
    --external:onnxruntime-node --external:sharp
}
bundle "$ROOT/tools/cli/main.ts" "$STAGE/app/main.js"
bundle "$ROOT/src-main/engine/pool/worker-entry.ts" "$STAGE/app/worker-entry.js"
bundle "$ROOT/scripts/models/onnx/convert-main.ts" "$STAGE/app/convert.js"
echo '{ "type": "module" }' > "$STAGE/app/package.json"

echo "copying native packages (linux-x64 only)" >&2
copy_pkg() { cp -RL "$NM/$1" "$STAGE/app/node_modules/$1"; }
mkdir -p "$STAGE/app/node_modules/onnxruntime-node/bin/napi-v6/linux"
for part in package.json dist lib; do
  cp -RL "$NM/onnxruntime-node/$part" "$STAGE/app/node_modules/onnxruntime-node/"
done
cp -RL "$NM/onnxruntime-node/bin/napi-v6/linux/x64" \
  "$STAGE/app/node_modules/onnxruntime-node/bin/napi-v6/linux/x64"
copy_pkg onnxruntime-common
copy_pkg sharp
copy_pkg detect-libc
copy_pkg semver
copy_pkg @img/colour
copy_pkg @img/sharp-linux-x64
copy_pkg @img/sharp-libvips-linux-x64
cp -RL "$NM/@vladmandic/face-api/model" "$STAGE/app/face-api-model"
# The template's model tag names face-api's version, read from its package.json at run time.
mkdir -p "$STAGE/app/node_modules/@vladmandic/face-api"
cp -L "$NM/@vladmandic/face-api/package.json" "$STAGE/app/node_modules/@vladmandic/face-api/"
# The graph models the converter also turns into ONNX (BlazeFace for the covered-face stage,
# facemesh, faceres), from @vladmandic/human; run.sh points FACEAUTH_BLAZEFACE_DIR at them.
mkdir -p "$STAGE/app/human-models"
for model in blazeface facemesh faceres; do
  cp -L "$NM/@vladmandic/human/models/$model.json" "$NM/@vladmandic/human/models/$model.bin" \
    "$STAGE/app/human-models/"
done
mkdir -p "$STAGE/app/wasm"
cp -L "$NM/@tensorflow/tfjs-backend-wasm/dist/"*.wasm "$STAGE/app/wasm/"

echo "compressing" >&2
tar -C "$STAGE" -cJf "$OUT/app.tar.xz" app
xz -9 -T0 -c "$(node -p process.execPath)" > "$OUT/node.xz"

echo "downloading the Vulkan loader packages (apt-get download)" >&2
(cd "$OUT/debs" && apt-get download -q libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 \
  libgles2 >&2) || echo "apt-get download failed: the pack will need a Vulkan loader on the GPU machine" >&2

echo "taking test images from $FACEDATA" >&2
n=0
for f in $(find "$FACEDATA/verification/deepface" -name '*.jpg' 2>/dev/null | sort | head -3); do
  n=$((n + 1))
  cp "$f" "$OUT/images/face-$n.jpg"
  chmod 644 "$OUT/images/face-$n.jpg"
done
[ "$n" -gt 0 ] || { echo "no facedata images found under $FACEDATA" >&2; exit 2; }

cp "$ROOT/scripts/gpu/run.sh" "$OUT/run.sh"
chmod +x "$OUT/run.sh"

size=$(du -sb "$OUT" | cut -f1)
mib=$(( (size + 1048575) / 1048576 ))
echo "pack: $OUT, $size bytes ($mib MiB, limit $LIMIT_MIB MiB)" >&2
if [ "$size" -gt $((LIMIT_MIB * 1048576)) ]; then
  echo "pack exceeds $LIMIT_MIB MiB" >&2
  exit 1
fi
