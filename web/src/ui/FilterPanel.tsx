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
  children,
}: {
  filters: QueryFilters;
  /** Parameters in the URL that are not filters of this panel (a tab, for instance). */
  ignore?: string[];
  title?: string;
  children: ReactNode;
}) {
  const set = new Set([...filters.params.keys()].filter((name) => !ignore.includes(name)));
  const [openAtStart] = useState(set.size > 0);
  return (
    <details className="filter-panel" open={openAtStart}>
      <summary>
        {title}
        {set.size > 0 && <span className="hint"> ({set.size} ingesteld)</span>}
      </summary>
      {children}
    </details>
  );
}
