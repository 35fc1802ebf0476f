import { ADD_FIELD_OPTIONS, fieldSchemaXml } from './fieldSchemaXml.js';
import type { ListSpec } from './listSchema.js';
import { planList, type ListPlan } from './planList.js';
import type { SharePointAdmin } from './sharePointAdmin.js';

export interface ListOutcome extends ListPlan {
  /** Added columns SharePoint stored under another internal name than asked (it was taken by a hidden field). */
  renamed: { asked: string; got: string }[];
}

/** Creates what is missing, list by list, column by column; changes nothing that exists. */
export async function setUpLists(sharePoint: SharePointAdmin, specs: readonly ListSpec[]): Promise<ListOutcome[]> {
  const outcomes: ListOutcome[] = [];
  for (const spec of specs) {
    const plan = planList(spec, await sharePoint.listFields(spec.title));
    if (plan.createList) await sharePoint.createList(spec.title, spec.description);
    const renamed: ListOutcome['renamed'] = [];
    for (const column of plan.add) {
      const created = await sharePoint.addField(spec.title, fieldSchemaXml(column), ADD_FIELD_OPTIONS);
      if (created.InternalName !== column.internalName) renamed.push({ asked: column.internalName, got: created.InternalName });
    }
    outcomes.push({ ...plan, renamed });
  }
  return outcomes;
}
