import { useLocation } from 'react-router';

/** What a form hands the page it moves on to: the confirmation of what it saved. */
export const savedState = (text: string) => ({ state: { saved: text } });

/**
 * The confirmation a form passed along when it moved on to this page ("… is aangemaakt."): a
 * save that only changes the page would otherwise leave a person wondering whether it worked.
 */
export function SavedNotice() {
  const { state } = useLocation();
  const text = (state as { saved?: unknown } | null)?.saved;
  if (typeof text !== 'string') return null;
  return (
    <div className="alert alert-ok" role="status">
      {text}
    </div>
  );
}
