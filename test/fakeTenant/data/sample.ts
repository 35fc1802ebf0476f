// sampleTenantData(): the demo organisation, a fictional French non-profit shaped like
// the one in docs (11 establishments, 588 memberships), with every awkward case the
// report must survive. Deterministic: same seed, same ids, same names.
import type { FakeGroup, FakeUser, TenantData } from '../types.js';
import { SKUS } from './catalog.js';
import { licensesFor } from './licensePolicy.js';
import { HEAD_OFFICE_TITLES, JOB_TITLES } from './names.js';
import { PeopleFactory } from './people.js';
import { Prng } from './prng.js';
import { buildSampleGroups, SAMPLE_SITES } from './sampleGroups.js';
import { managersLicensingGroup, sampleSubscriptions } from './sampleLicensing.js';
import { buildSampleLists } from './sampleLists.js';
import { sampleSkus } from './sampleSkus.js';

export const SAMPLE_DOMAIN = 'horizon-asso.fr';

/** `now` anchors sign-in dates; default: today 00:00 UTC, so "recent" stays recent. Pass it for byte-identical data. */
export function sampleTenantData(options: { now?: Date } = {}): TenantData {
  const now = options.now ?? new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
  const prng = new Prng(20240131);
  const people = new PeopleFactory(prng, SAMPLE_DOMAIN, now);
  const users: FakeUser[] = [];
  const groups: FakeGroup[] = [];
  const add = (u: FakeUser): FakeUser => (users.push(u), u);
  const group = (displayName: string, members: Array<FakeUser | FakeGroup>): FakeGroup => {
    const g: FakeGroup = { id: prng.guid(), displayName, memberIds: members.map((m) => m.id), mail: null };
    groups.push(g);
    return g;
  };

  // Staff of each site: a manager first, then a secretary, then field staff.
  const staff = new Map<string, FakeUser[]>();
  for (const [, code, count] of SAMPLE_SITES) {
    const list: FakeUser[] = [];
    const fresh = code === 'DDA32' ? count - 1 : count; // DDA32 shares one psychologist with DDA31
    for (let i = 0; i < fresh; i++) {
      const jobTitle =
        code === 'SIEGE'
          ? (HEAD_OFFICE_TITLES[i % HEAD_OFFICE_TITLES.length] ?? null)
          : i === 0
            ? "Directeur d'établissement"
            : i === 1
              ? 'Chef de service'
              : i === 2
                ? 'Secrétaire'
                : prng.pick(JOB_TITLES);
      list.push(add(people.create({ jobTitle, skuIds: licensesFor(jobTitle, prng) })));
    }
    staff.set(code, list);
  }
  const at = (code: string, i: number): FakeUser => {
    const u = staff.get(code)?.[i];
    if (!u) throw new Error(`sample: no user ${code}[${i}]`);
    return u;
  };
  const shared = at('DDA31', 10);
  Object.assign(shared, { jobTitle: 'Psychologue' });
  staff.get('DDA32')?.push(shared);

  // Awkward accounts, placed deterministically.
  const swap = (code: string, i: number, user: FakeUser): void => {
    const list = staff.get(code);
    const old = list?.[i];
    if (!list || !old) throw new Error(`sample: cannot place ${code}[${i}]`);
    users.splice(users.indexOf(old), 1, user);
    list[i] = user;
  };
  swap(
    'SIEGE',
    12,
    people.create({
      givenName: 'Bernard',
      surname: 'Castaing',
      jobTitle: 'Directeur adjoint',
      enabled: false,
      signIn: 'stale',
      skuIds: [SKUS.ENTERPRISEPACK.skuId],
    }),
  );
  swap('APF', 20, people.create({ givenName: 'Élodie', surname: "O'Neil", jobTitle: 'Éducatrice spécialisée', skuIds: [SKUS.STANDARDPACK.skuId] }));
  swap(
    'CEPSJ',
    40,
    people.create({ givenName: 'Jean-Marc', surname: "D'Almeida", jobTitle: 'Moniteur-éducateur', enabled: false, skuIds: [SKUS.STANDARDPACK.skuId] }),
  );
  swap('CEFCS', 30, people.create({ jobTitle: 'Surveillant de nuit', enabled: false, signIn: 'stale', skuIds: [] }));
  swap('PDM', 30, people.create({ givenName: 'Anna', surname: 'Schmidt', jobTitle: 'Auditrice externe', guestOf: 'cabinet-audit.de', skuIds: [] }));
  swap('CEPSJ', 60, people.create({ givenName: 'Paul', surname: 'Durand', jobTitle: null, guestOf: 'gmail.com', signIn: 'never', skuIds: [] }));
  swap(
    'APF',
    90,
    people.create({
      givenName: 'Lucie',
      surname: 'Mercier',
      jobTitle: 'Psychiatre (vacataire)',
      guestOf: 'chu-toulouse.fr',
      skuIds: [SKUS.TEAMS_EXPLORATORY.skuId],
    }),
  );
  for (const [code, i] of [
    ['APF', 100],
    ['CEPSJ', 100],
    ['CEPSJ', 120],
    ['DDA31', 50],
    ['AT65', 20],
    ['CEPGA', 25],
  ] as const) {
    swap(code, i, people.create({ jobTitle: 'Surveillant de nuit', noMail: true, skuIds: i % 2 ? [] : [SKUS.POWER_BI_STANDARD.skuId] }));
  }
  for (const [code, i] of [
    ['SIEGE', 5],
    ['CEFLP', 3],
    ['DDA31', 3],
  ] as const)
    at(code, i).assignedLicenses.push({ skuId: SKUS.VISIOCLIENT.skuId, disabledPlans: [] });
  for (const [code, i] of [
    ['SIEGE', 7],
    ['APF', 1],
  ] as const)
    at(code, i).assignedLicenses.push({ skuId: SKUS.PROJECTPROFESSIONAL.skuId, disabledPlans: [] });
  for (const [code, i] of [
    ['PDM', 4],
    ['HUMA', 5],
    ['CEPGA', 6],
  ] as const)
    at(code, i).assignedLicenses = [{ skuId: SKUS.O365_BUSINESS.skuId, disabledPlans: [] }];

  // Licensed accounts in no site group: the report must list them as "covered by no site".
  const sender = add(people.create({ mailbox: 'rapports', jobTitle: null, signIn: 'recent', skuIds: [SKUS.EXCHANGESTANDARD.skuId] }));
  const dsi = add(people.create({ mailbox: 'dsi', jobTitle: null, signIn: 'recent', skuIds: [SKUS.EXCHANGESTANDARD.skuId] }));
  add(people.create({ mailbox: 'admin.m365', givenName: 'Admin', surname: 'M365', jobTitle: "Compte d'administration", skuIds: [SKUS.ENTERPRISEPACK.skuId] }));
  add(people.create({ jobTitle: 'Stagiaire', signIn: 'stale', skuIds: [SKUS.STANDARDPACK.skuId] }));
  add(people.create({ jobTitle: 'Ancien directeur', enabled: false, signIn: 'stale', skuIds: [SKUS.SPB.skuId] }));

  const rows = buildSampleGroups(at, staff, group, prng);
  // Group-based licensing for the managers (SIEGE's first, then each site's director), after the PRNG is done.
  groups.push(
    managersLicensingGroup(
      SAMPLE_SITES.map(([, code]) => at(code, 0)),
      now,
    ),
  );
  const skus = sampleSkus(users);
  return {
    tenantId: '3f2a8c1e-5b7d-4e90-a1c2-7d8e9f0a1b2c',
    organisationName: 'Association Horizon',
    domain: SAMPLE_DOMAIN,
    mailSender: sender.mail ?? 'rapports@horizon-asso.fr',
    itSummaryTo: [dsi.mail ?? 'dsi@horizon-asso.fr'],
    users,
    groups,
    skus,
    subscriptions: sampleSubscriptions(skus, now),
    sharePoint: { sitePath: '/sites/it', lists: buildSampleLists(rows) },
  };
}
