import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { isValidSiteCode } from './siteCode.js';

interface CliArgs {
  dryRun: boolean;
  force: boolean;
  json: boolean;
  help: boolean;
  siteCodes: string[];
}

export const CLI_USAGE = `Usage: npm run report -- [--dry-run] [--force] [--site CODE]... [--json]

  --dry-run     send nothing: write each message to OUTBOX_DIR (.eml, .html, .csv)
  --force       resend sites already sent this month
  --site CODE   only this site (repeatable); default: every active site
  --json        print the run result as JSON instead of the summary table

Exit codes: 0 every site ok, 1 one or more sites failed, 2 bad configuration or arguments,
3 another run for this month is in progress.`;

const OPTIONS = {
  'dry-run': { type: 'boolean' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  site: { type: 'string', multiple: true },
} as const;

/**
 * Parses the report command's arguments with node:util parseArgs; throws UsageError naming the bad
 * argument. parseArgs runs lenient and we judge its tokens, so each error names the argument as typed.
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const { values, tokens } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional') throw new UsageError(`unknown argument "${token.value}"`, token.value);
    if (token.kind === 'option-terminator') throw new UsageError('unknown argument "--"', '--');
    const known = Object.hasOwn(OPTIONS, token.name) ? OPTIONS[token.name as keyof typeof OPTIONS] : undefined;
    if (!known || (known.type === 'boolean' && token.value !== undefined)) {
      const typed = token.inlineValue ? `${token.rawName}=${token.value ?? ''}` : token.rawName;
      throw new UsageError(`unknown argument "${typed}"`, typed);
    }
    if (token.name === 'site' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('--')))) {
      throw new UsageError('--site needs a site code, e.g. --site SIEGE', '--site');
    }
  }
  const siteCodes: string[] = [];
  for (const code of [values.site ?? []]
    .flat()
    .flatMap((value) => String(value).split(','))
    .map((c) => c.trim())
    .filter(Boolean)) {
    if (!isValidSiteCode(code)) throw new UsageError(`--site: "${code}" is not a valid site code (letters, digits, . _ -)`, '--site');
    if (!siteCodes.some((c) => c.toLowerCase() === code.toLowerCase())) siteCodes.push(code);
  }
  return { dryRun: values['dry-run'] === true, force: values.force === true, json: values.json === true, help: values.help === true, siteCodes };
}
