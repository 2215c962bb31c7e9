"use client";
// 文字サイズ and 高コントラスト on every kiosk screen (issue 11 item 7): the bidder's choice for this
// visit, held by the kiosk machine and shown through the document root (useAccessModes).
import type { TextSize } from "@/machines";
import { KioskContext } from "./kioskActor";
import { useKioskEvents } from "./useKioskEvents";

const SIZES: { size: TextSize; label: string }[] = [
  { size: "standard", label: "標準" },
  { size: "large", label: "大" },
  { size: "xlarge", label: "特大" },
];

export function AccessControls() {
  const events = useKioskEvents();
  const access = KioskContext.useSelector((s) => s.context.access);
  return (
    <div className="access-controls">
      {/* toggle buttons, not radios: one tap each, and aria-pressed tells a screen reader which is on */}
      <div role="group" aria-label="文字サイズ" className="access-group">
        <span className="access-label" aria-hidden="true">
          文字サイズ
        </span>
        {SIZES.map(({ size, label }) => (
          <button
            key={size}
            type="button"
            aria-pressed={access.textSize === size}
            onClick={() => events.textSize(size)}
          >
            {label}
          </button>
        ))}
      </div>
      <button
        type="button"
        aria-pressed={access.highContrast}
        onClick={() => events.contrast(!access.highContrast)}
      >
        高コントラスト
      </button>
    </div>
  );
}
