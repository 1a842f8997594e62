/** The SVG's markup as a standalone file (with its namespace, ready for an image viewer). */
function svgMarkup(svg: SVGSVGElement): string {
  return new XMLSerializer().serializeToString(svg);
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves an on-screen SVG as an `.svg` file. */
export function downloadSvg(svg: SVGSVGElement, name: string): void {
  download(new Blob([svgMarkup(svg)], { type: 'image/svg+xml' }), name);
}

/** Saves an on-screen SVG as a PNG at twice its size (sharp on high-density screens and in documents). */
export async function downloadPng(svg: SVGSVGElement, name: string, scale = 2): Promise<void> {
  const width = svg.width.baseVal.value;
  const height = svg.height.baseVal.value;
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svgMarkup(svg)], { type: 'image/svg+xml' }));
  try {
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the browser could not draw the map'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas here');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const png = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'),
    );
    download(png, name);
  } finally {
    URL.revokeObjectURL(url);
  }
}
