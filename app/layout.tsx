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

// Pinch zoom stays allowed (WCAG 1.4.4): a bidder who needs more than 特大 can still magnify a
// part of the screen; the header's 文字サイズ is the first answer, zoom the last.
export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ja">
      <body>{children}</body>
    </html>
  );
}
