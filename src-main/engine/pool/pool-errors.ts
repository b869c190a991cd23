/** The pool's queue is full: the caller should drop the frame or retry later (not a FaceAuth
 *  answer; the UI shows "busy"). */
export class EngineBusyError extends Error {
  readonly code = 'engine_busy' as const;
  constructor(readonly queued: number) {
    super(`face engine busy: ${queued} tasks already queued`);
    this.name = 'EngineBusyError';
  }
}

/** The engine was closed, or could not start. */
export class EngineUnavailableError extends Error {
  readonly code = 'engine_unavailable' as const;
  constructor(message: string) {
    super(message);
    this.name = 'EngineUnavailableError';
  }
}
