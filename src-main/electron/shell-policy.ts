// What the Electron shell allows in development and what it allows once packaged, as one pure
// decision so it is tested without the Electron binary. A packaged station never loads a page
// named by the environment (ELECTRON_RENDERER_URL would otherwise let anyone who can set an
// environment variable point the operator's window, and its bridge, at their own page), never
// opens DevTools and shows no default menu (whose View menu offers reload and DevTools).
// https://www.electronjs.org/docs/latest/tutorial/security

export interface ShellPolicy {
  /** The dev server to load instead of station://app, or null. */
  devServerUrl: string | null;
  devTools: boolean;
  /** false: the application menu is removed (Menu.setApplicationMenu(null)). */
  defaultMenu: boolean;
}

export function shellPolicy(isPackaged: boolean, env: NodeJS.ProcessEnv): ShellPolicy {
  if (isPackaged) return { devServerUrl: null, devTools: false, defaultMenu: false };
  return {
    devServerUrl: loopbackDevServer(env['ELECTRON_RENDERER_URL']),
    devTools: true,
    defaultMenu: true,
  };
}

/** electron-vite's dev server runs on this machine; any other address is ignored. */
function loopbackDevServer(value: string | undefined): string | null {
  if (value === undefined) return null;
  try {
    const url = new URL(value);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return loopback && (url.protocol === 'http:' || url.protocol === 'https:') ? url.origin : null;
  } catch {
    return null;
  }
}
