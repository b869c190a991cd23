// The live camera: opens it, grabs a frame as JPEG bytes, and asks main what it received.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { AnalyzeFrameResponse } from '../../../src-shared/contract/frame';
import { useBridge } from '../bridge/bridge-holder';

export type CameraState = 'idle' | 'starting' | 'live' | 'denied' | 'unavailable';

const JPEG_QUALITY = 0.9;

export const useCameraStore = defineStore('camera', () => {
  const state = ref<CameraState>('idle');
  const stream = shallowRef<MediaStream | null>(null);
  const lastReport = ref<AnalyzeFrameResponse | null>(null);
  const lastError = ref<string | null>(null);
  const busy = ref(false);

  async function start(): Promise<void> {
    if (state.value === 'live' || state.value === 'starting') return;
    state.value = 'starting';
    try {
      stream.value = await navigator.mediaDevices.getUserMedia({
        video: { width: { ideal: 640 }, height: { ideal: 480 } },
        audio: false,
      });
      state.value = 'live';
    } catch (cause) {
      state.value =
        cause instanceof DOMException && cause.name === 'NotAllowedError'
          ? 'denied'
          : 'unavailable';
      lastError.value = cause instanceof Error ? cause.message : String(cause);
    }
  }

  function stop(): void {
    for (const track of stream.value?.getTracks() ?? []) track.stop();
    stream.value = null;
    state.value = 'idle';
  }

  /** Sends one frame to main; the bytes cross as binary, never base64. */
  async function captureFrom(video: HTMLVideoElement): Promise<void> {
    if (busy.value || video.videoWidth === 0) return;
    busy.value = true;
    try {
      const image = await grabJpeg(video);
      lastReport.value = await useBridge().client.frame.analyze({ image, mime: 'image/jpeg' });
      lastError.value = null;
    } catch (cause) {
      lastError.value = cause instanceof Error ? cause.message : String(cause);
    } finally {
      busy.value = false;
    }
  }

  return { state, stream, lastReport, lastError, busy, start, stop, captureFrom };
});

async function grabJpeg(video: HTMLVideoElement): Promise<Uint8Array<ArrayBuffer>> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('Canvas 2D is not available');
  context.drawImage(video, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY),
  );
  if (blob === null) throw new Error('The frame could not be encoded');
  return new Uint8Array(await blob.arrayBuffer());
}
