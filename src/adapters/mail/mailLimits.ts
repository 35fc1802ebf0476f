// Microsoft's sending limits, in one place: the config caps its settings with them and the mailer
// refuses more (learn.microsoft.com/graph/throttling-limits#outlook-service-limits; Exchange Online
// service description, sending limits).

/** Outlook: 4 concurrent requests per app and mailbox. */
export const MAX_MAIL_CONCURRENCY = 4;
/** Exchange Online: 30 messages a minute per mailbox. */
export const MAX_MAILS_PER_MINUTE = 30;
