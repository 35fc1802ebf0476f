import type { DeliveryReconciliation } from '../types.js';
import { GRACE_LOOKUPS_MS } from './lookUpSentItems.js';

/** How to give the app what the lookup needs, least privilege (README, "The permissions"). */
export const GRANT_MAIL_READ =
  'grant the app the Exchange Online role "Application Mail.Read" scoped to the sender mailbox (MAIL_SENDER), like its ' +
  '"Application Mail.Send" (New-ManagementRoleAssignment -App <service principal object id> -Role "Application Mail.Read" ' +
  '-CustomResourceScope <that scope>); never Graph Mail.Read in Entra ID, which covers every mailbox';

const graceSeconds = Math.round((GRACE_LOOKUPS_MS[GRACE_LOOKUPS_MS.length - 1] ?? 0) / 1000);

/** Why the lookup settled nothing, and what happens next. */
function lookupProblem(reconciliation: DeliveryReconciliation): string {
  switch (reconciliation.lookup) {
    case 'forbidden':
      return `its key could not be looked up in the sender's Sent Items (${reconciliation.detail ?? '403'}): ${GRANT_MAIL_READ}; nothing was resent`;
    case 'failed':
      return `the sender's Sent Items could not be read (${reconciliation.detail ?? '?'}); nothing was resent: the next run looks again`;
    case 'not-found':
      return `it was not in the sender's Sent Items ${graceSeconds} s after being sent again once: the next run looks again and sends it if it is still missing`;
    case 'no-key':
      return "it carries no key to look for in Sent Items: check the recipients' mailbox, rerun with force to send again";
    case 'found':
      return 'it was found in Sent Items';
  }
}

/** This run's attempt got an uncertain answer (`answer`) that the lookup could not settle. */
export function uncertainThisRun(answer: string, reconciliation: DeliveryReconciliation): string {
  return `send: the mail may or may not have gone out (${answer}); ${lookupProblem(reconciliation)}`;
}

/** An earlier run's attempt is still pending and the lookup could not settle it. */
export function uncertainEarlier(reconciliation: DeliveryReconciliation): string {
  const { at, runId } = reconciliation.attempt;
  const when = at ? `the delivery of ${at} (run ${runId})` : 'an earlier delivery (its ledger record is unreadable)';
  return `${when} is unknown: ${lookupProblem(reconciliation)}`;
}
