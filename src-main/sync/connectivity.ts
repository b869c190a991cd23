// Is the central API reachable? Any HTTP answer counts as reachable (even 403 or 404: the
// network works); a refused connection, DNS failure or timeout counts as offline. One monitor
// per station (CentralLink owns it): sync and the status bar read the same state.
import { systemClock, type Clock } from '../../src-shared/clock';

export interface ConnectivityState {
  online: boolean;
  reason: string | null;
  checkedAt: string | null;
}

/** What readers of the monitor (sync lanes, the status bar) may do with it. */
export interface ConnectivityReader {
  current(): ConnectivityState;
  /** Returns a function that removes the listener. */
  subscribe(listener: (state: ConnectivityState) => void): () => void;
}

export interface ConnectivityOptions {
  baseUrl: string | null;
  intervalMs: number;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  clock?: Clock;
  onChange?: (state: ConnectivityState) => void;
}

export class ConnectivityMonitor implements ConnectivityReader {
  private state: ConnectivityState;
  private baseUrl: string | null;
  private cancelTimer: (() => void) | null = null;
  private started = false;
  /** Bumped on stop/retarget so a probe still in flight cannot overwrite the new state. */
  private generation = 0;
  private readonly listeners = new Set<(state: ConnectivityState) => void>();
  private readonly clock: Clock;

  constructor(private readonly options: ConnectivityOptions) {
    this.clock = options.clock ?? systemClock;
    this.baseUrl = options.baseUrl;
    this.state = initialState(this.baseUrl);
    if (options.onChange) this.listeners.add(options.onChange);
  }

  current(): ConnectivityState {
    return this.state;
  }

  subscribe(listener: (state: ConnectivityState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    if (this.baseUrl !== null) void this.probeAndReschedule(this.generation);
  }

  stop(): void {
    this.started = false;
    this.generation += 1;
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  /** Points the monitor at another endpoint (or none); a started monitor probes it at once. */
  retarget(baseUrl: string | null): void {
    const wasStarted = this.started;
    this.stop();
    this.baseUrl = baseUrl;
    this.setState(initialState(baseUrl));
    if (wasStarted) this.start();
  }

  async probe(): Promise<ConnectivityState> {
    const generation = this.generation;
    const next = await this.check();
    if (generation === this.generation) this.setState(next);
    return this.state;
  }

  private async check(): Promise<ConnectivityState> {
    const { timeoutMs = 3000, fetchImpl = fetch } = this.options;
    const baseUrl = this.baseUrl;
    if (baseUrl === null) return this.state;
    try {
      const response = await fetchImpl(baseUrl, {
        method: 'HEAD',
        signal: AbortSignal.timeout(timeoutMs),
        // Any answer, a 3xx included, proves the network works; never go where it points.
        redirect: 'manual',
      });
      await response.body?.cancel();
      return { online: true, reason: null, checkedAt: this.checkedAt() };
    } catch (error) {
      return {
        online: false,
        reason: `Central API unreachable: ${describeFetchError(error)}`,
        checkedAt: this.checkedAt(),
      };
    }
  }

  private setState(next: ConnectivityState): void {
    const changed = next.online !== this.state.online || next.reason !== this.state.reason;
    this.state = next;
    if (changed) for (const listener of [...this.listeners]) listener(next);
  }

  private checkedAt(): string {
    return new Date(this.clock.now()).toISOString();
  }

  private async probeAndReschedule(generation: number): Promise<void> {
    await this.probe();
    if (generation !== this.generation) return;
    // Offline stations probe less often: no busy loop while the network is down.
    const delay = this.state.online ? this.options.intervalMs : this.options.intervalMs * 2;
    this.cancelTimer = this.clock.after(delay, () => void this.probeAndReschedule(generation), {
      unref: true,
    });
  }
}

function initialState(baseUrl: string | null): ConnectivityState {
  return baseUrl === null
    ? { online: false, reason: 'No central API is configured', checkedAt: null }
    : { online: false, reason: 'Not checked yet', checkedAt: null };
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code ?? (error instanceof Error ? error.message : String(error));
}
