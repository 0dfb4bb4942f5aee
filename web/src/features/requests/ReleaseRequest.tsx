import { useState } from 'react';
import type { RequestDetail } from '#contract/requests';
import { api } from '../../api/client';
import { Writable } from '../../app/auth/Writable';
import { longDate } from '../../ui/format';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { requestQuery } from './queries';

/**
 * Acceptance is final for the service; when the placement falls through anyway, the service asks
 * the sector to release it (with a reason) and sees here how the sector answered.
 */
export function ReleaseRequest({ detail: d }: { detail: RequestDetail }) {
  const [open, setOpen] = useState(false);
  const request = d.releaseRequest ?? null;
  const name = `${d.firstName} ${d.lastName}`;
  return (
    <div className="release-request">
      {request?.status === 'pending' ? (
        <p className="alert" role="status">
          Je vroeg de sector op {longDate(request.requestedAt)} om deze plaatsing vrij te geven. Reden:{' '}
          {request.reason}
        </p>
      ) : (
        <>
          {request?.status === 'declined' && (
            <p className="alert alert-warn" role="status">
              De sector gaf de plaatsing niet vrij
              {request.resolvedAt ? ` (${longDate(request.resolvedAt)})` : ''}. Reden: {request.declineReason}
            </p>
          )}
          <Writable>
            <button type="button" className="secondary" onClick={() => setOpen(true)}>
              Plaatsing valt weg — vraag de sector om ze vrij te geven
            </button>
          </Writable>
        </>
      )}
      {open && (
        <ReasonDialog
          title={`Plaatsing van ${name} valt weg`}
          submitLabel="Vraag versturen"
          action={(reason) =>
            api('POST /api/requests/{studentId}/release-request', {
              path: { studentId: d.id },
              body: { reason },
            })
          }
          invalidates={[requestQuery(d.id).queryKey]}
          onClose={() => setOpen(false)}
        >
          <p>
            Een aanvaarding kan je zelf niet ongedaan maken. Valt de plaatsing toch weg (het team sluit, de
            leerling verhuist, een vergissing)? Vraag de sector dan om ze vrij te geven: de leerling staat
            daarna opnieuw zonder plaats, en jullie zien de persoonsgegevens niet meer.
          </p>
        </ReasonDialog>
      )}
    </div>
  );
}
