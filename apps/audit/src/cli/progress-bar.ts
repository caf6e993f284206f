// Progress of a long run (ARCHITECTURE: long jobs report progress): a bar on the terminal, redrawn in
// place; one line per step where stderr is not a terminal (a log, a CI run).
export function renderBar(done: number, total: number, label: string, width = 30): string {
  const share = total <= 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${String(Math.round(share * 100)).padStart(3)}% ${label}`;
}

export class ProgressBar {
  private drawn = false;

  constructor(
    private readonly out: { write(text: string): unknown; isTTY?: boolean },
    private readonly total: number,
  ) {}

  update(done: number, label: string): void {
    const line = renderBar(done, this.total, label);
    if (this.out.isTTY) {
      this.out.write(`\r\x1b[2K${line}`);
      this.drawn = true;
    } else this.out.write(`${line}\n`);
  }

  finish(): void {
    if (this.drawn) this.out.write('\n');
    this.drawn = false;
  }
}
