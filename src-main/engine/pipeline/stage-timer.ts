/** Accumulates wall time per named pipeline stage, for the bench's per-stage breakdown. */
export class StageTimer {
  readonly stages: Record<string, number> = {};
  private last = performance.now();

  lap(stage: string): void {
    const now = performance.now();
    this.stages[stage] = (this.stages[stage] ?? 0) + (now - this.last);
    this.last = now;
  }
}
