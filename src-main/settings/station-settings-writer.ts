// Writes the admin's part of a partial settings update: only the keys the update names, each
// merged with its stored value (a section sends only the fields it changed), and the store
// writes and audits a key only when its value really changes.
import type { SettingsUpdate } from '../../src-shared/contract/settings';
import type { ProjectPolicy } from '../../src-shared/faceauth/policy';
import { callStore } from '../store/call-store';
import type { RetentionPolicy } from '../store/services/settings';
import { readProjectPolicy } from './project-policy';
import type { SettingsDeps } from './handlers';

type StationKey = 'stationName' | 'language' | 'retention' | 'projectPolicy';

export async function writeStationSettings(
  deps: SettingsDeps,
  sessionToken: string,
  update: SettingsUpdate,
): Promise<void> {
  const write = (key: StationKey, value: unknown): Promise<boolean> =>
    callStore(deps.store, 'settings:set', { sessionToken, key, value });
  if (update.stationName !== undefined) await write('stationName', update.stationName);
  if (update.stationLanguage !== undefined) await write('language', update.stationLanguage);
  if (update.retention !== undefined) {
    const stored = (await callStore(deps.store, 'settings:get', {
      key: 'retention',
    })) as RetentionPolicy;
    await write('retention', { ...stored, ...update.retention });
  }
  if (update.policy !== undefined) {
    const policy: ProjectPolicy = { ...(await readProjectPolicy(deps.store)), ...update.policy };
    if (await write('projectPolicy', policy)) deps.onPolicyChanged(policy);
  }
  const central = {
    ...(update.centralBaseUrl === undefined ? {} : { baseUrl: update.centralBaseUrl }),
    ...(update.faceAuthKey === undefined ? {} : { faceAuthKey: update.faceAuthKey }),
    ...(update.idCheckKey === undefined ? {} : { idCheckKey: update.idCheckKey }),
  };
  if (Object.keys(central).length > 0) {
    await callStore(deps.store, 'central:write', { sessionToken, update: central });
    deps.onCentralChanged();
  }
}
