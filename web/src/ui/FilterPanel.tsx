import { type ReactNode, useState } from 'react';
import type { QueryFilters } from './useQueryFilters';

/**
 * A list's filters folded into a panel, so that the list starts on the first screen. It opens by
 * itself when the page opens with a filter set (a bookmarked or shared list), and says how many are
 * set; after that only the person opens or closes it, so clearing a filter does not fold it away.
 */
export function FilterPanel({
  filters,
  ignore = [],
  title = 'Filters',
  refreshing = false,
  children,
}: {
  filters: QueryFilters;
  /** Parameters in the URL that are not filters of this panel (a tab, for instance). */
  ignore?: string[];
  title?: string;
  /** The list is being read again for changed filters: the rows shown are the previous ones. */
  refreshing?: boolean;
  children: ReactNode;
}) {
  const set = new Set([...filters.params.keys()].filter((name) => !ignore.includes(name)));
  const [openAtStart] = useState(set.size > 0);
  // The filters' own fields keep what was typed; after "Wis alle filters" they start again empty.
  const [round, setRound] = useState(0);
  return (
    <details className="filter-panel" open={openAtStart}>
      <summary>
        {title}
        {set.size > 0 && <span className="hint"> ({set.size} ingesteld)</span>}
        {/* Not a status role: the list's count is the page's status. */}
        <span className="hint refreshing" aria-live="polite">
          {refreshing ? ' · lijst wordt bijgewerkt…' : ''}
        </span>
      </summary>
      <div key={round}>{children}</div>
      {set.size > 0 && (
        <p className="filter-clear">
          <button
            type="button"
            className="secondary"
            onClick={() => {
              filters.clear(ignore);
              setRound(round + 1);
            }}
          >
            Wis alle filters
          </button>
        </p>
      )}
    </details>
  );
}
