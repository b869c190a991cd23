import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { i18n } from './i18n';
import { connectToStation, MissingTokenError } from './bridge/connect';
import { installBridge } from './bridge/bridge-holder';
import { useSessionStore } from './stores/session';
import './styles.css';

try {
  const pinia = createPinia();
  // Any call answering `unauthorized` means main ended the session: back to the sign-in screen.
  installBridge(connectToStation({ onSessionLost: () => useSessionStore(pinia).forget() }));
  createApp(App).use(pinia).use(i18n).mount('#app');
} catch (error) {
  const root = document.getElementById('app');
  if (root) {
    root.setAttribute('role', 'alert');
    root.textContent =
      error instanceof MissingTokenError
        ? error.message
        : `The station could not start: ${String(error)}`;
  }
}
