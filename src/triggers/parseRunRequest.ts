import { UsageError } from '../errors.js';
import { MAX_SITE_CODES, isValidSiteCode } from '../cli/siteCode.js';

interface RunRequest {
  siteCodes: string[];
  dryRun: boolean;
  force: boolean;
}

const FIELDS = new Set(['sites', 'dryRun', 'force']);
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Validates IT's "run now" request: JSON body and/or query string with `sites` (array or
 * comma-separated codes), `dryRun`, `force`. Throws UsageError naming the field.
 */
export function parseRunRequest(query: URLSearchParams, bodyText: string): RunRequest {
  if (Buffer.byteLength(bodyText, 'utf8') > MAX_BODY_BYTES) throw new UsageError(`request body is larger than ${MAX_BODY_BYTES} bytes`, 'body');
  let body: Record<string, unknown> = {};
  if (bodyText.trim()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(bodyText);
    } catch {
      throw new UsageError('request body is not valid JSON', 'body');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError('request body must be a JSON object', 'body');
    body = parsed as Record<string, unknown>;
  }
  for (const key of Object.keys(body)) {
    if (!FIELDS.has(key)) throw new UsageError(`unknown field "${key}" (expected sites, dryRun, force)`, key);
  }
  for (const key of query.keys()) {
    if (!FIELDS.has(key) && key !== 'code') throw new UsageError(`unknown parameter "${key}" (expected sites, dryRun, force)`, key);
  }
  return {
    siteCodes: readSites(body['sites'] ?? query.get('sites') ?? undefined),
    dryRun: readBoolean('dryRun', body['dryRun'] ?? query.get('dryRun') ?? undefined),
    force: readBoolean('force', body['force'] ?? query.get('force') ?? undefined),
  };
}

function readBoolean(field: string, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0' || value === '') return false;
  throw new UsageError(`${field} must be true or false`, field);
}

function readSites(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(list)) throw new UsageError('sites must be an array of site codes', 'sites');
  if (list.length > MAX_SITE_CODES) throw new UsageError(`sites names more than ${MAX_SITE_CODES} codes`, 'sites');
  const codes: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string') throw new UsageError('sites must hold strings only', 'sites');
    const code = item.trim();
    if (!code) continue;
    if (!isValidSiteCode(code)) throw new UsageError(`sites: "${code.slice(0, 70)}" is not a valid site code`, 'sites');
    if (!codes.some((c) => c.toLowerCase() === code.toLowerCase())) codes.push(code);
  }
  return codes;
}
