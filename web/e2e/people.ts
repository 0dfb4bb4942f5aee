import { inject } from 'vitest';
import type { Organisation } from '#contract/organisations';
import type { SessionToken } from '#contract/session';
import { linkInLatestMail } from './mailbox';

/** A POST to the API; the answer typed as the contract says (Node's fetch leaves it `unknown`). */
const api = async <T>(path: string, body: unknown, token?: string): Promise<T> => {
  const res = await fetch(`${inject('appUrl')}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

export const call = api;

/** A person of a new organisation, invited and activated through the product's own API and mail. */
export async function personOf(organisation: Record<string, unknown>, name: string, address?: string) {
  const admin = await api<SessionToken>('/auth/login', inject('admin'));
  const org = await api<Organisation>('/organisations', organisation, admin.accessToken);
  const email =
    address ?? `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now().toString(36)}@e2e.example`;
  await api(`/organisations/${org.id}/members`, { email, name }, admin.accessToken);
  const url = new URL(await linkInLatestMail(email));
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? url.searchParams.get('token');
  const password = 'een lange zin voor de test';
  const signedIn = await api<SessionToken>('/auth/activate', { token, password });
  return { email, password, organisation: org, accessToken: signedIn.accessToken };
}

export const schoolOrganisation = (tracks = ['secondary']) => ({
  type: 'school',
  name: `Sint-Lutgardis ${Date.now().toString(36)}`,
  email: 'info@lutgardis.example',
  tracks,
  address: { street: 'Schoolstraat 1', postcode: '8000', city: 'Brugge' },
});

export const serviceOrganisation = (name: string) => ({
  type: 'service',
  name: `${name} ${Date.now().toString(36)}`,
  email: 'info@dienst.example',
  province: 'west-vlaanderen',
  sector: 'social_profit',
  address: { street: 'Markt 1', postcode: '8000', city: 'Brugge' },
});

export const adminToken = async () => (await api<SessionToken>('/auth/login', inject('admin'))).accessToken;

export async function put(path: string, body: unknown, token: string) {
  const res = await fetch(`${inject('appUrl')}/api${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * What a school sends to enter a student: a 7th-year student in Brugge with one block period in
 * October, unless the test says otherwise (`student` for the person, `internship` for the request).
 * Another track than secondary has no programme.
 */
export function studentBody(
  supervisorId: string,
  student: { lastName: string; nationalNumber: string } & Record<string, unknown>,
  internship: Record<string, unknown> = {},
) {
  const secondary = (student.track ?? 'secondary') === 'secondary';
  return {
    track: 'secondary',
    ...(secondary ? { programme: 'seventh_year' } : {}),
    firstName: 'Lotte',
    email: 'lotte@leerling.example',
    phone: '0470 12 34 56',
    address: { street: 'Markt 3', postcode: '8000', city: 'Brugge' },
    province: 'west-vlaanderen',
    transport: ['bike'],
    ...student,
    internship: {
      supervisorId,
      form: 'block',
      hoursPerWeek: 19,
      totalHours: 80,
      periods: [{ start: '2026-10-05', end: '2026-10-30' }],
      ...internship,
    },
  };
}
