import type { ReactNode } from "react";
import type { Lang } from "@/machines";
import { translate } from "./i18n/translate";

/** The system's header as in the manual's screens: the name left, CALS/EC and the clock right. */
export function KioskHeader({
  lang = "ja",
  clock,
  access,
  actions,
}: {
  /** a prop, not the kiosk's hook: the no-reader page renders the header on the server */
  lang?: Lang;
  clock?: ReactNode;
  /** 文字サイズ and contrast (AccessControls), kept apart from the visit's own buttons */
  access?: ReactNode;
  actions?: ReactNode;
}) {
  const t = (ja: string) => translate(lang, ja);
  return (
    <header className="kiosk-header">
      <div className="brand">
        <span className="pref">{t("埼玉県")}</span>
        <span className="system">{t("電子入札共同システム")}</span>
      </div>
      <span className="spacer" />
      <div className="meta">
        <span className="cals">{t("CALS/EC 電子入札システム")}</span>
        {clock}
      </div>
      {access}
      {actions}
    </header>
  );
}
