import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";
import "./_ui/styles/forms.css";
import "./_ui/styles/widgets.css";

export const metadata: Metadata = {
  title: "利用者登録 — 埼玉県電子入札共同システム",
  description: "埼玉県電子入札共同システム ICカード利用者登録キオスク",
  robots: { index: false, follow: false },
};

// Pinch zoom stays allowed (WCAG 1.4.4): a bidder who needs more than 特大 can still magnify a
// part of the screen; the header's 文字サイズ is the first answer, zoom the last.
export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
};

/**
 * Every page renders per request: Next puts the request's CSP nonce on its scripts only when it
 * renders (issue 12 item 1) — a page prerendered at build time would carry none and be refused.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="ja">
      <body>{children}</body>
    </html>
  );
}
