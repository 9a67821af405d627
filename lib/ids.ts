/** Opaque random ids (UUID v4): unguessable, so an id alone never grants access, and sortable nowhere. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
