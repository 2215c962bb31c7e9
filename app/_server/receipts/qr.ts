import "server-only";
import qrcode from "qrcode-generator";

/** A QR code as one vector path: the module count and an SVG path in module units (no quiet zone). */
export type QrPath = { modules: number; d: string };

/**
 * The QR code of an uppercase text (digits, A–Z, "-", "/": the alphanumeric mode, about a third
 * smaller than bytes) at error correction M, which survives a fold or a stamp across it. Each row's
 * dark runs become one rectangle each, so the path stays a few hundred commands — one <Path> for
 * the PDF to draw instead of an image to encode.
 */
export function qrPath(text: string): QrPath {
  const qr = qrcode(0, "M");
  qr.addData(text, "Alphanumeric");
  qr.make();
  const modules = qr.getModuleCount();
  let d = "";
  for (let row = 0; row < modules; row++) {
    let col = 0;
    while (col < modules) {
      if (!qr.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules && qr.isDark(row, col)) col++;
      d += `M${start} ${row}h${col - start}v1h${start - col}z`;
    }
  }
  return { modules, d };
}
