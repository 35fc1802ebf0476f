import type { Logger } from '../../src/ports.js';

export interface FakeLogger extends Logger {
  lines: Array<{ level: 'info' | 'warn' | 'error'; text: string }>;
  text(): string;
}

export function createFakeLogger(): FakeLogger {
  const lines: FakeLogger['lines'] = [];
  const log =
    (level: 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      lines.push({ level, text: args.map(String).join(' ') });
    };
  return { lines, info: log('info'), warn: log('warn'), error: log('error'), text: () => lines.map((l) => `${l.level}: ${l.text}`).join('\n') };
}
