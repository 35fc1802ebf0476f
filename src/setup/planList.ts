import type { ColumnSpec, ListSpec } from './listSchema.js';

/** A field as SharePoint lists it (GET .../fields?$select=InternalName,Title,TypeAsString,Hidden). */
export interface ExistingField {
  InternalName: string;
  Title: string;
  TypeAsString: string;
  Hidden?: boolean;
}

export interface ListPlan {
  title: string;
  createList: boolean;
  /** Columns to add, in the order of the spec. */
  add: ColumnSpec[];
  /** Columns already there with a type the app reads (`actual`: SharePoint's TypeAsString). */
  present: { column: ColumnSpec; actual: string }[];
  /** Columns there under the right internal name but of a type the app cannot rely on: left as they are. */
  wrongType: { column: ColumnSpec; actual: string }[];
  /** Columns not added because one with a close name exists (Site Code vs SiteCode): the setting is probably meant to name it. */
  nearMiss: { column: ColumnSpec; found: ExistingField }[];
}

/**
 * "Site Code", "Site_x0020_Code", "site_code" and "SiteCode" all look alike to a person, as do "Période"
 * and "Periode" (SharePoint encodes each character it cannot keep in an internal name as _xHHHH_).
 */
export function looseColumnName(name: string): string {
  const decoded = name.replace(/_x([0-9a-f]{4})_/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return decoded
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\s_-]/g, '')
    .toLowerCase();
}
const looseName = looseColumnName;

/** What `setup -- lists` must do for one list. Never removes, renames or retypes anything. */
export function planList(spec: ListSpec, existing: readonly ExistingField[] | undefined): ListPlan {
  const plan: ListPlan = { title: spec.title, createList: existing === undefined, add: [], present: [], wrongType: [], nearMiss: [] };
  const fields = (existing ?? []).filter((f) => !f.Hidden);
  for (const column of spec.columns) {
    if (existing === undefined) {
      if (column.internalName === 'Title')
        plan.present.push({ column, actual: 'Text' }); // every new list has one
      else plan.add.push(column);
      continue;
    }
    const exact = fields.find((f) => f.InternalName === column.internalName);
    if (exact) {
      const reads = exact.TypeAsString === column.type || (column.alsoReads ?? []).includes(exact.TypeAsString);
      if (reads) plan.present.push({ column, actual: exact.TypeAsString });
      else plan.wrongType.push({ column, actual: exact.TypeAsString });
      continue;
    }
    const close = fields.find((f) => looseName(f.InternalName) === looseName(column.internalName) || looseName(f.Title) === looseName(column.internalName));
    if (close) plan.nearMiss.push({ column, found: close });
    else plan.add.push(column);
  }
  return plan;
}
