// The live camera: opens it, runs the preview loop (frames to main for face boxes and guidance,
// about 10 per second), and grabs the capture for verification.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { AnalyzeFrameResponse } from '../../../src-shared/contract/frame';
import { useBridge } from '../bridge/bridge-holder';
import {
  CAMERA_WARM_UP_SECONDS,
  canvasToJpeg,
  drawFrame,
  meanLuma,
  presentedFrames,
  videoReady,
} from '../camera/frame-grab';
import { readQrCode } from '../camera/qr-reader';
import { messageOf } from './errors';

export type CameraState = 'idle' | 'starting' | 'live' | 'denied' | 'unavailable';

/** Below this mean brightness the detector and the comparison both suffer. */
const TOO_DARK_LUMA = 45;
const PREVIEW_INTERVAL_MS = 60;
/** Preview frames are small: the detector needs no more, and they cross the bridge cheaply. */
const PREVIEW_WIDTH = 320;
const PREVIEW_QUALITY = 0.7;
const MAX_IN_FLIGHT = 2;
const CAPTURE_QUALITY = 0.92;

export const useCameraStore = defineStore('camera', () => {
  const state = ref<CameraState>('idle');
  const stream = shallowRef<MediaStream | null>(null);
  const preview = ref<AnalyzeFrameResponse | null>(null);
  const tooDark = ref(false);
  const previewFps = ref(0);
  /** While a capture is being decided, preview frames would only queue in front of it. */
  const previewPaused = ref(false);
  const lastError = ref<string | null>(null);
  let loop: ReturnType<typeof setInterval> | null = null;
  let frames: number[] = [];

  let users = 0;
  let previewVideo: HTMLVideoElement | null = null;
  let inFlight = 0;

  /** Several screens show the camera; the stream stays open while any of them does. */
  async function start(): Promise<void> {
    users += 1;
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
      lastError.value = messageOf(cause);
    }
  }

  function stop(video?: HTMLVideoElement): void {
    if (video !== undefined && video === previewVideo) stopPreview();
    users = Math.max(0, users - 1);
    if (users > 0) return;
    stopPreview();
    for (const track of stream.value?.getTracks() ?? []) track.stop();
    stream.value = null;
    state.value = 'idle';
  }

  /**
   * Every PREVIEW_INTERVAL_MS a small frame goes to main for face boxes and guidance, with at most
   * MAX_IN_FLIGHT waiting (one per engine worker): a slow answer drops frames, never piles them up.
   */
  function startPreview(video: HTMLVideoElement, onQr?: (text: string) => void): void {
    stopPreview();
    previewVideo = video;
    loop = setInterval(() => {
      if (previewPaused.value || inFlight >= MAX_IN_FLIGHT || video.videoWidth === 0) return;
      inFlight += 1;
      void analyzeOnce(video, onQr).finally(() => {
        inFlight -= 1;
      });
    }, PREVIEW_INTERVAL_MS);
  }

  async function analyzeOnce(
    video: HTMLVideoElement,
    onQr?: (text: string) => void,
  ): Promise<void> {
    try {
      const canvas = drawFrame(video, PREVIEW_WIDTH);
      tooDark.value = meanLuma(canvas) < TOO_DARK_LUMA;
      if (onQr) {
        const text = readQrCode(canvas);
        if (text !== null) onQr(text);
      }
      const answer = await useBridge().client.frame.analyze({
        image: await canvasToJpeg(canvas, PREVIEW_QUALITY),
        mime: 'image/jpeg',
      });
      if (previewVideo === video) {
        preview.value = answer;
        countFrame();
      }
      lastError.value = null;
    } catch (cause) {
      lastError.value = messageOf(cause);
    }
  }

  function stopPreview(): void {
    if (loop !== null) clearInterval(loop);
    loop = null;
    previewVideo = null;
  }

  function countFrame(): void {
    const now = performance.now();
    frames = [...frames.filter((at) => now - at < 2000), now];
    previewFps.value = frames.length / 2;
  }

  async function grab(video: HTMLVideoElement): Promise<Uint8Array<ArrayBuffer>> {
    await videoReady(video);
    if (video.currentTime < CAMERA_WARM_UP_SECONDS) await presentedFrames(video, 3);
    return canvasToJpeg(drawFrame(video), CAPTURE_QUALITY);
  }

  return {
    state,
    stream,
    preview,
    tooDark,
    previewFps,
    previewPaused,
    lastError,
    start,
    stop,
    startPreview,
    stopPreview,
    grab,
  };
});
