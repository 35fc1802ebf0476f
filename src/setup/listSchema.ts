import type { Config } from '../config/Config.js';

/** SharePoint field types the app reads (TypeAsString). */
export type ColumnType = 'Text' | 'Boolean' | 'Number';

export interface ColumnSpec {
  /** Internal name, from the setting: what the app selects. */
  internalName: string;
  /** Column header people see in SharePoint. */
  displayName: string;
  type: ColumnType;
  /** The setting that names the column, for messages. */
  setting: string;
  /** Other field types the app reads as well (MonthlyPrice as text "25,30"). */
  alsoReads?: readonly string[];
}

export interface ListSpec {
  title: string;
  titleSetting: string;
  description: string;
  columns: ColumnSpec[];
}

type ListsConfig = Pick<Config, 'sitesListTitle' | 'pricesListTitle' | 'siteColumns' | 'priceColumns'>;

const text = (internalName: string, displayName: string, setting: string): ColumnSpec => ({
  internalName,
  displayName,
  type: 'Text',
  setting,
  alsoReads: ['Note'],
});

/** The two lists the app reads, with the titles and internal names the settings give them. */
export function expectedLists(config: ListsConfig): ListSpec[] {
  const s = config.siteColumns;
  const p = config.priceColumns;
  return [
    {
      title: config.sitesListTitle,
      titleSetting: 'SITES_LIST_TITLE',
      description: 'm365-license-report: one row per establishment (site)',
      columns: [
        text(s.name, 'Site name', 'SITES_COLUMN_NAME'),
        text(s.code, 'Site code', 'SITES_COLUMN_CODE'),
        text(s.membersGroupId, 'Staff group id', 'SITES_COLUMN_MEMBERS_GROUP'),
        text(s.correspondentsGroupId, 'IT correspondents group id', 'SITES_COLUMN_CORRESPONDENTS_GROUP'),
        { internalName: s.active, displayName: 'Active', type: 'Boolean', setting: 'SITES_COLUMN_ACTIVE' },
      ],
    },
    {
      title: config.pricesListTitle,
      titleSetting: 'PRICES_LIST_TITLE',
      description: 'm365-license-report: monthly price excl. VAT of each license',
      columns: [
        text(p.commercialName, 'License name', 'PRICES_COLUMN_NAME'),
        text(p.skuPartNumber, 'SKU part number', 'PRICES_COLUMN_SKU_PART_NUMBER'),
        text(p.skuId, 'SKU id', 'PRICES_COLUMN_SKU_ID'),
        { internalName: p.monthlyPrice, displayName: 'Monthly price', type: 'Number', setting: 'PRICES_COLUMN_MONTHLY_PRICE', alsoReads: ['Currency', 'Text'] },
      ],
    },
  ];
}
