import { managersOf } from './memberships';
import { listOrganisations } from './store';

/**
 * Where mails for the sector's team go: its active people, or the organisation's own address. The
 * national team's only: regional teams (with provinces) answer for their provinces, not for these.
 */
export async function adminAddresses(): Promise<string[]> {
  const organisations = (await listOrganisations('admin')).filter((o) => o.active && !o.provinces?.length);
  const addresses = await Promise.all(
    organisations.map(async (o) => {
      const people = await managersOf(o.id);
      return people.length > 0 ? people.map((p) => p.email) : [o.email];
    }),
  );
  return [...new Set(addresses.flat())];
}
