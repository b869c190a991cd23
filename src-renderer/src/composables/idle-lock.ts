// Locks the console after a stretch without keyboard, pointer or touch input.
import { onBeforeUnmount, onMounted } from 'vue';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'touchstart', 'wheel'] as const;

export function useIdleLock(idleMs: number, onIdle: () => void): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const reset = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(onIdle, idleMs);
  };
  onMounted(() => {
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, reset, { passive: true });
    reset();
  });
  onBeforeUnmount(() => {
    if (timer !== null) clearTimeout(timer);
    for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, reset);
  });
}
