// How the sync lanes wait: until a delay passes or something wakes them (nudge, connectivity,
// stop). Never a busy wait; the delay runs on an injected Clock so tests can move time.
import { systemClock, type Clock } from '../../src-shared/clock';

export class LaneSleeper {
  private wake: (() => void) | null = null;

  constructor(
    private readonly stopping: () => boolean,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Wakes every lane asleep now. */
  poke(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  sleep(ms: number): Promise<void> {
    // stop() pokes only the lanes already asleep; a lane that finishes its pass afterwards must
    // not then sleep a full pull interval before it sees `stopping`.
    if (this.stopping()) return Promise.resolve();
    return new Promise((resolve) => {
      const cancel = this.clock.after(Math.max(0, ms), done);
      const previous = this.wake;
      this.wake = () => {
        previous?.();
        done();
      };
      function done(): void {
        cancel();
        resolve();
      }
    });
  }
}
