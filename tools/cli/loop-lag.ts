// Measures how late the event loop runs a timer that should fire every `intervalMs`: the delay a
// window would feel. Started while the pool is busy, stopped after; p99 goes into the bench.
export interface LoopLagProbe {
  stop(): number[];
}

export function startLoopLagProbe(intervalMs = 10): LoopLagProbe {
  const lags: number[] = [];
  let expected = performance.now() + intervalMs;
  let timer: NodeJS.Timeout = setTimeout(function tick() {
    const now = performance.now();
    lags.push(Math.max(0, now - expected));
    expected = now + intervalMs;
    timer = setTimeout(tick, intervalMs);
  }, intervalMs);
  return {
    stop() {
      clearTimeout(timer);
      return lags;
    },
  };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
