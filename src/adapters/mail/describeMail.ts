import type { OutgoingMail } from '../../ports.js';

/** Names a mail in errors: "the report for site SIEGE" or "the run summary". */
export function describeMail(mail: OutgoingMail): string {
  return mail.kind === 'site' ? `the report for site ${mail.siteCode ?? '(no code)'}` : 'the run summary';
}
