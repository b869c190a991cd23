// Keeps the last capture-to-decision latencies for the diagnostics panel (p50/p95).
export class LatencyRecorder {
  private readonly samples: number[] = [];

  constructor(private readonly capacity = 200) {}

  record(ms: number): void {
    this.samples.push(ms);
    if (this.samples.length > this.capacity) this.samples.shift();
  }

  summary(): { samples: number; p50Ms: number | null; p95Ms: number | null } {
    if (this.samples.length === 0) return { samples: 0, p50Ms: null, p95Ms: null };
    const sorted = [...this.samples].sort((a, b) => a - b);
    const at = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? null;
    return { samples: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95) };
  }
}
