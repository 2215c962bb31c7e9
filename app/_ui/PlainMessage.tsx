import type { ReactNode } from "react";
import { KioskHeader } from "./KioskHeader";

/** The error and not-found pages: header, one message, one way back. Never a stack trace. */
export function PlainMessage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="kiosk-main">
      <KioskHeader />
      <main className="kiosk-content">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
