// Builds FakeUser records (names, unique mail/UPN, sign-in activity) for the
// sample and the generated tenants, from one seeded PRNG.
import type { FakeSignInActivity, FakeUser } from '../types.js';
import { FIRST_NAMES, SURNAMES } from './names.js';
import { daysAgo, mailPart, Prng } from './prng.js';

export interface PersonSpec {
  givenName?: string;
  surname?: string;
  jobTitle: string | null;
  skuIds: string[];
  enabled?: boolean;
  /** Guest: UPN in the #EXT# form, mail = the external address. */
  guestOf?: string;
  /** Account without a mailbox (mail null). */
  noMail?: boolean;
  /** Fixed mail local part, e.g. 'rapports'. */
  mailbox?: string;
  signIn?: 'recent' | 'stale' | 'never';
}

/** lastSuccessfulSignInDateTime exists since 2023-12-01 and was not backfilled (resources/signinactivity). */
const SUCCESS_RECORDED_FROM = Date.parse('2023-12-01T00:00:00Z');
const DAY_MS = 86_400_000;

export class PeopleFactory {
  private readonly used = new Map<string, number>();
  /** Accounts created so far: varies dates without drawing from the PRNG (names and ids stay as they were). */
  private created = 0;

  constructor(
    readonly prng: Prng,
    private readonly domain: string,
    private readonly now: Date,
  ) {}

  create(spec: PersonSpec): FakeUser {
    const givenName = spec.givenName ?? this.prng.pick(FIRST_NAMES);
    const surname = spec.surname ?? this.prng.pick(SURNAMES);
    const local = this.unique(spec.mailbox ?? `${mailPart(givenName)}.${mailPart(surname)}`);
    let mail: string | null = spec.noMail ? null : `${local}@${this.domain}`;
    let upn = `${local}@${this.domain}`;
    if (spec.guestOf) {
      mail = `${local}@${spec.guestOf}`;
      upn = `${local}_${spec.guestOf}#EXT#@${this.domain.replace(/[^a-z0-9]/g, '')}.onmicrosoft.com`;
    }
    const user: FakeUser = {
      id: this.prng.guid(),
      displayName: spec.mailbox && !spec.givenName ? local : `${givenName} ${surname}`,
      givenName: spec.mailbox && !spec.givenName ? null : givenName,
      surname: spec.mailbox && !spec.surname ? null : surname,
      mail,
      userPrincipalName: upn,
      jobTitle: spec.jobTitle,
      accountEnabled: spec.enabled ?? true,
      userType: spec.guestOf ? 'Guest' : 'Member',
      assignedLicenses: spec.skuIds.map((skuId) => ({ skuId, disabledPlans: [] })),
      businessPhones: [],
      mobilePhone: null,
      officeLocation: null,
      preferredLanguage: 'fr-FR',
    };
    const n = this.created++;
    // Created well before any sign-in the factory gives (at most 400 days ago), at 08:00 UTC.
    user.createdDateTime = new Date(Date.parse(this.now.toISOString().slice(0, 10)) - (420 + ((n * 37) % 900)) * DAY_MS + 8 * 3_600_000).toISOString();
    const activity = this.signIn(spec.signIn ?? this.randomSignIn(), n);
    if (activity) user.signInActivity = activity;
    return user;
  }

  /** Mostly recent sign-ins, about 8 % older than 90 days, 2 % never. */
  private randomSignIn(): 'recent' | 'stale' | 'never' {
    const r = this.prng.next();
    return r < 0.02 ? 'never' : r < 0.1 ? 'stale' : 'recent';
  }

  /**
   * The last sign-in is always the most recent of the three dates and a success; the other two vary
   * as in real tenants: an interactive sign-in older than the last token refresh, a non-interactive
   * date written as null, "" or 0001-01-01T00:00:00Z (resources/signinactivity; platform facts).
   */
  private signIn(kind: 'recent' | 'stale' | 'never', n: number): FakeSignInActivity | undefined {
    if (kind === 'never') return undefined;
    const days = kind === 'recent' ? this.prng.int(0, 25) : this.prng.int(95, 400);
    const last = daysAgo(this.now, days, this.prng);
    const success = Date.parse(last) >= SUCCESS_RECORDED_FROM ? last : null;
    const earlier = (d: number) => new Date(Date.parse(last) - d * DAY_MS).toISOString();
    switch (n % 6) {
      case 1:
        return { lastSignInDateTime: earlier(1 + (n % 20)), lastNonInteractiveSignInDateTime: last, lastSuccessfulSignInDateTime: success };
      case 2:
        return { lastSignInDateTime: last, lastNonInteractiveSignInDateTime: '0001-01-01T00:00:00Z', lastSuccessfulSignInDateTime: success };
      case 3:
        return { lastSignInDateTime: last, lastNonInteractiveSignInDateTime: null, lastSuccessfulSignInDateTime: success };
      case 4:
        return { lastSignInDateTime: earlier(3), lastNonInteractiveSignInDateTime: last, lastSuccessfulSignInDateTime: success };
      case 5:
        return { lastSignInDateTime: last, lastNonInteractiveSignInDateTime: '', lastSuccessfulSignInDateTime: success };
      default:
        return { lastSignInDateTime: last, lastNonInteractiveSignInDateTime: last, lastSuccessfulSignInDateTime: success };
    }
  }

  /** prenom.nom, then prenom.nom2, prenom.nom3... like an admin creating homonyms. */
  private unique(local: string): string {
    const seen = this.used.get(local) ?? 0;
    this.used.set(local, seen + 1);
    return seen === 0 ? local : `${local}${seen + 1}`;
  }
}
