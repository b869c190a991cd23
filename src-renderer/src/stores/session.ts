// Who is signed in at this desk. Main keeps the session token; the page only knows the operator
// and when the session ends. Idle for too long and the console locks itself.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { SessionView } from '../../../src-shared/contract/session';
import type { Language } from '../../../src-shared/contract/settings';
import { BridgeError } from '../../../src-shared/contract/envelope';
import { useBridge } from '../bridge/bridge-holder';
import { i18n, setLanguage } from '../i18n';
import { plainError } from '../i18n/plain-error';

/** Main answers every refused sign-in alike (no account oracle); the desk shows it translated.
 *  Any other failure shows the plain sentence for its code, never main's text. */
function signInMessage(cause: unknown): string {
  if (cause instanceof BridgeError && cause.code === 'unauthorized')
    return i18n.global.t('access.refused');
  if (cause instanceof BridgeError && cause.code === 'busy')
    return i18n.global.t('access.throttled');
  return i18n.global.t(plainError(cause).key);
}

/** The first admin's form: a refusal is nearly always the account rules. */
function firstAdminMessage(cause: unknown): string {
  if (cause instanceof BridgeError && cause.code === 'bad_request')
    return i18n.global.t('accounts.rulesRefused');
  return i18n.global.t(plainError(cause).key);
}

/** Lock the console after this long without a key press, click or touch. */
export const IDLE_LOCK_MS = 5 * 60_000;

export const useSessionStore = defineStore('session', () => {
  const session = ref<SessionView | null>(null);
  const needsFirstAdmin = ref(false);
  const loaded = ref(false);
  const error = ref<string | null>(null);
  const lockedForIdle = ref(false);
  /** The station's default language: the sign-in screen's. After sign-in the settings store
   *  switches to the operator's own language (settings:get answers it). */
  const stationLanguage = ref<Language>('en');

  const role = computed(() => session.value?.operator.role ?? null);
  const isSupervisor = computed(() => role.value === 'supervisor' || role.value === 'admin');
  const isAdmin = computed(() => role.value === 'admin');

  async function load(): Promise<void> {
    const state = await useBridge().client.session.current({});
    session.value = state.session;
    needsFirstAdmin.value = state.needsFirstAdmin;
    stationLanguage.value = state.stationLanguage;
    if (state.session === null) setLanguage(state.stationLanguage);
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
      error.value = firstAdminMessage(cause);
    }
  }

  async function signOut(reason: 'operator' | 'idle' = 'operator'): Promise<void> {
    session.value = null;
    lockedForIdle.value = reason === 'idle';
    // Back to the station's language at once, not the last operator's.
    setLanguage(stationLanguage.value);
    await useBridge().client.session.signOut({});
    // An admin may have changed the station's default meanwhile.
    await load();
  }

  /** Main said the session is gone (expired, revoked): show the sign-in screen. */
  function forget(): void {
    session.value = null;
    setLanguage(stationLanguage.value);
  }

  return {
    session,
    needsFirstAdmin,
    loaded,
    error,
    lockedForIdle,
    stationLanguage,
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
