// Is the central API reachable? Any HTTP answer counts as reachable (even 403 or 404: the
// network works); a refused connection, DNS failure or timeout counts as offline.
export interface ConnectivityState {
  online: boolean;
  reason: string | null;
  checkedAt: string | null;
}

export interface ConnectivityOptions {
  baseUrl: string | null;
  intervalMs: number;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  now?: () => Date;
  onChange: (state: ConnectivityState) => void;
}

export class ConnectivityMonitor {
  private state: ConnectivityState;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly options: ConnectivityOptions) {
    this.state =
      options.baseUrl === null
        ? { online: false, reason: 'No central API is configured', checkedAt: null }
        : { online: false, reason: 'Not checked yet', checkedAt: null };
  }

  current(): ConnectivityState {
    return this.state;
  }

  start(): void {
    if (this.options.baseUrl === null) return;
    void this.probeAndReschedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  async probe(): Promise<ConnectivityState> {
    const { baseUrl, timeoutMs = 3000, fetchImpl = fetch, now = () => new Date() } = this.options;
    if (baseUrl === null) return this.state;
    let next: ConnectivityState;
    try {
      const response = await fetchImpl(baseUrl, {
        method: 'HEAD',
        signal: AbortSignal.timeout(timeoutMs),
        // Any answer, a 3xx included, proves the network works; never go where it points.
        redirect: 'manual',
      });
      await response.body?.cancel();
      next = { online: true, reason: null, checkedAt: now().toISOString() };
    } catch (error) {
      next = {
        online: false,
        reason: `Central API unreachable: ${describeFetchError(error)}`,
        checkedAt: now().toISOString(),
      };
    }
    const changed = next.online !== this.state.online || next.reason !== this.state.reason;
    this.state = next;
    if (changed) this.options.onChange(next);
    return next;
  }

  private async probeAndReschedule(): Promise<void> {
    await this.probe();
    if (this.stopped) return;
    // Offline stations probe less often: no busy loop while the network is down.
    const delay = this.state.online ? this.options.intervalMs : this.options.intervalMs * 2;
    this.timer = setTimeout(() => void this.probeAndReschedule(), delay);
    this.timer.unref();
  }
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code ?? (error instanceof Error ? error.message : String(error));
}
