/**
 * 「係員用」: the small way from the kiosk to /staff/terminal (staff open and close the terminal on
 * the terminal itself). Kept out of the bidder's way: corner, small, grey.
 */
export function StaffLink() {
  return (
    <a
      href="/staff/terminal"
      style={{
        position: "fixed",
        right: 16,
        bottom: 12,
        fontSize: "0.85rem",
        color: "#666",
        textDecoration: "none",
      }}
    >
      係員用
    </a>
  );
}
