// Kept for settings/ and verification/ until they import ../station/engine-runtime directly
// (docs/architecture.md, known debts): a domain importing host/ closes a folder cycle.
export { EngineRuntime, withEngine, type EngineMode } from '../station/engine-runtime';
