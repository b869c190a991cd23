// The single entry from any transport into main's services: validate, run, validate the answer,
// wrap in an envelope. Nothing runs for a payload that breaks the schema.
import { isMethodChannel, type MethodChannel } from '../../src-shared/contract/channels';
import { methods } from '../../src-shared/contract/contract';
import { BridgeError, failure, type Envelope } from '../../src-shared/contract/envelope';
import type { CallContext, Handlers } from './handlers';
import { describeSchemaIssues } from './schema-issues';
import type { Logger } from '../../src-shared/logger';

export type Dispatch = (
  channel: unknown,
  payload: unknown,
  context: CallContext,
) => Promise<Envelope<unknown>>;

export function createDispatcher(handlers: Handlers, logger: Logger): Dispatch {
  return async (channel, payload, context) => {
    if (!isMethodChannel(channel)) {
      return failure(
        'unknown_method',
        `No method named ${JSON.stringify(String(channel)).slice(0, 80)}`,
      );
    }
    const parsed = methods[channel].request.safeParse(payload);
    if (!parsed.success) {
      return failure('bad_request', describeSchemaIssues(parsed.error));
    }
    try {
      const value = await runHandler(handlers, channel, parsed.data, context);
      const checked = methods[channel].response.safeParse(value);
      if (!checked.success) {
        logger.error('bridge.response_breaks_contract', {
          channel,
          issues: describeSchemaIssues(checked.error),
        });
        return failure('internal', 'The station produced an answer outside its contract');
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof BridgeError) return failure(error.code, error.message);
      logger.error('bridge.handler_failed', { channel, error: String(error) });
      return failure('internal', 'The station failed to complete the request');
    }
  };
}

function runHandler(
  handlers: Handlers,
  channel: MethodChannel,
  request: unknown,
  context: CallContext,
): Promise<unknown> {
  // The request was parsed by this channel's own schema just above, so the cast is sound.
  const handler = handlers[channel] as (request: unknown, context: CallContext) => Promise<unknown>;
  return handler(request, context);
}
