// Who is signed in at this desk. Main keeps the session token; the page only knows the operator
// and when the session ends. Idle for too long and the console locks itself.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { SessionView } from '../../../src-shared/contract/session';
import { BridgeError } from '../../../src-shared/contract/envelope';
import { useBridge } from '../bridge/bridge-holder';
import { i18n } from '../i18n';

/** Main answers every refused sign-in alike (no account oracle); the desk shows it translated. */
function signInMessage(cause: unknown): string {
  if (cause instanceof BridgeError && cause.code === 'unauthorized')
    return i18n.global.t('access.refused');
  if (cause instanceof BridgeError && cause.code === 'busy')
    return i18n.global.t('access.throttled');
  return cause instanceof Error ? cause.message : String(cause);
}

/** Lock the console after this long without a key press, click or touch. */
export const IDLE_LOCK_MS = 5 * 60_000;

export const useSessionStore = defineStore('session', () => {
  const session = ref<SessionView | null>(null);
  const needsFirstAdmin = ref(false);
  const loaded = ref(false);
  const error = ref<string | null>(null);
  const lockedForIdle = ref(false);

  const role = computed(() => session.value?.operator.role ?? null);
  const isSupervisor = computed(() => role.value === 'supervisor' || role.value === 'admin');
  const isAdmin = computed(() => role.value === 'admin');

  async function load(): Promise<void> {
    const state = await useBridge().client.session.current({});
    session.value = state.session;
    needsFirstAdmin.value = state.needsFirstAdmin;
    loaded.value = true;
  }

  async function signIn(username: string, password: string): Promise<void> {
    error.value = null;
    try {
      session.value = await useBridge().client.session.signIn({ username, password });
      lockedForIdle.value = false;
    } catch (cause) {
      error.value = signInMessage(cause);
    }
  }

  async function createFirstAdmin(
    username: string,
    displayName: string,
    password: string,
  ): Promise<void> {
    error.value = null;
    try {
      session.value = await useBridge().client.session.createFirstAdmin({
        username,
        displayName,
        password,
      });
      needsFirstAdmin.value = false;
    } catch (cause) {
      error.value = cause instanceof Error ? cause.message : String(cause);
    }
  }

  async function signOut(reason: 'operator' | 'idle' = 'operator'): Promise<void> {
    session.value = null;
    lockedForIdle.value = reason === 'idle';
    await useBridge().client.session.signOut({});
  }

  /** Main said the session is gone (expired, revoked): show the sign-in screen. */
  function forget(): void {
    session.value = null;
  }

  return {
    session,
    needsFirstAdmin,
    loaded,
    error,
    lockedForIdle,
    role,
    isSupervisor,
    isAdmin,
    load,
    signIn,
    createFirstAdmin,
    signOut,
    forget,
  };
});
