import { describe, expect, it } from 'vitest';
import { createUuidV7Generator } from '../../../src-main/engine/result/uuid-v7';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('authentication_id (UUIDv7)', () => {
  it('has the RFC 9562 layout and embeds the millisecond time', () => {
    const id = createUuidV7Generator().next(Date.UTC(2023, 7, 8, 7, 4, 48, 633));
    expect(id).toMatch(UUID_V7);
    const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBe(Date.UTC(2023, 7, 8, 7, 4, 48, 633));
  });

  it('is unique and strictly increasing in a burst within one millisecond', () => {
    const gen = createUuidV7Generator();
    const ids = Array.from({ length: 5000 }, () => gen.next(1_700_000_000_000));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('stays increasing when the clock steps backwards', () => {
    const gen = createUuidV7Generator();
    const a = gen.next(2_000_000_000_000);
    const b = gen.next(1_000_000_000_000);
    expect(b > a).toBe(true);
  });

  it('orders ids from later milliseconds after earlier ones', () => {
    const gen = createUuidV7Generator();
    expect(gen.next(1000) < gen.next(1001)).toBe(true);
  });
});
