/** Benchmark figures: one JSON line each as they are measured, then a table with the targets. */

export interface Target {
  /** The figure meets the target when it is at most this. */
  max?: number;
  /** The figure meets the target when it is at least this. */
  min?: number;
}

export interface Figure {
  figure: string;
  value: number;
  unit: string;
  target?: Target;
  /** Repetitions the value is the median of. */
  runs?: number;
  [detail: string]: unknown;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function meets(value: number, target: Target): boolean {
  return (target.max === undefined || value <= target.max) && (target.min === undefined || value >= target.min);
}

function describeTarget(target: Target | undefined, unit: string): string {
  if (!target) return '';
  const bounds = [target.min === undefined ? '' : `≥ ${target.min}`, target.max === undefined ? '' : `≤ ${target.max}`].filter(Boolean);
  return `${bounds.join(' and ')} ${unit}`.trim();
}

const formatNumber = (value: number) => (Number.isInteger(value) ? value.toLocaleString('en') : value.toLocaleString('en', { maximumFractionDigits: 2 }));

export class Report {
  private readonly figures: Figure[] = [];

  constructor(private readonly write: (line: string) => void = (line) => console.log(line)) {}

  add(figure: Figure): void {
    const line = figure.target ? { ...figure, met: meets(figure.value, figure.target) } : figure;
    this.figures.push(figure);
    this.write(JSON.stringify(line));
  }

  /** Names of the figures that missed their target. */
  missed(): string[] {
    return this.figures.filter((f) => f.target && !meets(f.value, f.target)).map((f) => f.figure);
  }

  table(): string {
    const rows = this.figures.map((f) => [f.figure, `${formatNumber(f.value)} ${f.unit}`.trim(), describeTarget(f.target, f.unit), f.target ? (meets(f.value, f.target) ? 'met' : 'MISSED') : '']);
    const header = ['figure', 'value', 'target', ''];
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
    const render = (row: string[]) =>
      row
        .map((cell, column) => (column === 1 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
        .join('  ')
        .trimEnd();
    return [render(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(render)].join('\n');
  }
}
