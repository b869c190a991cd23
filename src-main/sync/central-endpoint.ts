// Which central API this station talks to: the environment's FACEAUTH_CENTRAL_URL (keys from
// FACEAUTH_FACEAUTH_KEY / FACEAUTH_IDCHECK_KEY), else what an admin stored in settings, else
// nothing — and then, unless switched off, demo mode's local simulator.
import { checkCentralUrl } from '../../src-shared/central-url';
import type { CentralConfig } from '../store/services/central-config';

/** The environment's choice (FACEAUTH_CENTRAL_URL and its keys); host/config.ts reads it. */
export interface CentralEnvironment {
  centralBaseUrl: string | null;
  faceAuthKey: string | null;
  idCheckKey: string | null;
}

export interface CentralEndpoint {
  baseUrl: string;
  faceAuthKey: string | null;
  idCheckKey: string | null;
  source: 'environment' | 'settings' | 'demo';
}

export function configuredEndpoint(
  config: CentralEnvironment,
  stored: CentralConfig,
): CentralEndpoint | null {
  if (config.centralBaseUrl !== null) {
    return {
      baseUrl: config.centralBaseUrl,
      faceAuthKey: config.faceAuthKey,
      idCheckKey: config.idCheckKey,
      source: 'environment',
    };
  }
  // An address stored before https was required is not used (the keys would go in the clear).
  if (stored.baseUrl !== null && checkCentralUrl(stored.baseUrl).ok) {
    return {
      baseUrl: stored.baseUrl,
      faceAuthKey: stored.faceAuthKey,
      idCheckKey: stored.idCheckKey,
      source: 'settings',
    };
  }
  return null;
}

/** Why the stored address is not used, or null when it is usable or absent. */
export function storedEndpointProblem(stored: CentralConfig): string | null {
  if (stored.baseUrl === null) return null;
  const check = checkCentralUrl(stored.baseUrl);
  return check.ok ? null : check.reason;
}
