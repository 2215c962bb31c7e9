import { useT } from "./i18n/useT";

/**
 * The placeholder while an actor works between screens. A file of its own: screen 1 shows it, and
 * importing it from FlowStep pulled the flows' refusal screens into the first load (issue 13 item 1).
 */
export function BusyStatus() {
  const t = useT();
  return (
    <p className="busy" role="status">
      {t("処理中です。しばらくお待ちください…")}
    </p>
  );
}
