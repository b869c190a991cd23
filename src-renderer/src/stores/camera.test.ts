// The camera store with a real Pinia and a stubbed getUserMedia: a refused permission and a
// missing camera end in their own states (the screen explains each), and the stream stays open
// while any screen still shows it, its tracks stopped when the last one leaves.
import { setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCameraStore } from './camera';
import { useTestingStores } from './testing/fake-station';

function stubCamera(answer: () => Promise<unknown>) {
  const getUserMedia = vi.fn(answer);
  vi.stubGlobal('navigator', { mediaDevices: { getUserMedia } });
  return getUserMedia;
}

describe('camera store', () => {
  beforeEach(() => setActivePinia(useTestingStores()));
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['NotAllowedError', 'denied'],
    ['NotFoundError', 'unavailable'],
    ['NotReadableError', 'unavailable'],
  ] as const)('%s ends in %s, without throwing', async (name, state) => {
    stubCamera(async () => {
      throw new DOMException('no', name);
    });
    const camera = useCameraStore();
    await expect(camera.start()).resolves.toBeUndefined();
    expect(camera.state).toBe(state);
    expect(camera.stream).toBeNull();
  });

  it('opens once for several screens and stops the tracks when the last one leaves', async () => {
    const stopTrack = vi.fn();
    const getUserMedia = stubCamera(async () => ({ getTracks: () => [{ stop: stopTrack }] }));
    const camera = useCameraStore();
    await camera.start();
    await camera.start();
    expect(getUserMedia).toHaveBeenCalledTimes(1);
    expect(camera.state).toBe('live');
    camera.stop();
    expect(stopTrack).not.toHaveBeenCalled();
    expect(camera.state).toBe('live');
    camera.stop();
    expect(stopTrack).toHaveBeenCalledTimes(1);
    expect([camera.state, camera.stream]).toEqual(['idle', null]);
  });
});
