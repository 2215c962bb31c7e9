// The access modes' own words (AccessControls).
import type { Catalog } from "./types";

export const COMMON: Catalog = {
  messages: {
    文字サイズ: "Text size",
    標準: "Standard",
    大: "Large",
    特大: "Extra large",
    高コントラスト: "High contrast",
  },
  patterns: [],
};
