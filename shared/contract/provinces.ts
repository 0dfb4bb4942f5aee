/** The provinces a service sits in and a student wants to do the internship in (Brussels counts as one). */
export const PROVINCES = [
  'antwerpen',
  'limburg',
  'oost-vlaanderen',
  'vlaams-brabant',
  'west-vlaanderen',
  'brussel',
] as const;
export type Province = (typeof PROVINCES)[number];

export const PROVINCE_LABELS: Record<Province, string> = {
  antwerpen: 'Antwerpen',
  limburg: 'Limburg',
  'oost-vlaanderen': 'Oost-Vlaanderen',
  'vlaams-brabant': 'Vlaams-Brabant',
  'west-vlaanderen': 'West-Vlaanderen',
  brussel: 'Brussel',
};

const RANGES: [number, number, Province][] = [
  [1000, 1299, 'brussel'],
  [1500, 1999, 'vlaams-brabant'],
  [2000, 2999, 'antwerpen'],
  [3000, 3499, 'vlaams-brabant'],
  [3500, 3999, 'limburg'],
  [8000, 8999, 'west-vlaanderen'],
  [9000, 9999, 'oost-vlaanderen'],
];

/** The province a postcode lies in, or null for Wallonia and anything unknown. */
export function provinceOfPostcode(postcode: string): Province | null {
  if (!/^\d{4}$/.test(postcode)) return null;
  const n = Number(postcode);
  return RANGES.find(([from, to]) => n >= from && n <= to)?.[2] ?? null;
}
