// A status as the console shows it everywhere: the label in a badge whose colour comes from the
// status value (`status-<value>` in staff.css); an unknown value shows as itself.
export function ConsoleStatusBadge({
  status,
  labels,
}: {
  status: string;
  labels: Readonly<Record<string, string>>;
}) {
  return <span className={`status-badge status-${status}`}>{labels[status] ?? status}</span>;
}
