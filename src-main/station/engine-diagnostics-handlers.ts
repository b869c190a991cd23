// engine:diagnostics (Settings → Engine, admins only): the face engine's runtimes, providers,
// their refusal reasons and the recent capture-to-decision latencies, read from the station's
// engine runtime. Verification records the latencies; this only reads their summary.
import type { EngineDiagnosticsView } from '../../src-shared/contract/settings';
import type { HandlerSlice } from '../bridge/handlers';
import { requireOperator } from '../access/require-operator';
import type { StoreClient } from '../store/client';
import type { EngineRuntime } from './engine-runtime';

export interface EngineDiagnosticsDeps {
  store: StoreClient;
  engine: EngineRuntime;
  /** verification/latency-recorder.ts fits; typed by the contract so station imports no domain. */
  latency: { summary(): EngineDiagnosticsView['latency'] };
}

export function engineDiagnosticsHandlers(
  deps: EngineDiagnosticsDeps,
): HandlerSlice<'engine:diagnostics'> {
  return {
    'engine:diagnostics': async (_request, { connection }) => {
      // Runtimes, providers and their refusal reasons (with file paths) are for admins only.
      await requireOperator(deps.store, connection, 'admin');
      const engine = deps.engine.current();
      const diagnostics = engine?.diagnostics();
      return {
        state: engine ? 'ready' : deps.engine.state(),
        backend: diagnostics?.backend ?? null,
        refused: diagnostics?.refused.map(({ backend, reason }) => ({ backend, reason })) ?? [],
        forced: diagnostics?.forced ?? false,
        providers:
          diagnostics?.providers.map(({ runtime, outcome, warmUpMs, reason }) => ({
            runtime,
            outcome,
            warmUpMs: warmUpMs ?? null,
            reason: reason ?? null,
          })) ?? [],
        threads: diagnostics?.threads ?? null,
        modelLoadMs: diagnostics?.modelLoadMs ?? null,
        workers: diagnostics?.workers ?? 0,
        completed: diagnostics?.completed ?? 0,
        latency: deps.latency.summary(),
      };
    },
  };
}
