// A label/value table (th scope="row" per line), as the registration and receipt pages show a
// card, a contact or a receipt's snapshot. `className` sets the page's column widths.
import type { ReactNode } from "react";

export type ConsoleRow = readonly [label: string, value: ReactNode];

export function ConsoleRows({ rows, className }: { rows: readonly ConsoleRow[]; className: string }) {
  return (
    <table className={`staff-table ${className}`}>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
