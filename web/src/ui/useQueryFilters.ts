import { useSearchParams } from 'react-router';

/**
 * List filters live in the URL, so a filtered list can be bookmarked, shared and reloaded.
 * Empty values leave the URL; lists of values are comma-separated, as the API takes them.
 */
export function useQueryFilters() {
  const [params, setParams] = useSearchParams();
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    // Synchronous, not a transition: a ticked box shows ticked at once, and the next change
    // (typing, then ticking straight away) starts from this one instead of overwriting it.
    setParams(next, { replace: true, flushSync: true });
  };
  const list = (name: string) => (params.get(name) ?? '').split(',').filter(Boolean);
  const toggle = (name: string, value: string) => {
    const current = list(name);
    set(name, (current.includes(value) ? current.filter((v) => v !== value) : [...current, value]).join(','));
  };
  /** Every filter off; the parameters in `keep` (a tab, say) stay. */
  const clear = (keep: string[] = []) => {
    const next = new URLSearchParams();
    for (const name of keep) {
      const value = params.get(name);
      if (value) next.set(name, value);
    }
    setParams(next, { replace: true, flushSync: true });
  };
  return { params, set, list, toggle, clear, query: params.toString() };
}

export type QueryFilters = ReturnType<typeof useQueryFilters>;
