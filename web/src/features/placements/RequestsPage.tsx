import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { FilterSearch, FilterSelect } from '../../forms/filters';
import { useQueryFilters } from '../../forms/useQueryFilters';
import { PROVINCE_LABELS, provinceOptions } from '../admin/labels';
import { TRACK_LABELS, TRANSPORT_LABELS } from '../school/labels';
import { AcceptDialog } from './AcceptDialog';
import { RequestRow } from './RequestRow';
import type { Contact, RequestItem } from './types';

const TRACKS = ['secondary', 'adult'] as const;
const PHASE_TEXT: Record<string, string> = {
  closed: 'Deze ronde is nog niet open: er zijn nog geen leerlingen te zien.',
  preferred:
    'Ronde "voorkeursdienst": je ziet de leerlingen van je provincie die jouw dienst als voorkeur kozen.',
  all: 'Alle leerlingen zonder stageplaats zijn zichtbaar.',
};

/** A service's students: those it may still place, and those it accepted. */
export function RequestsPage() {
  const filters = useQueryFilters();
  const { params, set, list, toggle, query } = filters;
  const track = params.get('track') ?? 'secondary';
  const tab = params.get('tab') ?? 'open';
  const [items, setItems] = useState<RequestItem[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [phase, setPhase] = useState<string | null>(null);
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [accepting, setAccepting] = useState<RequestItem | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const withDefaults = new URLSearchParams(query);
  withDefaults.set('track', track);
  withDefaults.set('tab', tab);
  const queryString = withDefaults.toString();

  const load = useCallback(
    async (cursor?: string) => {
      const page = await api<{ items: RequestItem[]; nextCursor: string | null; total: number }>(
        `/requests?${queryString}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      setItems((current) => (cursor ? [...current, ...page.items] : page.items));
      setNext(page.nextCursor);
      setTotal(page.total);
    },
    [queryString],
  );

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    void api<{ items: Contact[] }>('/contacts').then((r) => setContacts(r.items));
    void api<{ items: { track: string; phase: string }[] }>('/tracks').then((r) =>
      setPhase(r.items.find((t) => t.track === track)?.phase ?? 'closed'),
    );
  }, [track]);

  const remove = (id: string, message: string) => {
    setItems((current) => current.filter((i) => i.id !== id));
    setTotal((t) => (t === null ? t : t - 1));
    setNotice({ kind: 'error', text: message });
  };

  return (
    <>
      <h1>Stagevragen</h1>
      <div className="tabs" role="tablist" aria-label="Opleidingsvorm">
        {TRACKS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={track === t}
            className={track === t ? '' : 'secondary'}
            onClick={() => set('track', t)}
          >
            {TRACK_LABELS[t]}
          </button>
        ))}
      </div>
      <div className="tabs" role="tablist" aria-label="Lijst">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'open'}
          className={tab === 'open' ? '' : 'secondary'}
          onClick={() => set('tab', 'open')}
        >
          Zonder stageplaats
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'accepted'}
          className={tab === 'accepted' ? '' : 'secondary'}
          onClick={() => set('tab', 'accepted')}
        >
          Aanvaard door ons
        </button>
      </div>
      {tab === 'open' && phase && <p className="hint">{PHASE_TEXT[phase]}</p>}
      {contacts.length === 0 && tab === 'open' && (
        <div className="alert alert-warn">
          Voeg eerst een contactpersoon toe: die kies je bij het aanvaarden.
        </div>
      )}
      <div className="filters">
        <FilterSearch label="Naam" name="name" filters={filters} />
        <FilterSearch label="School" name="school" filters={filters} />
        <label>
          Postcode of regio
          <input
            inputMode="numeric"
            maxLength={4}
            placeholder="bv. 90 of 9000"
            defaultValue={params.get('postcode') ?? ''}
            onChange={(e) => set('postcode', /^\d{2,4}$/.test(e.target.value) ? e.target.value : '')}
          />
        </label>
        <FilterSelect
          label="Sorteren"
          name="sort"
          filters={filters}
          all="Provincie, postcode, naam"
          options={[
            { value: 'name', label: 'Naam a-z' },
            { value: '-name', label: 'Naam z-a' },
            { value: 'postcode', label: 'Postcode' },
            { value: '-registered', label: 'Laatst ingevoerd eerst' },
          ]}
        />
        <fieldset className="checks">
          <legend>Provincie</legend>
          {provinceOptions.map((o) => (
            <label key={o.value} className="checkbox">
              <input
                type="checkbox"
                checked={list('province').includes(o.value)}
                onChange={() => toggle('province', o.value)}
              />{' '}
              {o.label}
            </label>
          ))}
        </fieldset>
        <fieldset className="checks">
          <legend>Vervoer</legend>
          {Object.entries(TRANSPORT_LABELS).map(([value, label]) => (
            <label key={value} className="checkbox">
              <input
                type="checkbox"
                checked={list('transport').includes(value)}
                onChange={() => toggle('transport', value)}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
      </div>
      {notice && (
        <div className={`alert alert-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </div>
      )}
      {total !== null && (
        <p>
          {total} {total === 1 ? 'leerling' : 'leerlingen'}
          {list('province').length > 0 &&
            ` in ${list('province')
              .map((p) => PROVINCE_LABELS[p as keyof typeof PROVINCE_LABELS])
              .join(', ')}`}
        </p>
      )}
      {items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Leerling</th>
              <th scope="col">School</th>
              <th scope="col">Woonplaats</th>
              <th scope="col">Periodes</th>
              <th scope="col">Vervoer</th>
              <th scope="col">Uren</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Meer info</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <RequestRow
                key={item.id}
                item={item}
                onAccept={() => setAccepting(item)}
                onGone={(m) => remove(item.id, m)}
              />
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <button type="button" className="secondary" onClick={() => void load(next)}>
          Meer leerlingen laden
        </button>
      )}
      {accepting && (
        <AcceptDialog
          student={accepting}
          contacts={contacts}
          onClose={() => setAccepting(null)}
          onAccepted={(detail) => {
            setAccepting(null);
            setItems((current) => current.filter((i) => i.id !== detail.id));
            setNotice({
              kind: 'ok',
              text: `${detail.firstName} ${detail.lastName} is aanvaard. Je vindt de leerling bij "Aanvaard door ons".`,
            });
          }}
          onTakenElsewhere={(message) => {
            const id = accepting.id;
            setAccepting(null);
            remove(id, message);
          }}
        />
      )}
    </>
  );
}
