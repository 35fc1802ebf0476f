import { addSecondMonthWaste, KNOWN_SKUS, SITES_LIST_TITLE, type FakeUser, type TenantData } from '../test/fakeTenant/index.js';

const PAID = new Set<string>([
  KNOWN_SKUS.ENTERPRISEPACK.skuId,
  KNOWN_SKUS.SPB.skuId,
  KNOWN_SKUS.EXCHANGESTANDARD.skuId,
  KNOWN_SKUS.O365_BUSINESS_PREMIUM.skuId,
]);
const ARRIVALS: Array<[givenName: string, surname: string, jobTitle: string, sku: keyof typeof KNOWN_SKUS]> = [
  ['Inès', 'Garnier', 'Éducatrice spécialisée', 'SPB'],
  ['Hugo', 'Lefèvre', 'Moniteur-éducateur', 'SPB'],
  ['Chloé', 'Fontaine', 'Cheffe de service', 'ENTERPRISEPACK'],
];

const skuName = (skuId: string) => Object.values(KNOWN_SKUS).find((sku) => sku.skuId === skuId)?.displayName ?? skuId;
const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '');

/**
 * What happens in the sample organisation between the demo's two months, applied to the
 * tenant in place: three arrivals at HUMA (the last one has not signed in yet), a departure
 * from PDM (account deleted), a license added at SIEGE and one removed at CEPSJ, an Office 365
 * E3 account disabled at SIEGE, then each kind of waste (addSecondMonthWaste).
 * Returns one line per change, "CODE: what", for the demo to print.
 */
export function changeTenantForSecondMonth(data: TenantData, now: Date): string[] {
  const changes: string[] = [];
  const touched = new Set<string>();
  const staffGroup = (code: string) => {
    const row = data.sharePoint.lists.find((list) => list.title === SITES_LIST_TITLE)?.items.find((item) => item['SiteCode'] === code);
    const group = data.groups.find((g) => g.id === row?.['MembersGroupId']);
    if (!group) throw new Error(`second month: the sample tenant has no staff group for site ${code}`);
    return group;
  };
  // Field staff only (the first three are the managers, who are also the correspondents).
  const pick = (code: string, test: (user: FakeUser) => boolean): FakeUser => {
    const users = new Map(data.users.map((u) => [u.id, u]));
    const found = staffGroup(code)
      .memberIds.slice(3)
      .map((id) => users.get(id))
      .find((u): u is FakeUser => u !== undefined && u.userType === 'Member' && u.mail !== null && !touched.has(u.id) && test(u));
    if (!found) throw new Error(`second month: no suitable account at site ${code}`);
    touched.add(found.id);
    return found;
  };

  const huma = staffGroup('HUMA');
  const taken = new Set(data.users.map((u) => u.userPrincipalName.toLowerCase()));
  ARRIVALS.forEach(([givenName, surname, jobTitle, sku], i) => {
    let local = `${ascii(givenName)}.${ascii(surname)}`;
    for (let n = 2; taken.has(`${local}@${data.domain}`); n++) local = `${ascii(givenName)}.${ascii(surname)}${n}`;
    const address = `${local}@${data.domain}`;
    taken.add(address);
    const signIn = new Date(now.getTime() - (i + 1) * 86_400_000).toISOString();
    const created = new Date(now.getTime() - (i + 2) * 86_400_000).toISOString();
    const user: FakeUser = {
      id: `de3a0000-0000-4000-8000-00000000000${i + 1}`,
      displayName: `${givenName} ${surname}`,
      givenName,
      surname,
      mail: address,
      userPrincipalName: address,
      jobTitle,
      accountEnabled: true,
      userType: 'Member',
      assignedLicenses: [{ skuId: KNOWN_SKUS[sku].skuId, disabledPlans: [] }],
      createdDateTime: created,
    };
    // A new hire whose account was created this week and who has not signed in yet: not an inactive account.
    if (i < ARRIVALS.length - 1)
      user.signInActivity = { lastSignInDateTime: signIn, lastNonInteractiveSignInDateTime: signIn, lastSuccessfulSignInDateTime: signIn };
    data.users.push(user);
    huma.memberIds.push(user.id);
    changes.push(`HUMA: ${user.displayName} arrives (${KNOWN_SKUS[sku].displayName})${user.signInActivity ? '' : ', not signed in yet'}`);
  });

  const leaver = pick('PDM', (u) => u.assignedLicenses.length > 0);
  const pdm = staffGroup('PDM');
  pdm.memberIds = pdm.memberIds.filter((id) => id !== leaver.id);
  data.users = data.users.filter((u) => u.id !== leaver.id);
  changes.push(`PDM: ${leaver.displayName} leaves, account deleted (${leaver.assignedLicenses.map((l) => skuName(l.skuId)).join(', ')} freed)`);

  const powerBi = KNOWN_SKUS.POWER_BI_PRO.skuId;
  const analyst = pick('SIEGE', (u) => u.accountEnabled && !u.assignedLicenses.some((l) => l.skuId === powerBi));
  analyst.assignedLicenses.push({ skuId: powerBi, disabledPlans: [] });
  changes.push(`SIEGE: ${analyst.displayName} gets ${KNOWN_SKUS.POWER_BI_PRO.displayName}`);

  const downsized = pick('CEPSJ', (u) => u.accountEnabled && u.assignedLicenses.some((l) => PAID.has(l.skuId)));
  const removed = downsized.assignedLicenses.find((l) => PAID.has(l.skuId));
  downsized.assignedLicenses = downsized.assignedLicenses.filter((l) => l !== removed);
  changes.push(`CEPSJ: ${downsized.displayName} loses ${skuName(removed?.skuId ?? '')}`);

  const e3 = KNOWN_SKUS.ENTERPRISEPACK.skuId;
  const disabled = pick('SIEGE', (u) => u.accountEnabled && u.assignedLicenses.some((l) => l.skuId === e3));
  disabled.accountEnabled = false;
  changes.push(`SIEGE: ${disabled.displayName}'s account is disabled but still holds ${KNOWN_SKUS.ENTERPRISEPACK.displayName}`);
  changes.push(...addSecondMonthWaste(data, now, touched));
  return changes;
}
