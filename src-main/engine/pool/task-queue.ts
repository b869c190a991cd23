// The pool's waiting room, in three lanes served strictly in this order:
//   capture    - an operator waiting at the desk (verify, check features, the bench's runs);
//   background - work nobody watches (enrollments pulled from the central API, thumbnails);
//   preview    - the live preview: only its newest frame is worth running.
// Each lane is bounded on its own, so a burst of pulled enrollments can fill the background lane
// but never makes a capture wait behind it or be refused as busy (issue 12: bench:ui never
// completed because captures were refused while demo pull filled one shared queue).
import { EngineBusyError } from './pool-errors';

export type TaskLane = 'capture' | 'background' | 'preview';

/** Serving order: a lane earlier in the list always goes first. */
export const LANE_ORDER: readonly TaskLane[] = ['capture', 'background', 'preview'];

export interface Queued {
  reject: (e: Error) => void;
}

export class TaskQueue<T extends Queued> {
  private readonly lanes = new Map<TaskLane, T[]>(LANE_ORDER.map((lane) => [lane, []]));

  /** `maxPerLane` bounds the capture and background lanes each; the preview lane holds one. */
  constructor(private readonly maxPerLane: number) {}

  get length(): number {
    let total = 0;
    for (const lane of this.lanes.values()) total += lane.length;
    return total;
  }

  waiting(lane: TaskLane): number {
    return this.laneOf(lane).length;
  }

  /** Queues `item`, or rejects it at once with EngineBusyError when its lane is full. A newer
   *  preview frame replaces the one waiting (which is rejected as busy: a skipped frame). */
  push(item: T, lane: TaskLane): boolean {
    const items = this.laneOf(lane);
    if (lane === 'preview') {
      for (const stale of items.splice(0)) stale.reject(new EngineBusyError(this.length));
    } else if (items.length >= this.maxPerLane) {
      item.reject(new EngineBusyError(items.length));
      return false;
    }
    items.push(item);
    return true;
  }

  /** The next task to run: the oldest of the highest lane that has one. */
  shift(): T | undefined {
    for (const lane of LANE_ORDER) {
      const next = this.laneOf(lane).shift();
      if (next !== undefined) return next;
    }
    return undefined;
  }

  /** Removes and returns everything waiting (closing, or no worker left). */
  drain(): T[] {
    return LANE_ORDER.flatMap((lane) => this.laneOf(lane).splice(0));
  }

  private laneOf(lane: TaskLane): T[] {
    const items = this.lanes.get(lane);
    if (items === undefined) throw new Error(`unknown task lane ${lane}`);
    return items;
  }
}

/** The lane a task kind goes to unless the caller says otherwise. */
export function defaultLane(kind: 'analyze' | 'frame' | 'reference' | 'thumbnail'): TaskLane {
  if (kind === 'frame') return 'preview';
  if (kind === 'thumbnail') return 'background';
  return 'capture';
}
