/**
 * ESSGLOBAL terms as they appear in SEA / Mykomap CSV cells (issue 13):
 * the v4 schema allows a full concept URI
 * (`http://purl.org/essglobal/standard/organisational-structure/OS60`), a
 * prefixed term (`os:OS60`), a bare identifier (`OS60`), and older files
 * carry the English label ("Workers co-operative"). The codes and labels
 * below are those of the ESSGLOBAL vocabularies (RIPESS, map-sse;
 * `../shared/vocab/essglobal/`).
 */

export const ORGANISATIONAL_STRUCTURE_BASE = 'http://purl.org/essglobal/standard/organisational-structure/'

/** organisational-structure.skos: code → English label. */
export const ORGANISATIONAL_STRUCTURES: Readonly<Record<string, string>> = {
  OS10: 'Community group (formal or informal)',
  OS20: 'Not-for-profit organisation',
  OS30: 'Social enterprise',
  OS40: 'Charity',
  OS50: 'Company (Other)',
  OS60: 'Workers co-operative',
  OS70: 'Housing co-operative',
  OS80: 'Consumer/User coop',
  OS90: 'Producer co-operative',
  OS100: 'Multi-stakeholder co-operative',
  OS110: 'Secondary co-operative',
  OS115: 'Co-operative',
  OS120: 'Community Interest Company (CIC)',
  OS130: 'Community Benefit Society / Industrial and Provident Society (IPS)',
  OS140: 'Employee trust',
  OS150: 'Self-employed',
  OS160: 'Unincorporated',
  OS170: 'Mutual',
  OS180: 'National apex',
  OS190: 'National sectoral federation or union',
  OS200: 'Regional, state or provincial level federation or union',
  OS210: 'Cooperative group',
  OS220: 'Government agency/body',
  OS230: 'Supranational',
  OS240: 'Cooperative of cooperatives / mutuals'
}

/**
 * Activities: activities-ica.skos (ICA…, the ICA sectors) and
 * activities-modified.skos (AM…, the sectors Mykomap maps use), code →
 * English label.
 */
export const ACTIVITIES: Readonly<Record<string, string>> = {
  ICA10: 'Agriculture', ICA20: 'Dairy', ICA30: 'Forestry', ICA40: 'Irrigation', ICA50: 'Fishing', ICA60: 'Artisans',
  ICA70: 'Construction', ICA80: 'Industry', ICA90: 'Manufacturing', ICA100: 'Mining', ICA110: 'Professional', ICA120: 'Service',
  ICA130: 'Tourism', ICA140: 'Financial Services', ICA150: 'Insurance', ICA160: 'Education', ICA170: 'Health', ICA180: 'Community',
  ICA190: 'Social', ICA200: 'Social Service', ICA210: 'Housing', ICA220: 'Transport', ICA230: 'Utilities', ICA240: 'Retail',
  ICA250: 'Production', ICA260: 'Wholesale and retail trade', ICA270: 'Education / health / social work', ICA280: 'Other Services', ICA290: 'All',
  AM10: 'Arts, Media, Culture & Leisure', AM20: 'Campaigning, Activism & Advocacy', AM30: 'Community & Collective Spaces', AM40: 'Education',
  AM50: 'Energy', AM60: 'Food', AM70: 'Goods & Services', AM80: 'Health, Social Care & Wellbeing', AM90: 'Housing', AM100: 'Money & Finance',
  AM110: 'Nature, Conservation & Environment', AM120: 'Reduce, Reuse, Repair & Recycle', AM130: 'Agriculture', AM140: 'Industry',
  AM150: 'Utilities', AM160: 'Transport'
}

/** The last segment of a URI or prefixed term (`…/OS60`, `os:OS60`, `…#OS60`): what the code tables are keyed by. */
export function termCode(value: string): string {
  const cut = Math.max(value.lastIndexOf('/'), value.lastIndexOf('#'), value.lastIndexOf(':'))
  return value.slice(cut + 1).trim()
}

/** The code of a term in `table`, given as URI, prefixed term, code or English label (any case); undefined if it is none of them. */
export function codeIn(table: Readonly<Record<string, string>>, value: string): string | undefined {
  const code = termCode(value).toUpperCase()
  if (Object.hasOwn(table, code)) return code
  const label = value.trim().toLowerCase()
  return Object.keys(table).find((key) => (table[key] as string).toLowerCase() === label)
}
