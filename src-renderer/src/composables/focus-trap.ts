// A modal keeps the keyboard inside it: Tab and Shift+Tab wrap around its controls, and when it
// closes focus goes back to whatever had it before (the Override… button).
import { onBeforeUnmount, onMounted, type Ref } from 'vue';

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

export function useFocusTrap(container: Ref<HTMLElement | null>): (event: KeyboardEvent) => void {
  let previous: HTMLElement | null = null;
  onMounted(() => {
    previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  });
  onBeforeUnmount(() => {
    if (previous?.isConnected) previous.focus();
  });

  return (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || container.value === null) return;
    const items = [...container.value.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items.at(-1);
    if (first === undefined || last === undefined) return;
    const active = document.activeElement;
    const inside = active instanceof Node && container.value.contains(active);
    if (event.shiftKey && (active === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  };
}
