// The known migrations, in order. Append only: a released entry is never edited or removed.
import type { Migration } from './migration';
import { updateToSchemaVersion1 } from './0001-initial';
import { updateToSchemaVersion2 } from './0002-operators';
import { updateToSchemaVersion3 } from './0003-audit-chain';
import { updateToSchemaVersion4 } from './0004-retention-indexes';
import { updateToSchemaVersion5 } from './0005-sync-state';
import { updateToSchemaVersion6 } from './0006-key-checks';
import { updateToSchemaVersion7 } from './0007-audit-mac';
import { updateToSchemaVersion8 } from './0008-error-attempts';
import { updateToSchemaVersion9 } from './0009-drop-unused-sweep-index';

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001-initial', up: updateToSchemaVersion1 },
  { version: 2, name: '0002-operators', up: updateToSchemaVersion2 },
  { version: 3, name: '0003-audit-chain', up: updateToSchemaVersion3 },
  { version: 4, name: '0004-retention-indexes', up: updateToSchemaVersion4 },
  { version: 5, name: '0005-sync-state', up: updateToSchemaVersion5 },
  { version: 6, name: '0006-key-checks', up: updateToSchemaVersion6 },
  { version: 7, name: '0007-audit-mac', up: updateToSchemaVersion7 },
  { version: 8, name: '0008-error-attempts', up: updateToSchemaVersion8 },
  { version: 9, name: '0009-drop-unused-sweep-index', up: updateToSchemaVersion9 },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
