"use client";
// The kiosk's frame for the pages a bidder meets without a visit (closed, no reader, the page
// rendered while the database was down): the same header with 文字サイズ, 高コントラスト and
// English/日本語 (issue 11 item 7), the modes held by this page alone (useLocalAccess).
import type { ReactNode } from "react";
import { AccessControls } from "./AccessControls";
import { Clock, useNow } from "./Clock";
import { KioskHeader } from "./KioskHeader";
import { LocalAccessContext, useLocalAccess } from "./useLocalAccess";

export function StandaloneShell({ children }: { children: ReactNode }) {
  const modes = useLocalAccess();
  const now = useNow();
  return (
    <LocalAccessContext.Provider value={modes.access}>
      <div className="kiosk-shell">
        <div className="kiosk-main">
          <KioskHeader
            lang={modes.access.lang}
            clock={<Clock now={now} />}
            access={<AccessControls modes={modes} />}
          />
          <main className="kiosk-content">{children}</main>
        </div>
      </div>
    </LocalAccessContext.Provider>
  );
}
