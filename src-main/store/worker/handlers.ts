// Every request the store worker answers, one entry per `domain:verb`, in the Actual Budget way:
// the map's type is the contract, and the client in main derives its `send` types from it.
// Handlers run in the worker thread only; main imports this file's types, never its code.
import { currentAuditHead, syncedAuditHead } from '../../audit/head';
import type { AuditHead } from '../../audit/chain';
import { verifyAuditChain } from '../../audit/verify';
import {
  bootstrapAdmin,
  createOperator,
  listOperatorSummaries,
  type NewOperator,
} from '../../operators/service';
import { logout, requireSession } from '../../operators/sessions';
import {
  changeOperator,
  ownPasswordHash,
  setOwnPassword,
  type OperatorChange,
} from '../../operators/admin';
import { beginLogin, finishLogin, type LoginAttempt } from '../../operators/login-steps';
import { needsFirstAdmin } from '../../operators/bootstrap-state';
import type { FaceAuthError } from '../../../src-shared/faceauth/result';
import type { StoreContext } from '../../database/context';
import { exportAudit, exportResults, type ExportRequest } from '../services/export';
import { recordDecisionError, searchErrorAttempts } from '../services/error-attempts';
import type { ErrorAttemptSearch } from '../../database/queries/error-attempts';
import {
  claimOutbox,
  confirmOutbox,
  countOutbox,
  failOutbox,
  parkOutbox,
  peekOutboxItems,
} from '../services/outbox';
import { capturedImage, getResult, recentResults } from '../services/result-reads';
import { recordCentralVerdict, recordResult, type RecordResultInput } from '../services/results';
import { overrideResult, type OverrideInput } from '../services/overrides';
import { runRetention } from '../services/retention';
import {
  recordResultsExport,
  viewCapturedImage,
  viewThumbnail,
} from '../services/biometric-access';
import { erasePerson } from '../services/erase-person';
import { readOperatorLanguage, writeOwnLanguage } from '../services/operator-language';
import {
  readCentralConfig,
  writeCentralConfig,
  type CentralConfigUpdate,
} from '../services/central-config';
import { holdsRealData } from '../services/station-data';
import { searchResults } from '../services/result-search';
import type { ResultSearch } from '../../database/queries/result-search';
import { readSetting, writeSetting, type SettingKey } from '../services/settings';
import {
  changeSubmissionStatus,
  lookupSubmission,
  upsertSubmissions,
  type SubmissionInput,
} from '../services/submissions';
import { syncStoreHandlers } from '../services/sync-handlers';

type Empty = Record<string, never>;

