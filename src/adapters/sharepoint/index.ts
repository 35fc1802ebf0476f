export { createListReader } from './createListReader.js';
export type { SharePointConfig, SharePointOptions } from './createSharePointWeb.js';
