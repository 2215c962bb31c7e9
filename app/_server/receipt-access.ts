import "server-only";

/**
 * Who may open a receipt PDF. This first version lets every caller through; the kiosk-session
 * and staff-login checks replace it in this same file, so the route never changes.
 */
export async function canViewReceipt(_number: string): Promise<boolean> {
  return true;
}
