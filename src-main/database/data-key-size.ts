// The data key's length (AES-256). Apart from the cipher: main makes and unwraps the key
// (store/keys) without loading crypto/biometric-cipher.ts, which runs only in the store worker.
export const DATA_KEY_BYTES = 32;
