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

/** Parses the report command's arguments; throws UsageError naming the bad argument. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { dryRun: false, force: false, json: false, help: false, siteCodes: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--dry-run') args.dryRun = true;
    else if (arg === '--force') args.force = true;
    else if (arg === '--json') args.json = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--site' || arg.startsWith('--site=')) {
      const value = arg === '--site' ? argv[++i] : arg.slice('--site='.length);
      if (value === undefined || value.startsWith('--')) throw new UsageError('--site needs a site code, e.g. --site SIEGE', '--site');
      for (const code of value.split(',').map((c) => c.trim()).filter(Boolean)) {
        if (!isValidSiteCode(code)) throw new UsageError(`--site: "${code}" is not a valid site code (letters, digits, . _ -)`, '--site');
        if (!args.siteCodes.some((c) => c.toLowerCase() === code.toLowerCase())) args.siteCodes.push(code);
      }
    } else throw new UsageError(`unknown argument "${arg}"`, arg);
  }
  return args;
}
