type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isCents = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);
export const isText = (value: unknown): value is string => typeof value === 'string';

/** A stored JSON object of schema 1; throws an Error naming the key. */
export function readSchemaJson(text: string, key: string): Json {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${key} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!isObject(value) || value['schema'] !== 1) throw new Error(`${key} is not a file this version can read (schema 1 expected)`);
  return value;
}
