// Shows image bytes from main in an <img> through a blob: URL (allowed by the CSP), released
// when the bytes change or the component goes away.
import { onBeforeUnmount, ref, watch, type Ref } from 'vue';

export function useObjectUrl(
  bytes: Ref<Uint8Array | null | undefined>,
  type = 'image/jpeg',
): Ref<string | null> {
  const url = ref<string | null>(null);
  const release = () => {
    if (url.value) URL.revokeObjectURL(url.value);
    url.value = null;
  };
  watch(
    bytes,
    (next) => {
      release();
      if (next)
        url.value = URL.createObjectURL(new Blob([next as Uint8Array<ArrayBuffer>], { type }));
    },
    { immediate: true },
  );
  onBeforeUnmount(release);
  return url;
}
