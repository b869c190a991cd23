// A faithful local ARGOS server for tests and demos, on 127.0.0.1 only: the documented
// submission and FaceAuth endpoints, ARGOS's error bodies, key checks, 429 with Retry-After,
// and fault injection (503, reset before commit, commit then drop, slow, truncated bodies).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProjectPolicy } from '../../src-shared/faceauth/policy';
import { seededRandom } from '../../src-shared/seeded-random';
import { NO_FAULTS, pickFault, type Fault, type FaultRates } from './faults';
import { argosError, readBody, send, serialise, type SimResponse } from './http-io';
import { DEFAULT_SIM_POLICY, type SimSubmission, type SubmissionStatus } from './model';
import { TokenBucket, type RateLimit } from './rate-limit';
import {
  deleteFaceAuth,
  getFaceAuthImage,
  listFaceAuth,
  parseFaceAuthPost,
  postFaceAuth,
} from './routes/faceauth';
import { postStationEvents } from './routes/station-events';
import { getSubmissionImage, getSubmissions } from './routes/submissions';
import { SimulatorState } from './state';
import { simpleRuleVerdict, type Verdict } from './verdict';

export interface SimulatorOptions {
  faceAuthKey: string;
  idCheckKey: string;
  port?: number;
  faults?: Partial<FaultRates>;
  seed?: number;
  /** How long a "slow" fault holds the answer. */
  slowMs?: number;
  rateLimit?: RateLimit | null;
  policy?: ProjectPolicy;
  verdict?: Verdict;
  stationEventsPath?: string;
  now?: () => Date;
  /** false: GET /v3/faceauth items carry no cf1/cf2/cf3/userId, as the real API may not (the
   *  docs promise the echo only for webhooks); reconciliation must then fall back. */
  echoCustomFields?: boolean;
}

type Key = 'faceAuth' | 'idCheck';

export class ArgosSimulator {
  readonly state = new SimulatorState();
  private server: Server | null = null;
  private faults: FaultRates;
  private readonly random: () => number;
  private readonly bucket: TokenBucket | null;
  private policy: ProjectPolicy;
  private readonly verdict: Verdict;
  private readonly now: () => Date;
  /** Counts what happened, for chaos tests' reports. */
  readonly stats = {
    requests: 0,
    faults: {} as Record<Fault, number>,
    rateLimited: 0,
    /** Requests per path (no query), e.g. how many selfies a pull downloaded. */
    byPath: {} as Record<string, number>,
  };

  constructor(private readonly options: SimulatorOptions) {
    this.faults = { ...NO_FAULTS, ...options.faults };
    this.random = seededRandom(options.seed ?? 1);
    this.bucket = options.rateLimit ? new TokenBucket(options.rateLimit) : null;
    this.policy = options.policy ?? DEFAULT_SIM_POLICY;
    this.verdict = options.verdict ?? simpleRuleVerdict;
    this.now = options.now ?? (() => new Date());
  }

  /** The project's policy changed on the (simulated) dashboard: later verdicts and listings use
   *  it, as ARGOS applies a project's current policy. */
  setPolicy(policy: ProjectPolicy): void {
    this.policy = policy;
  }

