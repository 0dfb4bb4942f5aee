import { type ReactNode, useId } from 'react';

interface FieldProps {
  label: string;
  name: string;
  /** Usually the server's reason; a node when the reason comes with a way out (a link). */
  error?: ReactNode;
  hint?: ReactNode;
}

/** What a field's control needs to be named and described by its label, hint and error. */
interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** The label above, the hint under it, the control, and the error right under the control. */
function FieldFrame({
  label,
  error,
  hint,
  control,
}: Omit<FieldProps, 'name'> & { control: (props: ControlProps) => ReactNode }) {
  const id = useId();
  const described =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {control({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described })}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A labelled input whose error sits right under it and is announced with the field. */
export function TextField({
  label,
  name,
  error,
  hint,
  type = 'text',
  ...input
}: FieldProps & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'name'>) {
  return (
    <FieldFrame
      label={label}
      error={error}
      hint={hint}
      control={(control) => <input name={name} type={type} {...control} {...input} />}
    />
  );
}

/** A labelled multi-line text (remarks), its error under it like a TextField's. */
export function TextAreaField({
  label,
  name,
  error,
  hint,
  rows = 3,
  ...area
}: FieldProps & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'name'>) {
  return (
    <FieldFrame
      label={label}
      error={error}
      hint={hint}
      control={(control) => <textarea name={name} rows={rows} {...control} {...area} />}
    />
  );
}

export function SelectField({
  label,
  name,
  error,
  options,
  ...select
}: FieldProps & { options: { value: string; label: string; disabled?: boolean }[] } & Omit<
    React.SelectHTMLAttributes<HTMLSelectElement>,
    'name'
  >) {
  const id = useId();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function CheckboxGroup({
  legend,
  name,
  error,
  options,
  checked = [],
}: {
  legend: string;
  name: string;
  error?: string;
  options: { value: string; label: string }[];
  checked?: string[];
}) {
  const id = useId();
  return (
    <fieldset
      className={`field${error ? ' field-invalid' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} />{' '}
          {o.label}
        </label>
      ))}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The form-level message: what went wrong when it is not about one field. */
export function FormMessage({ error }: { error: { message: string } | null }) {
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      {error.message}
    </div>
  );
}
