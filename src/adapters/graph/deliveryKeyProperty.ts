/**
 * The single-value extended property that carries a message's delivery key: a `String` property
 * named in a property set of our own (a fixed GUID, used by nothing else). Graph finds a message by
 * it with `$filter=singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…')`; custom
 * X- headers can be sent but not filtered on (learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get;
 * microsoft-graph-docs#3766). Never change it: the keys of earlier months' messages are under it.
 * The Name in the id is case-sensitive in a filter.
 */
export const DELIVERY_KEY_PROPERTY_ID = 'String {14716ef6-3208-4584-a157-e935b09db35b} Name m365LicenseReportDeliveryKey';
