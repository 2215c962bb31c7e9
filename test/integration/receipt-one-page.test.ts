// Issue 13 item 2: the receipt is laid out as one page with its rows drawn as two columns, which
// is what makes it fast; these check that the printout reads exactly as the paginated, row-by-row
// layout it replaces (pdftotext, both languages, a renewal), that it is still A4, and that a
// receipt longer than a page still continues on a second one.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createElement, type ReactElement } from "react";
import { renderToBuffer, type DocumentProps } from "@react-pdf/renderer";
import { afterAll, describe, expect, it } from "vitest";
import type { ReceiptData } from "@/app/_shared/contracts";
import { ReceiptDocument } from "@/app/_server/receipts/document";
import { pageOverflows, renderReceiptPdf } from "@/app/_server/receipts/render";
import { receiptLayout, staticReceiptTexts } from "@/app/_server/receipts/sections";
import type { Lang } from "@/machines";
import { receiptFixture } from "@/test/fixtures/receipt-data";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-receipt-page-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let files = 0;
function poppler(tool: "pdftotext" | "pdfinfo", pdf: Buffer, args: string[] = []): string {
  const file = path.join(dir, `receipt-${++files}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync(tool, [...args, file, ...(tool === "pdftotext" ? ["-"] : [])], { encoding: "utf8" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error(`${tool} is not installed: install poppler-utils (apt-get install poppler-utils)`);
    }
    throw error;
  }
}

/** The layout before issue 13: react-pdf's pagination and one row of two texts per field. */
function renderPaginated(data: ReceiptData, lang: Lang): Promise<Buffer> {
  return renderToBuffer(createElement(ReceiptDocument, { data, lang }) as ReactElement<DocumentProps>);
}

const renewal: ReceiptData = {
  ...receiptFixture,
  operation: "renewal",
  previousCard: { ...receiptFixture.card, serialDecimal: "215607555379", serialHex: "3233363533" },
};

const longAddress =
  "埼玉県さいたま市浦和区高砂三丁目十五番一号さいたま建設ビル四階北側会議室前受付カウンター内";
const long: ReceiptData = {
  ...renewal,
  company: { ...receiptFixture.company, address: longAddress },
  department: { ...receiptFixture.department, address: `${longAddress} 入札担当` },
  propagatesTo: Array.from({ length: 18 }, (_, i) => `第${i + 1}調達機関`),
};

function pages(pdf: Buffer): { count: number; size: string } {
  const info = poppler("pdfinfo", pdf);
  return { count: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), size: /Page size:\s+(.*)/.exec(info)?.[1] ?? "" };
}

describe("issue 13 item 2: the one-page receipt layout", () => {
  const cases: [string, ReceiptData, Lang][] = [
    ["registration, Japanese", receiptFixture, "ja"],
    ["registration, English", receiptFixture, "en"],
    ["renewal, Japanese", renewal, "ja"],
    ["renewal, English", renewal, "en"],
  ];

  it.each(cases)(
    "reads exactly as the paginated row layout under pdftotext -layout (%s)",
    async (_, data, lang) => {
      const fast = poppler("pdftotext", await renderReceiptPdf(data, lang), ["-layout"]);
      const paginated = poppler("pdftotext", await renderPaginated(data, lang), ["-layout"]);
      expect(fast).toContain(data.userId);
      expect(fast).toBe(paginated);
    },
  );

  it("prints on one A4 page, not a page cut to the content's height", async () => {
    expect(pages(await renderReceiptPdf(receiptFixture))).toEqual({
      count: 1,
      size: "595.28 x 841.89 pts (A4)",
    });
  });

  it("continues a receipt longer than one page on a second A4 page, as the paginated layout does", async () => {
    const pdf = await renderReceiptPdf(long, "ja");
    expect(pages(pdf)).toEqual({ count: 2, size: "595.28 x 841.89 pts (A4)" });
    const text = poppler("pdftotext", pdf, ["-layout"]);
    expect(text).toBe(poppler("pdftotext", await renderPaginated(long, "ja"), ["-layout"]));
    expect(text).toContain("第18調達機関");
    expect(text).toContain("ICカードの取り忘れにご注意ください");
  });

  it("takes a page taller than its paper, or a layout it cannot read, as overflowing", () => {
    const laidOut = (height: number | undefined) => ({
      _INTERNAL__LAYOUT__DATA_: { children: [{ box: { height }, style: { height: 841.89 } }] },
    });
    expect(pageOverflows(laidOut(841.89))).toBe(false);
    expect(pageOverflows(laidOut(900))).toBe(true);
    expect(pageOverflows(laidOut(undefined))).toBe(true);
    expect(pageOverflows({})).toBe(true);
    expect(pageOverflows(undefined)).toBe(true);
  });

  it("keeps the shaping of the words every receipt prints, and of none of the data", () => {
    const kept = staticReceiptTexts();
    for (const lang of ["ja", "en"] as const) {
      const layout = receiptLayout(renewal, lang);
      const labels = [layout.header, ...layout.sections.map((s) => s.rows)].flat().map(([label]) => label);
      for (const text of [
        layout.title,
        layout.reminder,
        ...labels,
        ...layout.sections.map((s) => s.heading),
      ]) {
        expect(kept).toContain(text);
      }
    }
    const data = [receiptFixture.userId, receiptFixture.company.companyName, receiptFixture.card.issuer];
    for (const value of data) expect(kept.join("\n")).not.toContain(value);
  });
});
