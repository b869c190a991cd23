// A Clock that moves only when a test says so: timers fire in due order inside advance(), so a
// test states "one interval later" instead of sleeping and hoping the machine kept up.
import type { Clock } from '../../src-shared/clock';

interface Pending {
  at: number;
  callback: () => void;
  id: number;
}

export class ManualClock implements Clock {
  private time: number;
  private nextId = 0;
  private readonly timers = new Map<number, Pending>();

  constructor(start = Date.UTC(2026, 10, 30, 12, 0, 0)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  after(ms: number, callback: () => void): () => void {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + Math.max(0, ms), callback, id });
    return () => this.timers.delete(id);
  }

  /** Timers waiting to fire. */
  pending(): number {
    return this.timers.size;
  }

  /** Whether a timer falls due exactly at `at`. */
  hasTimerAt(at: number): boolean {
    return [...this.timers.values()].some((timer) => timer.at === at);
  }

  /** Moves time forward by `ms`, firing every timer that falls due, earliest first. */
  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      const due = [...this.timers.values()]
        .filter((timer) => timer.at <= target)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (due === undefined) break;
      this.timers.delete(due.id);
      this.time = due.at;
      due.callback();
    }
    this.time = target;
  }
}
