/** Collects measured figures and prints them as one table at the end of a bench file. */
export interface Figure {
  what: string
  value: number
  unit: string
  goal?: string
}

export function createReport(title: string) {
  const figures: Figure[] = []
  return {
    add(figure: Figure) {
      figures.push(figure)
    },
    print() {
      const rows = figures.map((f) => `| ${f.what} | ${round(f.value)} ${f.unit} | ${f.goal ?? ''} |`)
      console.log([`\n## ${title}`, '| what | measured | goal |', '|---|---|---|', ...rows].join('\n'))
    },
  }
}

function round(n: number): string {
  return n >= 100 ? n.toFixed(0) : n.toFixed(1)
}

/** The p-th percentile (0..100) of a list of samples. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)] ?? NaN
}
