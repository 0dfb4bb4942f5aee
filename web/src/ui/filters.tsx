import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { useQueryFilters } from './useQueryFilters';

type Filters = ReturnType<typeof useQueryFilters>;

/** A dropdown filter kept in the URL; the first option ("Alle") clears it. */
export function FilterSelect({
  label,
  name,
  filters,
  options,
  all = 'Alle',
}: {
  label: string;
  name: string;
  filters: Filters;
  options: { value: string; label: string }[];
  all?: string | null;
}) {
  return (
    <label>
      {label}
      <select value={filters.params.get(name) ?? ''} onChange={(e) => filters.set(name, e.target.value)}>
        {all !== null && <option value="">{all}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FilterSearch({ label, name, filters }: { label: string; name: string; filters: Filters }) {
  return (
    <label>
      {label}
      <input
        type="search"
        defaultValue={filters.params.get(name) ?? ''}
        onChange={(e) => filters.set(name, e.target.value)}
      />
    </label>
  );
}

/** Loads a list whenever its query changes, and says so when it could not. */
export function useListQuery<T>(path: string, query: string) {
  const [items, setItems] = useState<T[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    setFailed(false);
    api<{ items: T[] }>(`${path}${query ? `?${query}` : ''}`)
      .then((r) => setItems(r.items))
      .catch(() => setFailed(true));
  }, [path, query]);
  return { items, failed };
}

export function ListFailed({ failed }: { failed: boolean }) {
  if (!failed) return null;
  return (
    <div className="alert alert-error" role="alert">
      De lijst kon niet geladen worden. Probeer het opnieuw.
    </div>
  );
}
