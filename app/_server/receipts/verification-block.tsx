import "server-only";
import { Path, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
import type { ReceiptData } from "@/app/_shared/contracts";
import type { Lang } from "@/machines";
import { qrPath } from "./qr";
import { receiptVerification } from "./verification";

// The receipt's 照合コード and its QR code (issue 13 item 3), in the page's top-right corner beside
// the title, over the right end of the first header rows, which hold short values (受付番号,
// 発行日時, 調達機関). Placed out of the flow on purpose: a renewal receipt fills its A4 page
// (the English one to within 2 pt), so the block must not push a line onto a second sheet.
// The QR is one vector <Path> built from the matrix: cheap to lay out and draw, no image to encode.

const QR_SIZE = 40; // points: ≈ 1.2 pt (0.43 mm) per module for a version-4 code, 2.5 pixels at 150 dpi

const styles = StyleSheet.create({
  // ends above the 4th header row (業務区分), whose English value runs to the right margin
  block: { position: "absolute", top: 22, right: 44, width: 200, alignItems: "flex-end" },
  // the QR standard's quiet zone (4 modules of white) before the text below
  qr: { marginBottom: 4 },
  code: { fontSize: 9, lineHeight: 1.3, textAlign: "right" },
  note: { fontSize: 6, lineHeight: 1.3, textAlign: "right" },
});

// Short lines: they sit beside the 受付番号 and 発行日時 values, which end by mid-page.
const WORDS: Record<Lang, { label: string; note: string }> = {
  ja: { label: "照合コード", note: "県の窓口で受付証明の真正性を確認できます" },
  en: { label: "Verification code", note: "[照合コード] Checkable at the prefecture's help desk" },
};

export function VerificationBlock({ data, lang }: { data: ReceiptData; lang: Lang }) {
  const { code, qrText } = receiptVerification(data);
  const { modules, d } = qrPath(qrText);
  return (
    <View style={styles.block}>
      <Svg style={styles.qr} width={QR_SIZE} height={QR_SIZE} viewBox={`0 0 ${modules} ${modules}`}>
        <Path d={d} fill="#000" />
      </Svg>
      <Text style={styles.code}>
        {WORDS[lang].label} {code}
      </Text>
      <Text style={styles.note}>{WORDS[lang].note}</Text>
    </View>
  );
}
