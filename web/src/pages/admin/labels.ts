import { PROVINCE_LABELS, PROVINCES } from '#contract/provinces';

export const TYPE_LABELS = { admin: 'Sector', school: 'School', service: 'Dienst' } as const;
export const TRACK_LABELS = {
  secondary: 'Secundair (7de jaar, 3de graad)',
  adult: 'Volwassenenonderwijs (CVO)',
  dual: 'Duaal leren',
} as const;
export const SECTOR_LABELS = { social_profit: 'Social profit', local_government: 'Lokaal bestuur' } as const;
export const STATUS_LABELS = {
  invited: 'Uitgenodigd',
  active: 'Actief',
  deactivated: 'Gedeactiveerd',
} as const;

export const provinceOptions = PROVINCES.map((p) => ({ value: p, label: PROVINCE_LABELS[p] }));
export const optionsOf = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
export { PROVINCE_LABELS };

export interface Organisation {
  id: string;
  type: keyof typeof TYPE_LABELS;
  name: string;
  email: string;
  address?: { street: string; postcode: string; city: string };
  province?: keyof typeof PROVINCE_LABELS;
  sector?: keyof typeof SECTOR_LABELS;
  tracks?: (keyof typeof TRACK_LABELS)[];
  active: boolean;
}

export interface Person {
  id: string;
  email: string;
  name: string;
  status: keyof typeof STATUS_LABELS;
  invitedAt: string;
  activatedAt?: string;
}
