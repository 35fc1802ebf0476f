// Entra ID groups of the sample association and the rows of its 'Sites' list:
// staff groups (two with nested sub-groups), correspondents groups (one user
// serving two sites, one correspondent reached only through a nested group),
// a site whose staff group was deleted, an inactive row and a malformed row.
import type { FakeGroup, FakeUser } from '../types.js';
import type { Prng } from './prng.js';

export interface SiteRow {
  Title: string;
  SiteCode: string;
  MembersGroupId: string | null;
  CorrespondentsGroupId: string | null;
  /** null = column empty on old rows: treated as active. */
  Active: boolean | null;
}

export const SAMPLE_SITES: Array<[name: string, code: string, members: number]> = [
  ['SIEGE SOCIAL', 'SIEGE', 35],
  ['PROTECTION DES MAJEURS', 'PDM', 37],
  ['APF', 'APF', 112],
  ['HUMALLIANCE', 'HUMA', 12],
  ['AT65', 'AT65', 24],
  ['CEF CHEMINS DU SUD', 'CEFCS', 42],
  ['CEF LA POUJADE', 'CEFLP', 34],
  ['CEP SAINT JEAN', 'CEPSJ', 131],
  ['CEP GARONA', 'CEPGA', 32],
  ['DDAEOMI 31', 'DDA31', 105],
  ['DDAEOMI 32', 'DDA32', 24],
];

type Member = FakeUser | FakeGroup;
type MakeGroup = (displayName: string, members: Member[]) => FakeGroup;

export function buildSampleGroups(at: (code: string, i: number) => FakeUser, staff: Map<string, FakeUser[]>, group: MakeGroup, prng: Prng): SiteRow[] {
  const list = (code: string): FakeUser[] => staff.get(code) ?? [];
  const staffGroup = (name: string, code: string): FakeGroup => {
    const all = list(code);
    if (code === 'APF') {
      // 40 users only through a nested group; one user both direct and nested (counted once).
      const foyer = group(`Personnel ${name} - Foyer d'hébergement`, all.slice(71));
      return group(`Personnel ${name}`, [...all.slice(0, 72), foyer]);
    }
    if (code === 'CEPSJ') {
      // Two levels of nesting: Internat contains the night watch group.
      const nuit = group(`Personnel ${name} - Veilleurs de nuit`, all.slice(120));
      const internat = group(`Personnel ${name} - Internat`, [...all.slice(70, 120), nuit]);
      return group(`Personnel ${name}`, [...all.slice(0, 70), internat]);
    }
    return group(`Personnel ${name}`, all);
  };

  const itTech = at('SIEGE', 5);
  const cefDirection = group('Direction des CEF', [at('CEFLP', 0)]);
  const correspondents = (code: string, index: number): Member[] => {
    if (code === 'HUMA' || code === 'AT65') return [itTech, at(code, 1)];
    if (code === 'CEFCS') return [at(code, 1), cefDirection];
    const count = 1 + (index % 3);
    return [0, 1, 2].slice(0, count).map((i) => at(code, i));
  };

  const rows: SiteRow[] = SAMPLE_SITES.map(([name, code], index) => ({
    Title: name,
    SiteCode: code,
    MembersGroupId: staffGroup(name, code).id,
    CorrespondentsGroupId: group(`Correspondants ${name}`, correspondents(code, index)).id,
    Active: code === 'HUMA' || code === 'CEPGA' || code === 'DDA32' ? null : true,
  }));

  // Active, but its staff group was deleted from Entra ID: Graph answers 404.
  const deletedGroupId = prng.guid();
  rows.push({
    Title: 'FOYER LES PINS',
    SiteCode: 'FLP',
    MembersGroupId: deletedGroupId,
    CorrespondentsGroupId: group('Correspondants FOYER LES PINS', [at('SIEGE', 6)]).id,
    Active: true,
  });
  // Closed establishment: must not be read at all.
  rows.push({
    Title: 'ESAT LES CEDRES',
    SiteCode: 'ESAT',
    MembersGroupId: group('Personnel ESAT LES CEDRES', list('SIEGE').slice(20, 23)).id,
    CorrespondentsGroupId: group('Correspondants ESAT LES CEDRES', [at('SIEGE', 0)]).id,
    Active: false,
  });
  // Malformed: someone forgot the staff group id.
  rows.push({
    Title: 'SITE SANS GROUPE',
    SiteCode: 'SSG',
    MembersGroupId: null,
    CorrespondentsGroupId: group('Correspondants SITE SANS GROUPE', [at('SIEGE', 1)]).id,
    Active: true,
  });
  return rows;
}
