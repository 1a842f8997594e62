/** fontkit, as pdfkit uses it: a parsed font that pdfkit can embed without parsing the file again. */
declare module 'fontkit' {
  export interface Font {
    layout(text: string): unknown;
  }
  export function create(data: Uint8Array): Font;
}
