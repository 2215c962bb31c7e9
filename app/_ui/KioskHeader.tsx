import type { ReactNode } from "react";

/** The system's header as in the manual's screens: the name left, CALS/EC and the clock right. */
export function KioskHeader({
  clock,
  access,
  actions,
}: {
  clock?: ReactNode;
  /** 文字サイズ and contrast (AccessControls), kept apart from the visit's own buttons */
  access?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="kiosk-header">
      <div className="brand">
        <span className="pref">埼玉県</span>
        <span className="system">電子入札共同システム</span>
      </div>
      <span className="spacer" />
      <div className="meta">
        <span className="cals">CALS/EC 電子入札システム</span>
        {clock}
      </div>
      {access}
      {actions}
    </header>
  );
}
