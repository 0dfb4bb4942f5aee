import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client';
import { TRACK_LABELS } from '../school/labels';

const PHASES = { closed: 'Gesloten', preferred: 'Ronde voorkeursdienst', all: 'Alle leerlingen' } as const;

/** The admin opens and closes what services see, per track. */
export function PhasesPage() {
  const [tracks, setTracks] = useState<{ track: string; phase: string }[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    void api<{ items: { track: string; phase: string }[] }>('/tracks').then((r) => setTracks(r.items));
  }, []);
  async function change(track: string, phase: string) {
    try {
      await api(`/tracks/${track}/phase`, { method: 'PUT', json: { phase } });
      setTracks((all) => all.map((t) => (t.track === track ? { track, phase } : t)));
      setNotice(`${TRACK_LABELS[track]}: ${PHASES[phase as keyof typeof PHASES]}.`);
    } catch (e) {
      setNotice(e instanceof ApiError ? e.message : 'Wijzigen lukte niet.');
    }
  }
  return (
    <section className="narrow">
      <h1>Rondes</h1>
      <p>Kies per opleidingsvorm wat de diensten zien.</p>
      {notice && (
        <div className="alert alert-ok" role="status">
          {notice}
        </div>
      )}
      <table className="table">
        <tbody>
          {tracks.map((t) => (
            <tr key={t.track}>
              <th scope="row">{TRACK_LABELS[t.track]}</th>
              <td>
                <select
                  aria-label={`Fase van ${TRACK_LABELS[t.track]}`}
                  value={t.phase}
                  onChange={(e) => void change(t.track, e.target.value)}
                >
                  {Object.entries(PHASES).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
