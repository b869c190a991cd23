/** Nice value of pool worker threads (Linux, per thread): below the UI, above idle work. */
export const DEFAULT_WORKER_NICE = 10;
