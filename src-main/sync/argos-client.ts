// Typed calls to the central API (and the station-events endpoint). Each call returns the
// classified outcome of exchange(); a 200 whose body does not match the expected shape counts
// as UNKNOWN, because the server may still have acted on the request.
import type { z } from 'zod';
import { requireCentralUrl } from '../../src-shared/central-url';
import { FaceAuthResultSchema, type FaceAuthResult } from '../../src-shared/faceauth/result';
import { exchange, type FetchLike, type HttpOutcome, type HttpRequest } from './argos-http';
import { encodeMultipart } from './multipart';
import {
  FaceAuthPageSchema,
  StationEventsReplySchema,
  SubmissionPageSchema,
  type FaceAuthPage,
  type SubmissionPage,
} from './argos-schemas';

export interface ArgosApiConfig {
  /** e.g. https://rest-api.argosidentity.com (FOUND); tests pass the local simulator's URL. */
  baseUrl: string;
  /** The FaceAuth ("Add-on") project key: FaceAuth calls and station events. */
  faceAuthKey: string;
  /** The ID Check project key: submission listing and selfie download. */
  idCheckKey: string;
  /** The station's own endpoint for overrides and audit heads (not part of ARGOS). */
  stationEventsPath?: string;
  timeoutMs?: number;
}

export type ApiResult<T> = { kind: 'ok'; value: T } | Exclude<HttpOutcome, { kind: 'ok' }>;

export interface FaceAuthPost {
  submissionId: string;
  image: Uint8Array;
  imageType: 'image/jpeg' | 'image/png';
  userId?: string;
  cf1: string;
  cf2: string;
  cf3?: string;
}

export class ArgosClient {
  constructor(
    private readonly config: ArgosApiConfig,
    private readonly fetchImpl: FetchLike = fetch,
    private readonly now: () => number = Date.now,
  ) {
    // Last line of defence: whatever configured it, keys never go to a plaintext remote host.
    requireCentralUrl(config.baseUrl);
  }

  private url(path: string, query: Record<string, string | undefined> = {}): string {
    const url = new URL(
      path,
      this.config.baseUrl.endsWith('/') ? this.config.baseUrl : `${this.config.baseUrl}/`,
    );
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(name, value);
    }
    return url.toString();
  }

  private send(request: Omit<HttpRequest, 'timeoutMs'>): Promise<HttpOutcome> {
    return exchange(
      { ...request, timeoutMs: this.config.timeoutMs ?? 15_000 },
      this.fetchImpl,
      this.now,
    );
  }

  private async json<S extends z.ZodType>(
    request: Omit<HttpRequest, 'timeoutMs'>,
    schema: S,
  ): Promise<ApiResult<z.infer<S>>> {
    const outcome = await this.send(request);
    if (outcome.kind !== 'ok') return outcome;
    const parsed = schema.safeParse(outcome.body);
    if (!parsed.success) {
      return {
        kind: 'unknown',
        status: outcome.status,
        message: 'unexpected response shape',
        retryAfterMs: null,
      };
    }
    return { kind: 'ok', value: parsed.data };
  }

  /** GET /v3/submission by creation window (yyyy-mm-dd, inclusive) with paging. */
  listSubmissions(query: {
    startDate: string;
    endDate: string;
    count: number;
    after?: { id: string; date: string };
  }): Promise<ApiResult<SubmissionPage>> {
    return this.json(
      {
        method: 'GET',
        url: this.url('v3/submission', {
          start_date: query.startDate,
          end_date: query.endDate,
          count: String(query.count),
          nextpage_id: query.after?.id,
          nextpage_date: query.after?.date,
        }),
        headers: { 'x-api-key': this.config.idCheckKey },
      },
      SubmissionPageSchema,
    );
  }

  /** GET /v3/submission?submission_id= : one submission, or refused with Invalid_submissionId. */
  getSubmission(submissionId: string): Promise<ApiResult<SubmissionPage>> {
    return this.json(
      {
        method: 'GET',
        url: this.url('v3/submission', { submission_id: submissionId }),
        headers: { 'x-api-key': this.config.idCheckKey },
      },
      SubmissionPageSchema,
    );
  }

  /** GET /v3/image?submission_id=&type=selfieImage: the raw selfie file. */
  async downloadSelfie(submissionId: string): Promise<ApiResult<Uint8Array>> {
    const outcome = await this.send({
      method: 'GET',
      url: this.url('v3/image', { submission_id: submissionId, type: 'selfieImage' }),
      headers: { 'x-api-key': this.config.idCheckKey },
      binary: true,
    });
    return outcome.kind === 'ok' ? { kind: 'ok', value: outcome.bytes } : outcome;
  }

  /** POST /v3/faceauth as multipart/form-data with the live image as a file part (FOUND). */
  postFaceAuth(post: FaceAuthPost): Promise<ApiResult<FaceAuthResult>> {
    const fields: [string, string][] = [['submissionId', post.submissionId]];
    if (post.userId !== undefined) fields.push(['userId', post.userId]);
    fields.push(['cf1', post.cf1], ['cf2', post.cf2]);
    if (post.cf3 !== undefined) fields.push(['cf3', post.cf3]);
    const { body, contentType } = encodeMultipart(fields, {
      name: 'faceImage',
      filename: post.imageType === 'image/png' ? 'face.png' : 'face.jpg',
      contentType: post.imageType,
      bytes: post.image,
    });
    return this.json(
      {
        method: 'POST',
        url: this.url('v3/faceauth'),
        headers: { 'x-api-key': this.config.faceAuthKey, 'content-type': contentType },
        body,
      },
      FaceAuthResultSchema,
    );
  }

  /** GET /v3/faceauth by date window (yyyy-mm-dd), paged by nextKey_id / nextKey_date. */
  listFaceAuth(query: {
    startDate: string;
    endDate: string;
    count: number;
    after?: { authId: string; createTime: string };
  }): Promise<ApiResult<FaceAuthPage>> {
    return this.json(
      {
        method: 'GET',
        url: this.url('v3/faceauth', {
          startDate: query.startDate,
          endDate: query.endDate,
          count: String(query.count),
          nextKey_id: query.after?.authId,
          nextKey_date: query.after?.createTime,
        }),
        headers: { 'x-api-key': this.config.faceAuthKey },
      },
      FaceAuthPageSchema,
    );
  }

  /** POST the station-events endpoint: batched JSON, Idempotency-Key makes a resend count once. */
  postStationEvents(
    idempotencyKey: string,
    body: unknown,
  ): Promise<ApiResult<z.infer<typeof StationEventsReplySchema>>> {
    return this.json(
      {
        method: 'POST',
        url: this.url((this.config.stationEventsPath ?? '/v3/station-events').replace(/^\//, '')),
        headers: {
          'x-api-key': this.config.faceAuthKey,
          'content-type': 'application/json',
          'idempotency-key': idempotencyKey,
        },
        body: JSON.stringify(body),
      },
      StationEventsReplySchema,
    );
  }
}
