// A small SVG line-chart writer for the benchmark report: panels side by side, each with a log-scale x
// axis (corpus sizes), a linear y axis from 0, one polyline per series and a legend. No dependencies.

export interface Series {
  name: string
  /** [x, y] points; a null y leaves a gap. */
  points: [number, number | null][]
  dashed?: boolean
}

export interface Panel {
  title: string
  yLabel: string
  series: Series[]
}

const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf']

const escapeXml = (s: string): string => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
const fmt = (n: number): string => Number.isInteger(n) ? String(n) : n.toFixed(1)

/** A "nice" upper bound for an axis: 1, 2 or 5 times a power of ten, at or above max. */
function niceMax (max: number): number {
  if (!(max > 0)) return 1
  const power = 10 ** Math.floor(Math.log10(max))
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power
  return 10 * power
}

function shortNumber (n: number): string {
  if (n >= 1_000_000) return `${fmt(n / 1_000_000)}M`
  if (n >= 1000) return `${fmt(n / 1000)}k`
  return fmt(n)
}

function panelSvg (panel: Panel, x0: number, width: number, height: number, colorOf: (name: string) => string): string {
  const m = { left: 60, right: 10, top: 30, bottom: 40 }
  const w = width - m.left - m.right
  const h = height - m.top - m.bottom
  const xs = [...new Set(panel.series.flatMap((s) => s.points.map(([x]) => x)))].sort((a, b) => a - b)
  const ys = panel.series.flatMap((s) => s.points.map(([, y]) => y)).filter((y): y is number => y !== null && Number.isFinite(y))
  const yMax = niceMax(Math.max(0, ...ys))
  const [xMin, xMaxRaw] = [xs[0] ?? 1, xs.at(-1) ?? 10]
  const xMax = xMaxRaw > xMin ? xMaxRaw : xMin * 10
  const px = (x: number) => x0 + m.left + (xs.length < 2 ? w / 2 : ((Math.log10(x) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin))) * w)
  const py = (y: number) => m.top + h - (y / yMax) * h
  const out: string[] = []
  out.push(`<text x="${x0 + m.left + w / 2}" y="18" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(panel.title)}</text>`)
  out.push(`<line x1="${x0 + m.left}" y1="${m.top + h}" x2="${x0 + m.left + w}" y2="${m.top + h}" stroke="#333"/>`)
  out.push(`<line x1="${x0 + m.left}" y1="${m.top}" x2="${x0 + m.left}" y2="${m.top + h}" stroke="#333"/>`)
  for (let i = 0; i <= 4; i++) {
    const y = (yMax * i) / 4
    out.push(`<line x1="${x0 + m.left}" y1="${py(y)}" x2="${x0 + m.left + w}" y2="${py(y)}" stroke="#ddd"/>`)
    out.push(`<text x="${x0 + m.left - 5}" y="${py(y) + 4}" text-anchor="end" font-size="11">${shortNumber(y)}</text>`)
  }
  for (const x of xs) {
    out.push(`<text x="${px(x)}" y="${m.top + h + 16}" text-anchor="middle" font-size="11">${shortNumber(x)}</text>`)
  }
  out.push(`<text x="${x0 + m.left + w / 2}" y="${height - 6}" text-anchor="middle" font-size="12">articles in the corpus</text>`)
  out.push(`<text transform="translate(${x0 + 14},${m.top + h / 2}) rotate(-90)" text-anchor="middle" font-size="12">${escapeXml(panel.yLabel)}</text>`)
  for (const s of panel.series) {
    const color = colorOf(s.name)
    const pts = s.points.filter((p): p is [number, number] => p[1] !== null && Number.isFinite(p[1]))
    if (pts.length > 1) {
      out.push(`<polyline fill="none" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5,4"' : ''} ` +
        `points="${pts.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ')}"/>`)
    }
    for (const [x, y] of pts) out.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3" fill="${color}"/>`)
  }
  return out.join('\n')
}

/** The chart: panels side by side, a legend below them. */
export function lineChartSvg (title: string, panels: Panel[], panelWidth = 420, panelHeight = 300): string {
  const names = [...new Set(panels.flatMap((p) => p.series.map((s) => s.name)))]
  const colorOf = (name: string) => COLORS[names.indexOf(name) % COLORS.length] ?? '#000'
  const width = panelWidth * panels.length
  const legendRows = Math.ceil(names.length / 3)
  const height = 30 + panelHeight + 20 + legendRows * 18
  const body = panels.map((p, i) => `<g transform="translate(0,30)">${panelSvg(p, i * panelWidth, panelWidth, panelHeight, colorOf)}</g>`)
  const legend = names.map((name, i) => {
    const x = 20 + (i % 3) * (width / 3)
    const y = 30 + panelHeight + 20 + Math.floor(i / 3) * 18
    return `<line x1="${x}" y1="${y - 4}" x2="${x + 20}" y2="${y - 4}" stroke="${colorOf(name)}" stroke-width="3"/>` +
      `<text x="${x + 26}" y="${y}" font-size="12">${escapeXml(name)}</text>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
<text x="${width / 2}" y="20" text-anchor="middle" font-size="15">${escapeXml(title)}</text>
${body.join('\n')}
${legend.join('\n')}
</svg>
`
}
