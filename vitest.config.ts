import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// Unit and integration tests. End-to-end tests in Chromium run separately (npm run test:e2e).
export default defineConfig({
  plugins: [vue()],
  test: {
    include: [
      'test/unit/**/*.test.ts',
      'test/integration/**/*.test.ts',
      'test/security/**/*.test.ts',
      'src-renderer/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Writes the ONNX models from the face-api weights when missing or stale (a no-op otherwise).
    globalSetup: ['test/support/onnx-models-setup.ts'],
  },
});
