import type { ExportDocument, ExportWriter } from '../../core/export/export-document';
import type { ExportItem } from '../../core/export/export-layout';
import { day, describeFilters, describeRedaction, HOW_TO_VERIFY, when } from './readable-text';
import { BatchedOut } from './stream-out';
import { ZipStream } from './zip-stream';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Text safe inside XML, line breaks as Word breaks. */
function runs(text: string, bold = false): string {
  const props = bold ? '<w:rPr><w:b/></w:rPr>' : '';
  return text
    .split('\n')
    .map((line) => `<w:r>${props}<w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`)
    .join('<w:r><w:br/></w:r>');
}

/** Characters XML 1.0 cannot carry at all: they are dropped, the rest escaped. */
// eslint-disable-next-line no-control-regex -- naming the allowed control characters is the point
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function paragraph(content: string, style?: string): string {
  return `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${content}</w:p>`;
}

function labelled(label: string, value: string): string {
  return paragraph(`${runs(`${label}: `, true)}${runs(value)}`);
}

function cell(text: string, width: number, bold = false): string {
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${paragraph(runs(text, bold))}</w:tc>`;
}

const COLUMNS = [700, 5200, 800, 1500, 800];

function coverageTable(document: ExportDocument): string {
  const row = (cells: string[], bold = false) =>
    `<w:tr>${cells.map((c, i) => cell(c, COLUMNS[i]!, bold)).join('')}</w:tr>`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} w:val="single" w:sz="4" w:color="D1D1D1"/>`)
    .join('');
  return [
    `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>${borders}</w:tblBorders></w:tblPr>`,
    `<w:tblGrid>${COLUMNS.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    row(['Code', 'Criterion', 'Items', 'Latest', 'Kinds'], true),
    ...document.header.coverage.criteria.map((c) =>
      row([c.code, c.text, String(c.count), c.latest ? day(c.latest) : '—', String(c.kinds)]),
    ),
    '</w:tbl>',
  ].join('');
}

function itemXml(item: ExportItem): string {
  return [
    paragraph(runs(item.title), 'Heading2'),
    paragraph(
      runs(
        `Happened ${when(item.occurredAt)} · recorded ${when(item.recordedAt)} · by ${item.actor} · event #${item.seq}`,
      ),
      'Meta',
    ),
    ...item.details.map((d) => labelled(d.label, d.value)),
    paragraph(runs(`Criteria: ${item.criteria.length ? item.criteria.join(', ') : 'none'}`), 'Meta'),
    paragraph(runs(`Hash ${item.proof.hash}`), 'Meta'),
  ].join('');
}

function head(document: ExportDocument): string {
  const h = document.header;
  return [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>`,
    paragraph(runs('Evidence trail'), 'Title'),
    paragraph(runs(`${h.unit.code}: ${h.unit.title}`), 'Subtitle'),
    ...(h.learner ? [labelled('Learner', h.learner)] : []),
    labelled('Exported', `${when(h.exportedAt)} by ${h.exportedBy}`),
    labelled('Covers', describeFilters(h.filters, h)),
    labelled('Items', `${h.itemCount}, from the evidence chain up to event #${h.asOfSeq}`),
    labelled('Personal data', describeRedaction(h.redaction)),
    labelled('Verification code', h.code),
    paragraph(runs(HOW_TO_VERIFY), 'Meta'),
    paragraph(runs('Criteria coverage'), 'Heading1'),
    coverageTable(document),
  ].join('');
}

const TAIL = `<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>`;

/**
 * An editable Word document with the same content as the PDF. WordprocessingML is streamed into the zip entry
 * item by item rather than built as a tree, so memory stays flat however long the trail.
 */
export const docxWriter: ExportWriter = {
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: 'docx',
  async write(document: ExportDocument, out: NodeJS.WritableStream): Promise<void> {
    const zip = new ZipStream(out);
    zip.add('[Content_Types].xml', CONTENT_TYPES);
    zip.add('_rels/.rels', ROOT_RELS);
    zip.add('docProps/core.xml', coreProperties(document));
    zip.add('word/_rels/document.xml.rels', DOCUMENT_RELS);
    zip.add('word/styles.xml', STYLES);
    zip.add('word/footer1.xml', footer(document.header.code));
    const body = zip.entry('word/document.xml', { compress: true });
    const xml = new BatchedOut(body.stream);
    await xml.write(head(document));
    for await (const group of document.groups()) {
      let started = false;
      for await (const item of group.items) {
        if (!started) await xml.write(paragraph(runs(group.title), 'Heading1'));
        started = true;
        await xml.write(itemXml(item));
      }
    }
    await xml.write(TAIL);
    await xml.end();
    await body.done();
    await zip.end();
  },
};

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`;

function style(id: string, name: string, run: string, paragraphProps = ''): string {
  return `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>${paragraphProps}</w:pPr><w:rPr>${run}</w:rPr></w:style>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="21"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="80"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>${style('Title', 'Title', '<w:b/><w:sz w:val="48"/>')}${style('Subtitle', 'Subtitle', '<w:color w:val="146C75"/><w:sz w:val="26"/>', '<w:spacing w:after="240"/>')}${style('Heading1', 'heading 1', '<w:b/><w:color w:val="146C75"/><w:sz w:val="32"/>', '<w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/>')}${style('Heading2', 'heading 2', '<w:b/><w:sz w:val="24"/>', '<w:keepNext/><w:spacing w:before="240" w:after="60"/><w:outlineLvl w:val="1"/>')}${style('Meta', 'Meta', '<w:color w:val="616161"/><w:sz w:val="17"/>')}</w:styles>`;

function footer(code: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="${W}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">Page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> · Verification code ${escapeXml(code)}</w:t></w:r></w:p></w:ftr>`;
}

function coreProperties({ header }: ExportDocument): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(header.title)}</dc:title><dc:creator>${escapeXml(header.exportedBy)}</dc:creator><dc:description>Verification code ${escapeXml(header.code)}</dc:description><dcterms:created xsi:type="dcterms:W3CDTF">${header.exportedAt}</dcterms:created></cp:coreProperties>`;
}
