import type { MailingInput } from '#contract/mailings';
import type { Organisation } from '#contract/organisations';

/** The organisations a mailing goes to: active ones of the group, narrowed by province or track. */
export function addressees(to: MailingInput['to'], organisations: Organisation[]): Organisation[] {
  const type = to.group === 'services' ? 'service' : 'school';
  return organisations.filter(
    (o) =>
      o.type === type &&
      o.active !== false &&
      (!to.province || o.province === to.province) &&
      (!to.track || (o.tracks ?? []).includes(to.track)),
  );
}

/** The body as paragraphs: an empty line between two paragraphs, as people type them. */
export const paragraphsOf = (body: string) =>
  body
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
