// A real station for sync runs and tests: the store worker on a SQLite file in a temp folder,
// results recorded through the store like the verification flow records them, each with a
// small synthetic JPEG as its captured image (unique bytes, so the simulator's verdicts vary).
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { StoreClient } from '../../src-main/store/client';
import type { DeliveryRecord } from '../../src-main/store/services/sync-state';
import { createPlaintextKeyWrapper } from '../../src-main/store/keys/plaintext-key-wrapper';
import { openStationStore } from '../../src-main/store/station-store';
import type { FaceAuthResult } from '../../src-shared/faceauth/result';
import { FAIL_COMMENTS } from '../../src-shared/faceauth/codes';

export async function openStation(dataDir: string, stationId: string): Promise<StoreClient> {
  const { store } = await openStationStore({
    dataDir,
    stationId,
    keyWrapper: createPlaintextKeyWrapper(),
    integrityCheck: 'quick',
    // The plaintext-key warning is expected in test runs; errors still surface.
    log: (level, message) => {
      if (level === 'error') process.stderr.write(`${message}\n`);
    },
  });
  return store;
}

/** A 48x36 JPEG whose pixels derive from `seed`: a few hundred bytes, distinct per seed. */
export async function syntheticCapture(seed: number): Promise<Uint8Array> {
  const width = 48;
  const height = 36;
  const pixels = Buffer.alloc(width * height * 3);
  let state = (seed * 2654435761) >>> 0;
  for (let i = 0; i < pixels.length; i += 1) {
    state = (state * 1664525 + 1013904223) >>> 0;
    pixels[i] = state >>> 24;
  }
  return new Uint8Array(
    await sharp(pixels, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 60 })
      .toBuffer(),
  );
}

function localResult(index: number, now: Date): FaceAuthResult {
  const id = randomUUID();
  const base = { authentication_id: id, create_time: now.toISOString() };
  return index % 4 === 3
    ? {
        ...base,
        auth_status: 'rejected',
        score: { face_similarity_score: 40 },
        fail_code: ['face_compare_underscore'],
        rejected_comment: [FAIL_COMMENTS.face_compare_underscore],
      }
    : { ...base, auth_status: 'approved', score: { face_similarity_score: 96.5 } };
}

/** Records `count` results against the given submissions; returns their authentication ids. */
export async function recordResults(
  store: StoreClient,
  count: number,
  submissionIds: readonly string[],
  seedOffset = 0,
): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const result = localResult(index, new Date());
    await store.send('results:record', {
      submissionId: submissionIds[index % submissionIds.length] as string,
      result,
      modelVersion: 'test-model',
      policyVersion: 'test-policy',
      operatorId: null,
      capturedImage: await syntheticCapture(seedOffset + index),
    });
    ids.push(result.authentication_id);
  }
  return ids;
}

/** Every local result with its delivery state, read through the store in pages. */
export async function allDeliveries(store: StoreClient): Promise<DeliveryRecord[]> {
  const out: DeliveryRecord[] = [];
  let afterId = '';
  for (;;) {
    const page = await store.send('sync:deliveryReport', { afterId, limit: 2000 });
    out.push(...page);
    const last = page.at(-1);
    if (last === undefined) return out;
    afterId = last.authenticationId;
  }
}
