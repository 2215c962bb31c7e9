import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import "./_ui/styles/forms.css";
import "./_ui/styles/widgets.css";
import { ensureBatchScheduler } from "./_server/batch/scheduler";

export const metadata: Metadata = {
  title: "利用者登録 — 埼玉県電子入札共同システム",
  description: "埼玉県電子入札共同システム ICカード利用者登録キオスク",
  robots: { index: false, follow: false },
};

// A touch kiosk: pinch zoom would strand the bidder on a magnified corner of the screen.
export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  maximumScale: 1,
  userScalable: false,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  // the nightly propagation's schedule, once per server process (never while building or testing)
  if (process.env.NEXT_PHASE !== "phase-production-build" && !process.env.VITEST) ensureBatchScheduler();
  return (
    <html lang="ja">
      <body>{children}</body>
    </html>
  );
}
