// Per image of the verification set: the engine's own analysis (ONNX Runtime, the default
// runtime; the same analyzeFace the pool workers run, so failures to enrol are the engine's) and
// faceres' descriptors of the same face for each crop. Cached as JSON under a git-ignored folder,
// keyed by the models and crops, so that reruns only recompute what is missing.
import fs from 'node:fs';
import path from 'node:path';
import type * as Ort from 'onnxruntime-node';
import { TEMPLATE_MODEL } from '../../src-main/engine';
import { chipTransform, extractChip } from '../../src-main/engine/align/face-chip';
import type { Point2 } from '../../src-main/engine/align/similarity-transform';
import { EngineError } from '../../src-main/engine/errors/engine-error';
import { decodeImage, type DecodedImage } from '../../src-main/engine/image/decode-image';
import { validateImage } from '../../src-main/engine/image/validate-image';
import type { FaceNetworks } from '../../src-main/engine/networks/face-networks';
import { analyzeFace } from '../../src-main/engine/pipeline/face-pipeline';
import {
  DEFAULT_PIPELINE_CONFIG,
  type PipelineConfig,
} from '../../src-main/engine/pipeline/pipeline-config';
import { loadOnnxFaceNetworks } from '../../src-main/engine/runtime/onnx-loader';
import { sessionOptionsFor } from '../../src-main/engine/runtime/onnx-providers';
import { FACERES_CROPS, faceresPatch, type FaceresCrop } from './faceres-crops';
import type { FaceresNet } from './faceres-net';

export const CACHE_VERSION = `${TEMPLATE_MODEL}|human-3.3.6-faceres|crops:${FACERES_CROPS.join(',')}|v1`;

export interface ImageRecord {
  identity: string;
  baseline?: number[];
  faceres?: Record<FaceresCrop, number[]>;
  /** FaceAuth error code when the engine could not enrol the image. */
  error?: string;
}

interface CacheFile {
  version: string;
  records: Record<string, ImageRecord>;
}

export function readCache(file: string): Map<string, ImageRecord> {
  if (!fs.existsSync(file)) return new Map();
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
  // Descriptors of other models or crops are useless: start over rather than mix them.
  return parsed.version === CACHE_VERSION ? new Map(Object.entries(parsed.records)) : new Map();
}

export function writeCache(file: string, records: Map<string, ImageRecord>): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const body: CacheFile = { version: CACHE_VERSION, records: Object.fromEntries(records) };
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(body));
  fs.renameSync(`${file}.tmp`, file);
}

export async function loadEngineNetworks(ort: typeof Ort, threads: number): Promise<FaceNetworks> {
  return loadOnnxFaceNetworks(ort, sessionOptionsFor('cpu', threads), {
    loadSsd: true,
    loadCovered: false,
  });
}

export interface AnalyzedFace {
  descriptor: Float32Array;
  /** The decoded working image and the 68 landmarks in its pixels. */
  img: DecodedImage;
  landmarks: Point2[];
}

/** The engine's analysis plus what faceres needs; EngineError when the engine refuses. */
export async function analyze(
  nets: FaceNetworks,
  bytes: Uint8Array,
  cfg: PipelineConfig = DEFAULT_PIPELINE_CONFIG,
): Promise<AnalyzedFace> {
  // Asking for the free 'chip' check block makes analyzeFace return the landmarks.
  const analysis = await analyzeFace(nets, bytes, cfg, ['chip']);
  const img = await decodeImage(
    bytes,
    validateImage(bytes, cfg.limits),
    cfg.limits,
    cfg.maxWorkingSide,
  );
  const scale = img.originalWidth / img.width;
  const landmarks = (analysis.landmarks ?? []).map((p) => ({ x: p.x / scale, y: p.y / scale }));
  return { descriptor: analysis.descriptor, img, landmarks };
}

/** The engine's 150 px chip of an analysed face (what its recognition network is given). */
export const engineChip = (face: AnalyzedFace): Uint8Array =>
  extractChip(face.img, chipTransform(face.landmarks));

export async function describeImage(
  nets: FaceNetworks,
  faceres: FaceresNet,
  file: string,
  identity: string,
): Promise<ImageRecord> {
  let face: AnalyzedFace;
  try {
    face = await analyze(nets, new Uint8Array(fs.readFileSync(file)));
  } catch (err) {
    if (err instanceof EngineError) return { identity, error: err.code };
    throw err;
  }
  const faceresDescriptors = {} as Record<FaceresCrop, number[]>;
  for (const crop of FACERES_CROPS) {
    const descriptor = await faceres.describe(faceresPatch(face.img, face.landmarks, crop));
    faceresDescriptors[crop] = Array.from(descriptor);
  }
  return { identity, baseline: Array.from(face.descriptor), faceres: faceresDescriptors };
}
