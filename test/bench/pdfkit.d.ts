// The part of pdfkit 0.20's API the benchmark uses (the package ships no types).
declare module "pdfkit" {
  type TextOptions = { width?: number; align?: "left" | "center" | "right"; lineGap?: number };
  class PDFDocument {
    constructor(options?: {
      size?: string;
      margins?: { top: number; bottom: number; left: number; right: number };
      info?: Record<string, string>;
    });
    y: number;
    registerFont(name: string, src: string | Buffer): this;
    font(name: string): this;
    fontSize(size: number): this;
    text(text: string, x?: number, y?: number, options?: TextOptions): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    lineWidth(width: number): this;
    stroke(): this;
    heightOfString(text: string, options?: TextOptions): number;
    on(event: "data", listener: (chunk: Buffer) => void): this;
    on(event: "end", listener: () => void): this;
    end(): void;
  }
  export default PDFDocument;
}
