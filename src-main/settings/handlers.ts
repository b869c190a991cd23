// Settings for admins (and the language for everyone who is signed in). API keys go in, never
// come back out: the view shows whether one is set and its last four characters.
import type { Language, SettingsView } from '../../src-shared/contract/settings';
import type { ProjectPolicy } from '../../src-shared/faceauth/policy';
import type { HandlerSlice } from '../bridge/handlers';
import { requireOperator } from '../access/require-operator';
import { callStore } from '../store/call-store';
import type { StoreClient } from '../store/client';
import { readProjectPolicy } from './project-policy';
import { writeStationSettings } from './station-settings-writer';

export interface SettingsDeps {
  store: StoreClient;
  stationId: string;
  /** Demo mode: the central API is the station's own simulator. */
  demo: () => boolean;
  /** Called after the central API settings changed, so sync can reconnect. */
  onCentralChanged: () => void;
  /** Called after an admin changed the project policy. */
  onPolicyChanged: (policy: ProjectPolicy) => void;
}

function mask(secret: string | null) {
  return { set: secret !== null, lastFour: secret === null ? null : secret.slice(-4) };
}

async function readView(deps: SettingsDeps, operatorId: string): Promise<SettingsView> {
  const [central, stationName, stationLanguage, ownLanguage, retention, policy] = await Promise.all(
    [
      callStore(deps.store, 'central:read', {}),
      callStore(deps.store, 'settings:get', { key: 'stationName' }),
      callStore(deps.store, 'settings:get', { key: 'language' }),
      callStore(deps.store, 'settings:operatorLanguage', { operatorId }),
      callStore(deps.store, 'settings:get', { key: 'retention' }),
      readProjectPolicy(deps.store),
    ],
  );
  return {
    stationId: deps.stationId,
    stationName: stationName as string,
    language: ownLanguage ?? (stationLanguage as Language),
    stationLanguage: stationLanguage as Language,
    central: {
      baseUrl: central.baseUrl,
      faceAuthKey: mask(central.faceAuthKey),
      idCheckKey: mask(central.idCheckKey),
      demo: deps.demo(),
    },
    policy,
    retention: retention as SettingsView['retention'],
  };
}

export function settingsHandlers(
  deps: SettingsDeps,
): HandlerSlice<'settings:get' | 'settings:update'> {
  return {
    'settings:get': async (_request, { connection }) => {
      const { session } = await requireOperator(deps.store, connection);
      return readView(deps, session.operator.operatorId);
    },
    'settings:update': async (update, { connection }) => {
      const languageOnly = Object.keys(update).every((key) => key === 'language');
      // Anyone signed in may choose their own language; everything else is the admin's.
      const { token, session } = await requireOperator(
        deps.store,
        connection,
        languageOnly ? 'operator' : 'admin',
      );
      await writeStationSettings(deps, token, update);
      if (update.language !== undefined) {
        await callStore(deps.store, 'settings:setOwnLanguage', {
          sessionToken: token,
          language: update.language,
        });
      }
      return readView(deps, session.operator.operatorId);
    },
  };
}
