import type { ChartData } from "@/lib/charts/chart-data";

/**
 * Chart downloads, in the browser: the drawn SVG serialised as a standalone file (title, the series of each bar, the
 * incomplete-list warning and the source written into it, since the page around it is not), and a PNG of the same
 * SVG painted on a canvas at twice the size.
 */

const FOOTER = 24;

/** Chinese characters and full-width punctuation: about one em wide each, and a line may break between any two. */
const WIDE = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef";
const TOKENS = new RegExp(`[${WIDE}]|[^\\s${WIDE}]+|\\s+`, "g");
const IS_WIDE = new RegExp(`[${WIDE}]`);

/** The width of a run of text, by average glyph widths (wide characters one em, others about half). */
export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += IS_WIDE.test(char) ? fontSize : fontSize * 0.56;
  return width;
}

/**
 * Wraps a line for a width (SVG text does not wrap by itself): between words, and between any two Chinese characters,
 * which have no spaces between them.
 */
export function wrapText(line: string, width: number, fontSize: number): string[] {
  const limit = Math.max(width, 20 * fontSize * 0.56);
  const lines: string[] = [];
  let current = "";
  let space = false;
  for (const token of line.match(TOKENS) ?? []) {
    if (/^\s+$/.test(token)) {
      space = current !== "";
      continue;
    }
    const next = current + (space ? " " : "") + token;
    if (current && textWidth(next, fontSize) > limit) {
      lines.push(current);
      current = token;
    } else current = next;
    space = false;
  }
  if (current) lines.push(current);
  return lines;
}
const SVG_NS = "http://www.w3.org/2000/svg";

function text(doc: Document, x: number, y: number, content: string, size: number, weight = "400"): SVGTextElement {
  const node = doc.createElementNS(SVG_NS, "text");
  node.setAttribute("x", String(x));
  node.setAttribute("y", String(y));
  node.setAttribute("font-size", String(size));
  node.setAttribute("font-weight", weight);
  node.setAttribute("fill", "#1b1f24");
  node.textContent = content;
  return node;
}

/** A self-contained copy of the chart: white background, heading above, source line below, fonts named. */
export function standaloneSvg(svg: SVGSVGElement, chart: ChartData, source: string): { markup: string; width: number; height: number } {
  const width = Math.round(svg.getBoundingClientRect().width) || Number(svg.getAttribute("width")) || 800;
  const plotHeight = Math.round(svg.getBoundingClientRect().height) || Number(svg.getAttribute("height")) || 400;
  const doc = svg.ownerDocument;
  // Heading, the incomplete-list warning and one summary line per review above the plot, each wrapped to the width.
  const heading = wrapText(chart.title, width - 16, 15).map((line) => ({ line, size: 15, weight: "700" }));
  const notes = [...chart.incomplete, ...chart.summary].flatMap((note) => wrapText(note, width - 16, 12)).map((line) => ({ line, size: 12, weight: "400" }));
  const header = [...heading, ...notes];
  const headerHeight = header.reduce((sum, item) => sum + item.size + 6, 8) + 8;
  const height = plotHeight + headerHeight + FOOTER;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const plot = doc.createElementNS(SVG_NS, "g");
  plot.setAttribute("transform", `translate(0 ${headerHeight})`);
  for (const child of [...clone.childNodes]) {
    if (child.nodeName === "title" || child.nodeName === "desc") continue;
    plot.appendChild(child);
  }
  const background = doc.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "#ffffff");
  clone.append(background);
  let y = 8;
  for (const item of header) {
    y += item.size + 6;
    clone.append(text(doc, 8, y - 4, item.line, item.size, item.weight));
  }
  clone.append(plot);
  clone.append(text(doc, 8, height - 8, source, 11));
  clone.removeAttribute("style");
  clone.removeAttribute("class");
  clone.setAttribute("xmlns", SVG_NS);
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  clone.setAttribute("viewBox", `0 0 ${width} ${height}`);
  clone.setAttribute("font-family", "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', sans-serif");
  return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const baseName = (chart: ChartData): string => chart.fileName.replace(/\.csv$/, "");

export function downloadSvg(svg: SVGSVGElement | null, chart: ChartData, source: string): void {
  if (!svg) return;
  const { markup } = standaloneSvg(svg, chart, source);
  save(new Blob([markup], { type: "image/svg+xml;charset=utf-8" }), `${baseName(chart)}.svg`);
}

export async function downloadPng(svg: SVGSVGElement | null, chart: ChartData, source: string): Promise<void> {
  if (!svg) return;
  const { markup, width, height } = standaloneSvg(svg, chart, source);
  const url = URL.createObjectURL(new Blob([markup], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = width * 2;
    canvas.height = height * 2;
    const context = canvas.getContext("2d");
    if (!context) return;
    context.scale(2, 2);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (blob) save(blob, `${baseName(chart)}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
