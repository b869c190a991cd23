// Starts the face engine in the background (models load in the worker pool) and hands it out
// only once ready: calls made while it loads, or after it failed, get a typed `unavailable`.
import { BridgeError } from '../../src-shared/contract/envelope';
import {
  createFaceEngine,
  EngineBusyError,
  type FaceEngine,
  type FaceEngineOptions,
} from '../engine';
import type { Logger } from '../../src-shared/logger';
import type { StationStatusService } from './station-status';

export type EngineMode = 'auto' | 'off';

export class EngineRuntime {
  private engine: FaceEngine | null = null;
  private failure: string | null = null;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly mode: EngineMode,
    private readonly options: FaceEngineOptions,
    private readonly status: StationStatusService,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.mode === 'off' || this.loading) return;
    this.status.update({ engine: 'loading' });
    this.loading = createFaceEngine({
      ...this.options,
      logger: {
        info: (message, fields) => this.logger.info(`engine.${message}`, fields),
        warn: (message, fields) => this.logger.warn(`engine.${message}`, fields),
      },
    }).then(
      (engine) => {
        this.engine = engine;
        this.status.update({ engine: 'ready', backend: engine.diagnostics().backend });
      },
      (error: unknown) => {
        this.failure = error instanceof Error ? error.message : String(error);
        this.logger.error('engine.failed', { error: this.failure });
        this.status.update({ engine: 'failed' });
      },
    );
  }

  /** Resolves once loading has finished, successfully or not (tests and start-up scripts). */
  async settled(): Promise<void> {
    await this.loading;
  }

  state(): 'loading' | 'ready' | 'failed' | 'absent' {
    if (this.mode === 'off') return 'absent';
    if (this.engine) return 'ready';
    return this.failure ? 'failed' : 'loading';
  }

  current(): FaceEngine | null {
    return this.engine;
  }

  require(): FaceEngine {
    if (this.engine) return this.engine;
    if (this.mode === 'off')
      throw new BridgeError('unavailable', 'The face engine is switched off on this station');
    if (this.failure)
      throw new BridgeError('unavailable', 'The face engine failed to start; see the station log');
    throw new BridgeError('unavailable', 'The face models are still loading');
  }

  async close(): Promise<void> {
    await this.loading;
    await this.engine?.close();
  }
}

/** Runs an engine call and turns its pool errors into bridge codes. */
export async function withEngine<T>(
  runtime: EngineRuntime,
  run: (engine: FaceEngine) => Promise<T>,
): Promise<T> {
  const engine = runtime.require();
  try {
    return await run(engine);
  } catch (error) {
    if (error instanceof EngineBusyError)
      throw new BridgeError('busy', 'The face engine is busy; try again');
    throw error;
  }
}
