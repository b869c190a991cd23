// Log lines never carry a secret: by field name, or as a token quoted inside text.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src-main/host/logger';
import { redactSecrets } from '../../../src-main/host/log-redaction';

const TOKEN = '0123456789abcdef'.repeat(4);

describe('log redaction', () => {
  it.each([
    [{ token: TOKEN }, { token: '[redacted]' }],
    [{ sessionToken: 'abc' }, { sessionToken: '[redacted]' }],
    [{ password: 'hunter2' }, { password: '[redacted]' }],
    [{ faceAuthApiKey: 'k' }, { faceAuthApiKey: '[redacted]' }],
    [{ headers: { Authorization: 'Bearer x' } }, { headers: { Authorization: '[redacted]' } }],
    [
      { url: `http://127.0.0.1:5174/#token=${TOKEN}` },
      { url: 'http://127.0.0.1:5174/#token=[redacted]' },
    ],
    [{ protocols: [`token.${TOKEN}`] }, { protocols: ['token.[redacted]'] }],
    [
      { status: 401, reason: 'plain' },
      { status: 401, reason: 'plain' },
    ],
    [{ keyStore: 'plaintext' }, { keyStore: 'plaintext' }],
  ])('%j → %j', (fields, expected) => {
    expect(redactSecrets(fields)).toEqual(expected);
  });

  it('applies to every line the station logger writes', () => {
    const lines: string[] = [];
    const logger = createLogger('test', (line) => lines.push(line));
    logger.warn('bridge.failed', { error: new Error(`bad subprotocol token.${TOKEN}`) });
    logger.info(`opened http://x/#token=${TOKEN}`, { password: 'p' });
    expect(lines.join('')).not.toContain(TOKEN);
    expect(lines.join('')).not.toContain('"p"');
  });
});
