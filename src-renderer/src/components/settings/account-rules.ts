// The account rules the forms show before submitting. Main enforces them (operators/service.ts
// and password-rules.ts); these copies only let the form say so early.
export const USERNAME_PATTERN = /^[A-Za-z0-9._-]{3,64}$/;
export const MIN_PASSWORD_LENGTH = 12;
