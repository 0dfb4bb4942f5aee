import { cognitoLogins } from '#accounts/cognito';
import type { Organisation } from '#contract/organisations';
import type { LocalStack } from '#local/stack';
import { createPerson, putIdentity } from '#organisations/people-store';
import { putOrganisation } from '#organisations/store';

/** An admin with a real login on the bench's stack, and a way to call the API as them. */
export async function benchAdmin(stack: Pick<LocalStack, 'appUrl'>) {
  const stamp = new Date().toISOString();
  const admin: Organisation = {
    id: 'bench-admin',
    type: 'admin',
    name: 'Bench admin',
    email: 'bench-admin@bench.example',
    active: true,
    createdAt: stamp,
    updatedAt: stamp,
  };
  await putOrganisation(admin);
  const person = {
    id: 'bench-admin-p',
    organisationId: admin.id,
    email: admin.email,
    name: 'Bench admin',
    status: 'active' as const,
    invitedAt: stamp,
  };
  await createPerson(person).catch(() => {});
  const sub = await cognitoLogins.ensure(admin.email);
  await cognitoLogins.setPassword(admin.email, 'bench wachtwoord lang');
  await putIdentity(sub, person, 'admin');
  const token = (await cognitoLogins.authenticate(admin.email, 'bench wachtwoord lang'))!.accessToken;
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${stack.appUrl}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  return { api };
}
