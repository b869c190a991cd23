// Secrets never reach a log line, whoever forgets: fields named like a secret are replaced, and
// a bridge token is cut out of any text that carries it (a page address "#token=…", a WebSocket
// subprotocol "token.…", an error message quoting either).

const SECRET_FIELD = /token|password|passphrase|secret|authorization|cookie|api[-_]?key/i;
const TOKEN_IN_TEXT = /(token[=.:]\s*)[A-Za-z0-9_-]{16,}/gi;
const REDACTED = '[redacted]';
const MAX_DEPTH = 5;

export function redactSecrets(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(TOKEN_IN_TEXT, `$1${REDACTED}`);
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  if (value instanceof Error) return redactSecrets(String(value), depth + 1);
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      SECRET_FIELD.test(key) ? REDACTED : redactSecrets(field, depth + 1),
    ]),
  );
}
