import { UNREACHABLE_LABELS, unreachableSince } from '#contract/bounce-labels';
import type { Unreachable } from '#contract/bounces';

/**
 * "e-mailadres onbereikbaar sinds 03/10/2026" under an address whose mails no longer arrive
 * (bounced for good, or reported as spam), with the reason. Nothing while the address works.
 */
export function UnreachableNote({ unreachable }: { unreachable?: Unreachable }) {
  if (!unreachable) return null;
  return (
    <span className="badge badge-long badge-warn" title={unreachable.detail}>
      {unreachableSince(unreachable)} ({UNREACHABLE_LABELS[unreachable.reason]})
    </span>
  );
}

/** A person's e-mail address as a table cell, with the note under it while mail does not arrive. */
export function EmailCell({ email, unreachable }: { email: string; unreachable?: Unreachable }) {
  return (
    <td data-label="E-mailadres">
      {email}
      {unreachable && (
        <>
          <br />
          <UnreachableNote unreachable={unreachable} />
        </>
      )}
    </td>
  );
}
