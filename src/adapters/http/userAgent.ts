// The User-Agent of every request to Graph and SharePoint.
import { readFileSync } from 'node:fs';

/**
 * `NONISV|<organisation>|m365-license-report/<version>`: the form SharePoint's throttling guidance
 * asks of an organisation's own tool (undecorated traffic is throttled first); Graph gets the same.
 * The name is reduced to printable ASCII without `|`, as a header value must be.
 */
export function decoratedUserAgent(orgName: string, version: string = packageVersion()): string {
  const org =
    orgName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]|\|/g, '-')
      .trim() || 'Organisation';
  return `NONISV|${org}|m365-license-report/${version}`;
}

let version: string | undefined;
/** This package's version, read once from its package.json (next to src/ or to dist/). */
export function packageVersion(): string {
  if (version) return version;
  for (const relative of ['../../../package.json', '../../../../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'm365-license-report' && manifest.version) return (version = manifest.version);
    } catch {
      // not at this level: try the next one
    }
  }
  return (version = '0.0.0');
}