export const storeHandlers = {
  'submissions:upsertMany': (ctx: StoreContext, a: { items: SubmissionInput[] }) =>
    upsertSubmissions(ctx, a.items),
  'submissions:lookup': (ctx: StoreContext, a: { submissionId: string }) =>
    lookupSubmission(ctx, a.submissionId),
  'submissions:setStatus': (ctx: StoreContext, a: { submissionId: string; status: string }) =>
    changeSubmissionStatus(ctx, a.submissionId, a.status),

  'results:record': (ctx: StoreContext, a: RecordResultInput) => recordResult(ctx, a),
  'results:recordError': (
    ctx: StoreContext,
    a: { submissionId: string; error: FaceAuthError; operatorId: string | null },
  ) => recordDecisionError(ctx, a),
  'results:searchErrors': (ctx: StoreContext, a: ErrorAttemptSearch) => searchErrorAttempts(ctx, a),
  'results:get': (ctx: StoreContext, a: { authenticationId: string }) =>
    getResult(ctx, a.authenticationId),
  'results:recent': (ctx: StoreContext, a: { limit: number }) => recentResults(ctx, a.limit),
  'results:search': (ctx: StoreContext, a: ResultSearch) => searchResults(ctx, a),
  'results:capturedImage': (ctx: StoreContext, a: { authenticationId: string }) =>
    capturedImage(ctx, a.authenticationId),
  'results:override': (ctx: StoreContext, a: OverrideInput) => overrideResult(ctx, a),
  'results:centralVerdict': (
    ctx: StoreContext,
    a: { authenticationId: string; verdict: unknown },
  ) => recordCentralVerdict(ctx, a.authenticationId, a.verdict),

  'outbox:claim': (ctx: StoreContext, a: { limit: number; leaseMs: number }) =>
    claimOutbox(ctx, a.limit, a.leaseMs),
  'outbox:peek': (ctx: StoreContext, a: { limit: number; includeParked?: boolean }) =>
    peekOutboxItems(ctx, a.limit, a.includeParked ?? false),
  'outbox:confirm': (ctx: StoreContext, a: { outboxIds: number[] }) =>
    confirmOutbox(ctx, a.outboxIds),
  'outbox:fail': (
    ctx: StoreContext,
    a: { outboxId: number; error: string; nextAttemptAt: number },
  ) => failOutbox(ctx, a.outboxId, a.error, a.nextAttemptAt),
  'outbox:park': (ctx: StoreContext, a: { outboxId: number; reason: string }) =>
    parkOutbox(ctx, a.outboxId, a.reason),
  'outbox:counts': (ctx: StoreContext, _a: Empty) => countOutbox(ctx),

  'operators:needsFirstAdmin': (ctx: StoreContext, _a: Empty) => needsFirstAdmin(ctx),
  'operators:bootstrapAdmin': (ctx: StoreContext, a: Omit<NewOperator, 'role'>) =>
    bootstrapAdmin(ctx, a),
  'operators:create': (ctx: StoreContext, a: { sessionToken: string; operator: NewOperator }) =>
    createOperator(ctx, a.sessionToken, a.operator),
  // No handler here runs scrypt: main checks passwords between begin and finish (sign-in-gate.ts).
  'operators:loginBegin': (ctx: StoreContext, a: { username: string }) =>
    beginLogin(ctx, a.username),
  'operators:loginFinish': (ctx: StoreContext, a: LoginAttempt) => finishLogin(ctx, a),
  'operators:session': (ctx: StoreContext, a: { sessionToken: string }) =>
    requireSession(ctx, a.sessionToken),
  'operators:logout': (ctx: StoreContext, a: { sessionToken: string }) =>
    logout(ctx, a.sessionToken),
  'operators:change': (
    ctx: StoreContext,
    a: { sessionToken: string; operatorId: string; change: OperatorChange },
  ) => changeOperator(ctx, a.sessionToken, a.operatorId, a.change),
  'operators:ownPasswordHash': (ctx: StoreContext, a: { sessionToken: string }) =>
    ownPasswordHash(ctx, a.sessionToken),
  'operators:setOwnPassword': (
    ctx: StoreContext,
    a: { sessionToken: string; verifiedHash: string; newHash: string },
  ) => setOwnPassword(ctx, a.sessionToken, a.verifiedHash, a.newHash),
  'operators:list': (ctx: StoreContext, a: { sessionToken: string }) =>
    listOperatorSummaries(ctx, a.sessionToken),

  'audit:head': (ctx: StoreContext, _a: Empty) => ({
    head: currentAuditHead(ctx.read),
    synced: syncedAuditHead(ctx.read),
  }),
  'audit:verify': (ctx: StoreContext, a: { trustedHead?: AuditHead }) =>
    verifyAuditChain(ctx.read, a.trustedHead),

  'settings:get': <K extends SettingKey>(ctx: StoreContext, a: { key: K }) =>
    readSetting(ctx, a.key),
  'settings:set': (
    ctx: StoreContext,
    a: { sessionToken: string; key: SettingKey; value: unknown },
  ) => writeSetting(ctx, a.sessionToken, a.key, a.value),

  'central:read': (ctx: StoreContext, _a: Empty) => readCentralConfig(ctx),
  'central:write': (ctx: StoreContext, a: { sessionToken: string; update: CentralConfigUpdate }) =>
    writeCentralConfig(ctx, a.sessionToken, a.update),

  'settings:setOwnLanguage': (ctx: StoreContext, a: { sessionToken: string; language: string }) =>
    writeOwnLanguage(ctx, a.sessionToken, a.language),
  'settings:operatorLanguage': (ctx: StoreContext, a: { operatorId: string }) =>
    readOperatorLanguage(ctx.read, a.operatorId),

  // A person's look at biometric data: the data and its audit entry in one call.
  'access:capturedImage': (
    ctx: StoreContext,
    a: { sessionToken: string; authenticationId: string },
  ) => viewCapturedImage(ctx, a.sessionToken, a.authenticationId),
  'access:thumbnail': (ctx: StoreContext, a: { sessionToken: string; submissionId: string }) =>
    viewThumbnail(ctx, a.sessionToken, a.submissionId),
  'access:resultsExport': (
    ctx: StoreContext,
    a: { sessionToken: string; rows: number; filter: Record<string, unknown> },
  ) => recordResultsExport(ctx, a.sessionToken, a.rows, a.filter),
  'results:erasePerson': (ctx: StoreContext, a: { sessionToken: string; submissionId: string }) =>
    erasePerson(ctx, a.sessionToken, a.submissionId),

  'retention:run': (ctx: StoreContext, _a: Empty) => runRetention(ctx),

  'station:holdsRealData': (ctx: StoreContext, a: { demoPrefix: string }) =>
    holdsRealData(ctx, a.demoPrefix),

  'export:results': (ctx: StoreContext, a: ExportRequest) => exportResults(ctx, a),
  'export:audit': (ctx: StoreContext, a: ExportRequest) => exportAudit(ctx, a),

  ...syncStoreHandlers,
};

export type StoreHandlers = typeof storeHandlers;
export type StoreMethod = keyof StoreHandlers;
export type StoreArgs<K extends StoreMethod> = Parameters<StoreHandlers[K]>[1];
export type StoreReply<K extends StoreMethod> = Awaited<ReturnType<StoreHandlers[K]>>;
