// (a) Receipt rendering: our react-pdf document vs. plain pdfkit (react-pdf's engine) writing the
// same rows with the same embedded font.
import fs from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { renderReceiptPdf } from "@/app/_server/receipts/render";
import { receiptLayout } from "@/app/_server/receipts/sections";
import type { ReceiptData } from "@/app/_shared/contracts";
import { drawReceiptQr } from "./receipt-qr-baseline";
import { median, medianRatio, runPairs } from "./stats";

// Read once, as react-pdf keeps its registered font: the baseline should not pay a file read per PDF.
const FONT = fs.readFileSync(
  createRequire(__filename).resolve("@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf"),
);

export function renderWithPdfkit(data: ReceiptData): Promise<Buffer> {
  const layout = receiptLayout(data);
  const doc = new PDFDocument({ size: "A4", margins: { top: 36, bottom: 36, left: 44, right: 44 } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.on("data", (chunk) => chunks.push(chunk));
  doc.registerFont("NotoSansJP", FONT).font("NotoSansJP");

  const left = 44;
  const valueX = left + 160;
  const valueWidth = 595.28 - 44 - valueX;
  const rule = (weight: number) =>
    doc
      .lineWidth(weight)
      .moveTo(left, doc.y)
      .lineTo(595.28 - 44, doc.y)
      .stroke();
  const rows = (items: readonly (readonly [string, string])[]) => {
    for (const [label, value] of items) {
      const y = doc.y;
      doc.text(label, left, y, { width: 160 });
      doc.text(`: ${value}`, valueX, y, { width: valueWidth });
    }
  };

  doc.fontSize(16).text(layout.title, left, 36, { align: "center", width: 595.28 - 88 });
  doc.fontSize(9.5);
  rows(layout.header);
  rule(1);
  for (const section of layout.sections) {
    doc.fontSize(10.5).text(section.heading, left, doc.y + 8);
    rule(0.5);
    doc.fontSize(9.5);
    rows(section.rows);
  }
  rule(1);
  doc.text(layout.propagation, left, doc.y + 6);
  doc.fontSize(11).text(layout.reminder, left, doc.y + 6, { align: "center", width: 595.28 - 88 });
  drawReceiptQr(doc, data);
  doc.end();
  return done;
}

const WARMUP_RUNS = 5;

export type ReceiptBenchResult = {
  runs: number;
  oursMs: number;
  pdfkitMs: number;
  ratio: number;
  oursBytes: number;
  pdfkitBytes: number;
};

export async function benchReceipt(data: ReceiptData, runs: number): Promise<ReceiptBenchResult> {
  // The first render of each parses the 5 MB font and the JIT warms up over the next few; a kiosk
  // server pays that once per process, so it stays out of the measured runs.
  const oursBytes = (await renderReceiptPdf(data)).length;
  const pdfkitBytes = (await renderWithPdfkit(data)).length;
  for (let i = 0; i < WARMUP_RUNS; i++) {
    await renderReceiptPdf(data);
    await renderWithPdfkit(data);
  }
  const pair = await runPairs(
    runs,
    () => renderReceiptPdf(data),
    () => renderWithPdfkit(data),
  );
  return {
    runs,
    oursMs: median(pair.ours),
    pdfkitMs: median(pair.baseline),
    ratio: medianRatio(pair),
    oursBytes,
    pdfkitBytes,
  };
}
