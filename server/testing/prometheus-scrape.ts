/** One sample of a Prometheus text scrape: `name{label="value",…} 3`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE_LINE = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g;

/** The samples of a scrape (comments left out), label values unescaped as Prometheus reads them. */
export function parseScrape(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = SAMPLE_LINE.exec(line);
      if (match === null) throw new Error(`not a sample line: ${line}`);
      const labels: Record<string, string> = {};
      for (const [, name, value] of (match[2] ?? '').matchAll(LABEL)) {
        labels[name!] = value!.replace(/\\(.)/g, (_all, char: string) =>
          char === 'n' ? '\n' : char,
        );
      }
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

/**
 * The non-zero samples of the metrics whose names start with `prefix`, as
 * `name{label="value",…}` → value, labels in their scrape order: easy to compare whole.
 */
export function nonZeroSeries(samples: Sample[], prefix: string): Record<string, number> {
  const series: Record<string, number> = {};
  for (const sample of samples) {
    if (!sample.name.startsWith(prefix) || sample.value === 0) continue;
    const labels = Object.entries(sample.labels)
      .map(([name, value]) => `${name}="${value}"`)
      .join(',');
    series[`${sample.name}{${labels}}`] = sample.value;
  }
  return series;
}
