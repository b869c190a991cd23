#!/usr/bin/env node
// Launcher for the faceauth-station CLI: registers tsx so the TypeScript sources run as they are
// (no build step after `npm ci`), then hands over to tools/cli/main.ts.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../tools/cli/main.ts', import.meta.url).href);
