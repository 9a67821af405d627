/** Opaque random ids (UUID v4): unguessable, so an id alone never grants access, and sortable nowhere. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

/** What an id can look like (ours are UUIDs; the shape is kept wider so imported ids fit). Anything else names nothing. */
export const ID_SHAPE = /^[A-Za-z0-9_-]{1,64}$/;

export function isIdShaped(v: string): boolean {
  return ID_SHAPE.test(v);
}
