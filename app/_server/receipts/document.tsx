import "server-only";
import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ReceiptData } from "@/app/_shared/contracts";
import type { Lang } from "@/machines";
import { RECEIPT_FONT } from "./font";
import { receiptLayout, type Row } from "./sections";
import { VerificationBlock } from "./verification-block";

const styles = StyleSheet.create({
  page: {
    fontFamily: RECEIPT_FONT,
    fontSize: 9.5,
    paddingVertical: 36,
    paddingHorizontal: 44,
    lineHeight: 1.45,
  },
  title: { fontSize: 16, textAlign: "center", marginBottom: 12 },
  header: { borderBottomWidth: 1, borderBottomColor: "#000", paddingBottom: 6, marginBottom: 8 },
  section: {
    fontSize: 10.5,
    marginTop: 8,
    marginBottom: 2,
    borderBottomWidth: 0.5,
    borderBottomColor: "#666",
  },
  row: { flexDirection: "row" },
  label: { width: 160 },
  // English labels carry the bracketed Japanese term: wide enough that most stay on one line.
  labelEnglish: { width: 230 },
  value: { flex: 1 },
  notes: { marginTop: 12, paddingTop: 6, borderTopWidth: 1, borderTopColor: "#000" },
  reminder: { marginTop: 6, fontSize: 11, textAlign: "center" },
});

function Rows({ rows, lang }: { rows: readonly Row[]; lang: Lang }) {
  const labelStyle = lang === "en" ? styles.labelEnglish : styles.label;
  return (
    <>
      {rows.map(([label, value], index) => (
        <View key={`${index}-${label}`} style={styles.row} wrap={false}>
          <Text style={labelStyle}>{label}</Text>
          {/* The colon shares the value's node: one text node less per row is a sixth of the render time. */}
          <Text style={styles.value}>: {value}</Text>
        </View>
      ))}
    </>
  );
}

/** The manual's 利用者情報登録結果 printout (R41), in Japanese or English (issue 11 item 7). */
export function ReceiptDocument({ data, lang = "ja" }: { data: ReceiptData; lang?: Lang }) {
  const layout = receiptLayout(data, lang);
  return (
    <Document title={`${layout.title} ${data.number}`} author="埼玉県電子入札共同システム" language={lang}>
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>{layout.title}</Text>
        <VerificationBlock data={data} lang={lang} />
        <View style={styles.header}>
          <Rows rows={layout.header} lang={lang} />
        </View>
        {layout.sections.map((section) => (
          <View key={section.heading}>
            <Text style={styles.section}>{section.heading}</Text>
            <Rows rows={section.rows} lang={lang} />
          </View>
        ))}
        <View style={styles.notes}>
          <Text>{layout.propagation}</Text>
          <Text style={styles.reminder}>{layout.reminder}</Text>
        </View>
      </Page>
    </Document>
  );
}
