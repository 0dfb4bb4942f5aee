import type { Option } from '../labels';
import type { QueryFilters } from './useQueryFilters';

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
  filters: QueryFilters;
  options: Option[];
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

export function FilterSearch({
  label,
  name,
  filters,
}: {
  label: string;
  name: string;
  filters: QueryFilters;
}) {
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

/** Several values of one filter, ticked; none ticked means all. */
export function FilterChecks({
  legend,
  name,
  filters,
  options,
}: {
  legend: string;
  name: string;
  filters: QueryFilters;
  options: Option[];
}) {
  const checked = filters.list(name);
  return (
    <fieldset className="checks">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input
            type="checkbox"
            checked={checked.includes(o.value)}
            onChange={() => filters.toggle(name, o.value)}
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
