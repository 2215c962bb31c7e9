import type { ReactNode } from "react";

/** The system's header as in the manual's screens; `children` go at the right end. */
export function KioskHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="kiosk-header">
      <div className="brand">
        <span className="pref">埼玉県</span>
        <span className="system">電子入札共同システム</span>
      </div>
      <span className="cals">CALS/EC 電子入札システム</span>
      <span className="spacer" />
      {children}
    </header>
  );
}
