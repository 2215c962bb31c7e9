import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import "./_ui/styles/forms.css";
import "./_ui/styles/widgets.css";

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
  return (
    <html lang="ja">
      <body>{children}</body>
    </html>
  );
}
