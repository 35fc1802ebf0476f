import { ConfigError, describeError, UsageError } from '../errors.js';
import type { HttpRequestType, HttpResponseInit, InvocationContextType } from '../functionsSdk.js';
import { isValidSiteCode } from '../cli/siteCode.js';
import { buildSitePreview } from '../run/buildSitePreview.js';
import { problem } from './httpJson.js';
import { depsFor, loadConfig, type TriggerServices } from './services.js';

/** GET /api/report/preview/{siteCode}: one site's report as HTML in the browser; nothing is sent. */
export function previewHandler(services: TriggerServices) {
  return async (request: HttpRequestType, context: InvocationContextType): Promise<HttpResponseInit> => {
    const siteCode = request.params['siteCode'] ?? '';
    if (!isValidSiteCode(siteCode)) return problem(400, 'siteCode must be a site code (letters, digits, . _ -)', 'siteCode');
    let config;
    try {
      config = loadConfig(services, { mailTransport: 'outbox' });
    } catch (error) {
      if (error instanceof ConfigError) return problem(500, 'the function app is misconfigured', undefined, { problems: error.problems });
      throw error;
    }
    try {
      const preview = await buildSitePreview(depsFor(services, config, context, { dryRun: true }), siteCode);
      return {
        status: 200,
        body: preview.html,
        headers: {
          'Content-Type': 'text/html; charset=utf-8',
          'Cache-Control': 'no-store',
          // The preview is our own markup: no script may run in it, whatever the directory holds.
          'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        },
      };
    } catch (error) {
      if (error instanceof UsageError) return problem(404, error.message, 'siteCode');
      return problem(502, describeError(error));
    }
  };
}
