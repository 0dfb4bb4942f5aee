import { useId, useState } from 'react';
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

/**
 * A text filter the API takes only in one shape (a postcode, or its first digits). What does not fit
 * says so at the field and leaves the filter off, instead of silently showing the whole list.
 */
export function FilterPattern({
  label,
  name,
  filters,
  pattern,
  message,
  ...input
}: {
  label: string;
  name: string;
  filters: QueryFilters;
  pattern: RegExp;
  /** Why the text is not used, shown under the field. */
  message: string;
} & Pick<React.InputHTMLAttributes<HTMLInputElement>, 'inputMode' | 'maxLength' | 'placeholder'>) {
  const id = useId();
  const [text, setText] = useState(filters.params.get(name) ?? '');
  const [left, setLeft] = useState(false);
  // Letters are wrong at once; too few digits only once the person leaves the field.
  const wrong = text !== '' && !pattern.test(text) && (left || /\D/.test(text));
  return (
    <div className={`filter-field${wrong ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        {...input}
        value={text}
        aria-invalid={wrong || undefined}
        aria-describedby={wrong ? `${id}-error` : undefined}
        onBlur={() => setLeft(true)}
        onChange={(e) => {
          setText(e.target.value);
          setLeft(false);
          filters.set(name, pattern.test(e.target.value) ? e.target.value : '');
        }}
      />
      {wrong && (
        <p className="field-error" id={`${id}-error`}>
          {message}
        </p>
      )}
    </div>
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
