"use client";
import { useT } from "../i18n/useT";

/**
 * 「係員用」: the small way from the kiosk to /staff/terminal (staff open and close the terminal on
 * the terminal itself). Kept out of the bidder's way: corner, small, grey (styles: .staff-link); bottom left, because
 * the demo's virtual card reader panel takes the right edge.
 */
export function StaffLink() {
  const t = useT();
  return (
    <a href="/staff/terminal" className="staff-link">
      {t("係員用")}
    </a>
  );
}
