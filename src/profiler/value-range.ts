import { isoEpoch } from "./value-shapes.js";
import type { Leaf } from "./value-kinds.js";

type Numeric = number | bigint;

interface DatePoint {
  epoch: number;
  /** A Date is displayed as an ISO date or date-time; a string as it was written. */
  shown: Date | string;
}

/**
 * The numeric or date range of one field. A range is only reported when every non-null value
 * is of its kind (numbers, or dates and ISO date strings): a mixed field has no meaningful one.
 */
export class ValueRange {
  private numericMin: Numeric | undefined;
  private numericMax: Numeric | undefined;
  private numericCount = 0;
  private dateMin: DatePoint | undefined;
  private dateMax: DatePoint | undefined;
  private dateCount = 0;
  private otherCount = 0;
  /** Whether every Date seen is a UTC midnight, so that dates show without a time. */
  private datesAreDays = true;

  add(leaf: Leaf): void {
    if (leaf.type === "integer" || leaf.type === "number") this.addNumber(leaf.value);
    else if (leaf.type === "date") this.addDate(leaf.value);
    else if (leaf.type === "string") {
      const epoch = isoEpoch(leaf.value);
      if (epoch === undefined) this.otherCount += 1;
      else this.addPoint({ epoch, shown: leaf.value });
    } else this.otherCount += 1;
  }

  private addNumber(value: Numeric): void {
    this.numericCount += 1;
    if (typeof value === "number" && Number.isNaN(value)) return;
    if (this.numericMin === undefined || value < this.numericMin) this.numericMin = value;
    if (this.numericMax === undefined || value > this.numericMax) this.numericMax = value;
  }

  private addDate(value: Date): void {
    const epoch = value.getTime();
    if (Number.isNaN(epoch)) {
      this.otherCount += 1;
      return;
    }
    if (epoch % 86_400_000 !== 0) this.datesAreDays = false;
    this.addPoint({ epoch, shown: value });
  }

  private addPoint(point: DatePoint): void {
    this.dateCount += 1;
    if (this.dateMin === undefined || point.epoch < this.dateMin.epoch) this.dateMin = point;
    if (this.dateMax === undefined || point.epoch > this.dateMax.epoch) this.dateMax = point;
  }

  /** Display strings of the smallest and largest value, when the field has a range. */
  bounds(): { min: string; max: string } | undefined {
    if (this.otherCount > 0) return undefined;
    if (this.numericCount > 0 && this.dateCount === 0) {
      if (this.numericMin === undefined || this.numericMax === undefined) return undefined;
      return { min: showNumber(this.numericMin), max: showNumber(this.numericMax) };
    }
    if (this.dateCount > 0 && this.numericCount === 0 && this.dateMin && this.dateMax) {
      return { min: this.showDate(this.dateMin.shown), max: this.showDate(this.dateMax.shown) };
    }
    return undefined;
  }

  showDate(shown: Date | string): string {
    if (typeof shown === "string") return shown;
    return showDate(shown, this.datesAreDays);
  }
}

export function showNumber(value: Numeric): string {
  return Object.is(value, -0) ? "0" : String(value);
}

/** ISO 8601, without the milliseconds when there are none; a bare date for whole days. */
function showDate(value: Date, asDay: boolean): string {
  const iso = value.toISOString();
  if (asDay) return iso.slice(0, 10);
  return iso.endsWith(".000Z") ? `${iso.slice(0, -5)}Z` : iso;
}
