import type { ReactNode } from 'react';

/**
 * A wide table scrolls sideways inside its own box on a narrow screen, instead of the whole page;
 * the box takes keyboard focus so that it can be scrolled without a mouse.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
