import "server-only";
import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ReceiptData } from "@/app/_shared/contracts";
import { RECEIPT_FONT } from "./font";
import { receiptLayout, type Row } from "./sections";

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
  value: { flex: 1 },
  notes: { marginTop: 12, paddingTop: 6, borderTopWidth: 1, borderTopColor: "#000" },
  reminder: { marginTop: 6, fontSize: 11, textAlign: "center" },
});

function Rows({ rows }: { rows: readonly Row[] }) {
  return (
    <>
      {rows.map(([label, value], index) => (
        <View key={`${index}-${label}`} style={styles.row} wrap={false}>
          <Text style={styles.label}>{label}</Text>
          {/* The colon shares the value's node: one text node less per row is a sixth of the render time. */}
          <Text style={styles.value}>: {value}</Text>
        </View>
      ))}
    </>
  );
}

/** The manual's 利用者情報登録結果 printout (R41). */
export function ReceiptDocument({ data }: { data: ReceiptData }) {
  const layout = receiptLayout(data);
  return (
    <Document title={`${layout.title} ${data.number}`} author="埼玉県電子入札共同システム" language="ja">
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>{layout.title}</Text>
        <View style={styles.header}>
          <Rows rows={layout.header} />
        </View>
        {layout.sections.map((section) => (
          <View key={section.heading}>
            <Text style={styles.section}>{section.heading}</Text>
            <Rows rows={section.rows} />
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
