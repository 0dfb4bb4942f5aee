import { useEffect, useRef, useState } from 'react';
import type { FieldErrors } from './useSubmit';

interface Entry {
  path: string;
  label: string;
  message: string;
}

/** The form control a field error is about: by its name, or the first one inside a group of that name. */
function controlFor(form: HTMLFormElement, path: string, message?: string): HTMLElement | null {
  const escaped = CSS.escape(path);
  const byName =
    form.querySelector<HTMLElement>(`[name="${escaped}"]`) ??
    form.querySelector<HTMLElement>(`[name^="${escaped}."], [name^="${escaped}["]`);
  if (byName) return byName;
  // Fields whose name differs from the API's path (the periods): the one showing this message.
  const shown = [...form.querySelectorAll('.field-error')].find((e) => e.textContent === message);
  return shown?.closest('.field, fieldset')?.querySelector<HTMLElement>('input, select, textarea') ?? null;
}

function labelOf(control: HTMLElement | null): string | null {
  if (!control) return null;
  const legend = control.closest('fieldset')?.querySelector('legend')?.textContent?.trim();
  // A box of a group ("Auto") is not what is wrong: the group is ("Vervoer").
  const type = (control as HTMLInputElement).type;
  if ((type === 'checkbox' || type === 'radio') && legend) return legend;
  const own = (control as HTMLInputElement).labels?.[0]?.textContent?.trim();
  return own || legend || null;
}

/**
 * After a failed save of a long form: one alert at the top listing every field to fix, each a link
 * that moves focus to its field, and focus moved to the alert so keyboard and screen-reader users
 * start there instead of on the page body.
 */
export function ErrorSummary({
  errors,
  form,
}: {
  errors: FieldErrors;
  form: React.RefObject<HTMLFormElement | null>;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [entries, setEntries] = useState<Entry[]>([]);
  // The errors object is new on every render; act once per different answer from the server.
  const key = JSON.stringify(errors);
  const shown = useRef('{}');
  useEffect(() => {
    if (key === shown.current) return;
    shown.current = key;
    const element = form.current;
    const list = Object.entries(errors).map(([path, message]) => ({
      path,
      message,
      label: (element && labelOf(controlFor(element, path, message))) || 'Veld',
    }));
    setEntries(list);
  }, [key, errors, form]);
  // Once the summary is on screen (the render after the answer), focus goes to it.
  useEffect(() => {
    if (entries.length > 0) box.current?.focus();
  }, [entries]);

  if (entries.length === 0) return null;
  return (
    <div
      className="alert alert-error error-summary"
      role="alert"
      tabIndex={-1}
      ref={box}
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">
        Controleer {entries.length === 1 ? 'dit veld' : `deze ${entries.length} velden`}
      </h2>
      <ul>
        {entries.map((e) => (
          <li key={e.path}>
            <a
              href={`#${e.path}`}
              onClick={(event) => {
                event.preventDefault();
                const control = form.current && controlFor(form.current, e.path, e.message);
                control?.focus();
                control?.scrollIntoView({ block: 'center' });
              }}
            >
              {e.label}: {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
