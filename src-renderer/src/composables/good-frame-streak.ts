// Auto-capture's rule: N analysed preview frames in a row with a good face, then capture. Any
// frame that is not good starts the count again, so a moving or partly hidden face never fires.
export class GoodFrameStreak {
  private streak = 0;

  constructor(readonly needed: number) {
    if (!Number.isInteger(needed) || needed < 1) throw new RangeError('needed must be >= 1');
  }

  /** Feeds one analysed frame; true when this frame completes the streak (which then restarts). */
  push(good: boolean): boolean {
    if (!good) {
      this.streak = 0;
      return false;
    }
    this.streak += 1;
    if (this.streak < this.needed) return false;
    this.streak = 0;
    return true;
  }

  /** Good frames still needed: the countdown the operator sees. */
  get remaining(): number {
    return this.needed - this.streak;
  }

  /** Frames counted so far; 0 means no countdown is running. */
  get counted(): number {
    return this.streak;
  }

  reset(): void {
    this.streak = 0;
  }
}
