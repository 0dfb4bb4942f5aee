import type { ReactNode } from 'react';
import { TableScroll } from './TableScroll';

/**
 * A list: a table on a wide screen, one card per row on a phone (below 640 px), so that nothing
 * scrolls sideways and each row's actions stay on screen. On a card every cell shows under its
 * column's name, taken from the cell's `data-label`; a cell without one is the card's title (the
 * row's name) or its actions.
 */
export function CardTable({
  label,
  className,
  children,
}: {
  /** The list's name, for the scroll region on a wide screen. */
  label: string;
  className?: string;
  /** The table's caption, head and body. */
  children: ReactNode;
}) {
  return (
    <TableScroll label={label}>
      <table className={className ? `table card-table ${className}` : 'table card-table'}>{children}</table>
    </TableScroll>
  );
}
