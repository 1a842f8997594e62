import type { ExportDocument } from '../../core/export/export-document';
import { renderPart, type ItemTextFormat, type RenderedPart } from './rendered-part';

/** Writes an export's items in one format, part by part, in chain order. */
export interface PartRenderer {
  render(document: ExportDocument, format: ItemTextFormat): AsyncIterable<RenderedPart>;
}

/** Every part written in this thread, one after another. */
export const IN_THIS_THREAD: PartRenderer = {
  async *render(document, format) {
    for (const range of document.parts.ranges) yield await renderPart(document.itemsIn(range), format);
  },
};
