import { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on a phone, as a region the keyboard can reach and scroll
 * (a table of plain text has nothing else to focus; axe: scrollable-region-focusable).
 */
export function ScrollRegion({
  label,
  minWidth,
  children,
}: {
  label: string;
  minWidth: number;
  children: ReactNode;
}) {
  return (
    <div className="plan-scroll" tabIndex={0} role="region" aria-label={label}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