  get url(): string {
    if (!this.server) throw new Error('The simulator is not running');
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  setFaults(faults: Partial<FaultRates>): void {
    this.faults = { ...NO_FAULTS, ...faults };
  }

  addSubmission(
    submission: Partial<SimSubmission> & Pick<SimSubmission, 'submission_id'>,
  ): SimSubmission {
    const created = this.now().toISOString();
    const full: SimSubmission = {
      created_at: created,
      kyc_result_at: created,
      email: null,
      userid: null,
      status: 'approved',
      selfie: null,
      ...submission,
    };
    this.state.submissions.set(full.submission_id, full);
    return full;
  }

  setStatus(submissionId: string, status: SubmissionStatus): void {
    const submission = this.state.submissions.get(submissionId);
    if (!submission) throw new Error(`No submission ${submissionId}`);
    submission.status = status;
    submission.kyc_result_at = this.now().toISOString();
  }

  async start(): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve) =>
      server.listen(this.options.port ?? 0, '127.0.0.1', resolve),
    );
    return this.url;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = null;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.stats.requests += 1;
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    this.stats.byPath[path] = (this.stats.byPath[path] ?? 0) + 1;
    try {
      if (this.bucket) {
        const wait = this.bucket.take();
        if (wait > 0) {
          this.stats.rateLimited += 1;
          send(res, {
            ...argosError(429, 'data_processing_error'),
            headers: { 'Retry-After': String(wait) },
          });
          return;
        }
      }
      const fault = pickFault(this.faults, this.random);
      this.stats.faults[fault] = (this.stats.faults[fault] ?? 0) + 1;
      if (fault === 'unavailable') return send(res, argosError(503, 'data_processing_error'));
      if (fault === 'resetBeforeCommit') return void req.socket.destroy();
      const response = await this.route(req);
      await this.deliver(res, response, fault);
    } catch {
      if (!res.headersSent) send(res, argosError(500, 'data_processing_error'));
    }
  }

  /** Everything in route() is committed by the time it returns; faults after it lose only the answer. */
  private async deliver(res: ServerResponse, response: SimResponse, fault: Fault): Promise<void> {
    if (fault === 'commitThenDrop') return void res.socket?.destroy();
    if (fault === 'slow')
      await new Promise((resolve) => setTimeout(resolve, this.options.slowMs ?? 15_000));
    if (fault === 'truncated') {
      const { payload, headers } = serialise(response);
      res.writeHead(response.status, headers);
      // Destroy only once the partial body is flushed, so the client sees headers and a short body.
      res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => res.socket?.destroy());
      return;
    }
    if (!res.destroyed) send(res, response);
  }

  private async route(req: IncomingMessage): Promise<SimResponse> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const { pathname, searchParams } = url;
    const method = req.method ?? 'GET';
    const keyed = (key: Key, run: () => SimResponse | Promise<SimResponse>) =>
      this.checkKey(req, key) ?? run();

    if (pathname === '/v3/submission' && method === 'GET')
      return keyed('idCheck', () => getSubmissions(searchParams, this.state));
    if (pathname === '/v3/image' && method === 'GET')
      return keyed('idCheck', () => getSubmissionImage(searchParams, this.state));
    if (pathname === '/v3/faceauth' && method === 'POST') {
      return keyed('faceAuth', async () => {
        const post = await parseFaceAuthPost(req);
        return 'status' in post
          ? post
          : postFaceAuth(post, this.state, this.verdict, this.policy, this.now());
      });
    }
    if (pathname === '/v3/faceauth' && method === 'GET')
      return keyed('faceAuth', () =>
        listFaceAuth(searchParams, this.state, this.policy, this.options.echoCustomFields ?? true),
      );
    if (pathname === '/v3/faceauth' && method === 'DELETE')
      return keyed('faceAuth', () => deleteFaceAuth(searchParams, this.state));
    if (pathname === '/v3/faceauth/image' && method === 'GET')
      return keyed('faceAuth', () => getFaceAuthImage(searchParams, this.state));
    if (
      pathname === (this.options.stationEventsPath ?? '/v3/station-events') &&
      method === 'POST'
    ) {
      return keyed('faceAuth', async () => {
        const body = await readBody(req, 5 * 1024 * 1024);
        if (body === null) return argosError(413, 'invalid_data_format');
        const key = req.headers['idempotency-key'];
        return postStationEvents(
          typeof key === 'string' ? key : undefined,
          body,
          this.state,
          this.now(),
        );
      });
    }
    return { status: 404, body: { errorCode: 'invalid_data_format', message: 'No such endpoint' } };
  }

  private checkKey(req: IncomingMessage, key: Key): SimResponse | null {
    const offered = req.headers['x-api-key'];
    if (typeof offered !== 'string' || offered === '')
      return argosError(400, 'required_field_missing');
    const expected = key === 'faceAuth' ? this.options.faceAuthKey : this.options.idCheckKey;
    return offered === expected ? null : argosError(403, 'Invalid_projectId');
  }
}
