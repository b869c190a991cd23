// The one bounded-concurrency map lives in src-shared; this name is kept for the CLI's and the
// checks' existing imports.
export { mapLimited as mapConcurrent } from '../../src-shared/map-limited';
