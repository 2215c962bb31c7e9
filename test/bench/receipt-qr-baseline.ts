// (a)'s baseline gets the receipt's verification block too (issue 13 item 3), so the pair stays
// the same work: the same MAC, the same QR matrix as one vector path, the same two lines of text,
// where app/_server/receipts/verification-block.tsx puts them (top right, out of the text flow).
import type PDFDocument from "pdfkit";
import { qrPath } from "@/app/_server/receipts/qr";
import { receiptVerification } from "@/app/_server/receipts/verification";
import type { ReceiptData } from "@/app/_shared/contracts";

/** The drawing calls pdfkit has and ./pdfkit.d.ts leaves out (only this helper uses them). */
type Canvas = {
  y: number;
  save(): Canvas;
  restore(): Canvas;
  translate(x: number, y: number): Canvas;
  scale(factor: number): Canvas;
  path(d: string): Canvas;
  fill(color: string): Canvas;
  fontSize(size: number): Canvas;
  text(text: string, x: number, y: number, options: { width: number; align: "right" }): Canvas;
};

const PAGE_WIDTH = 595.28;
const RIGHT = 44;
const TOP = 22;
const QR_SIZE = 40;
const TEXT_WIDTH = 200;

export function drawReceiptQr(pdf: PDFDocument, data: ReceiptData): void {
  const doc = pdf as unknown as Canvas;
  const { code, qrText } = receiptVerification(data);
  const { modules, d } = qrPath(qrText);
  const flowY = doc.y; // the block is out of the flow: the rows below continue where they were
  doc
    .save()
    .translate(PAGE_WIDTH - RIGHT - QR_SIZE, TOP)
    .scale(QR_SIZE / modules)
    .path(d)
    .fill("#000")
    .restore();
  const textX = PAGE_WIDTH - RIGHT - TEXT_WIDTH;
  const codeY = TOP + QR_SIZE + 4;
  doc.fontSize(9).text(`照合コード ${code}`, textX, codeY, { width: TEXT_WIDTH, align: "right" });
  doc.fontSize(6).text("県の窓口で受付証明の真正性を確認できます", textX, codeY + 11.7, {
    width: TEXT_WIDTH,
    align: "right",
  });
  doc.y = flowY;
}
