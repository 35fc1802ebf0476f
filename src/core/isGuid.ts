const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Entra ID object ids and SKU ids are GUIDs; anything else is a typo in a list. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}
