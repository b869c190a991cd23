// The renderer's view of what the preload exposes (only present inside Electron).
import type { PreloadApi } from '../src-shared/contract/api';

declare global {
  interface Window {
    faceauthStation?: PreloadApi;
  }
}

export {};
