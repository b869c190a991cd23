// faceauth-station engine providers [--json] [--backend NAME]
// Starts the engine as the station would and prints which runtime serves and every runtime it
// tried, with the probe's warm-up latency or the refusal reason (issue 12's diagnostics, for a
// desk without the UI or for a support call). --backend forces one, like FACEAUTH_BACKEND.
import { createFaceEngine } from '../../../src-main/engine';
import { isRuntimeName, RUNTIME_ORDER } from '../../../src-main/engine/runtime/runtime-names';
import { UsageError, type Command } from '../command';
import { cliLogger } from '../../shared/logger';

export const engineProvidersCommand: Command = {
  words: ['engine', 'providers'],
  summary: 'which runtime and execution provider serve, and why each other one does not',
  usage: 'engine providers [--json] [--backend NAME]',
  valueOptions: ['backend'],
  async run(args, io) {
    const backend = args.values.get('backend');
    if (backend !== undefined && !isRuntimeName(backend)) {
      throw new UsageError(`--backend must be one of ${RUNTIME_ORDER.join(', ')}`);
    }
    const engine = await createFaceEngine({
      logger: cliLogger(args.flags.has('verbose')),
      loadSsd: false,
      ...(backend === undefined ? {} : { backend }),
    });
    try {
      const d = engine.diagnostics();
      const report = {
        backend: d.backend,
        forced: d.forced,
        workers: d.workers,
        threads: d.threads,
        model_load_ms: Math.round(d.modelLoadMs),
        providers: d.providers.map((t) => ({
          runtime: t.runtime,
          outcome: t.outcome,
          ...(t.warmUpMs === undefined ? {} : { warm_up_ms: Math.round(t.warmUpMs * 100) / 100 }),
          ...(t.reason === undefined ? {} : { reason: t.reason }),
        })),
      };
      if (args.flags.has('json')) {
        io.out(JSON.stringify(report));
      } else {
        for (const t of report.providers) {
          const detail = t.warm_up_ms !== undefined ? `warm-up ${t.warm_up_ms} ms` : '';
          io.out(`${t.runtime.padEnd(15)} ${t.outcome.padEnd(10)} ${detail}${t.reason ?? ''}`);
        }
      }
      return 0;
    } finally {
      await engine.close();
    }
  },
};
