import type { SourceConfig, SourceConfigOf } from "./config-schemas.js";
import type {
  Dataset,
  RecordSample,
  DatasetRef,
  ExtractionFailure,
  LeftOutObjects,
  OwnScans,
  SourceVocabulary,
} from "../src/model/index.js";

export interface ExtractContext {
  /** Whether the later profile stage will want samples (`--no-profile` turns it off). */
  profile: boolean;
  /** Upper bound on concurrent work against this source. */
  concurrency: number;
  /** Plain progress lines for the user (stderr); never include secrets. */
  onProgress: (message: string) => void;
}

/** What an extraction yields: a dataset, or a part of the source that could not be read. */
export type ExtractionItem = { dataset: Dataset } | { failure: ExtractionFailure };

/** An open extraction of one source. */
export interface SourceExtraction {
  /**
   * Every object the source will yield, known before the first dataset, so that paths and
   * relationship links can be planned for the whole source at once.
   */
  refs: DatasetRef[];
  /**
   * One dataset at a time, so memory stays flat, and each part that could not be read where it
   * was found. Every pass starts over.
   */
  items: AsyncIterable<ExtractionItem>;
  /**
   * A bounded sample of a dataset this extraction yielded, read only when iterated (so
   * `--no-profile` sends no query); `limit` is the most records the profiler will read. Absent,
   * or undefined for a dataset, when the source cannot sample it at all.
   */
  sample?(dataset: Dataset, limit: number): RecordSample | undefined;
  /** Objects left out on purpose (owned by an extension), for the source folder's index. */
  leftOut?: LeftOutObjects[];
  /** A credential-free URI or ARN of the source as a whole, for `sources` in frontmatter. */
  resource: string;
  /**
   * How this source names things when it depends on the config (Aurora through the Data API is
   * PostgreSQL or MySQL); the extractor's own vocabulary otherwise.
   */
  vocabulary?: SourceVocabulary;
  /**
   * Scans that okf's own sample reads added to the datasets' usage counters during this run;
   * complete once `items` is exhausted. Only sources whose reads move a published counter
   * have it (PostgreSQL: a view's read scans its tables).
   */
  ownScans?(): OwnScans[];
  /**
   * True when a pass over `items` reads nothing more from the source (the catalog was read
   * whole in `open`), so the pipeline may pass over it once for every dataset's keys before
   * it writes the first file. Absent: a pass costs calls (DynamoDB describes each table).
   */
  catalogInMemory?: boolean;
  /** Catalog queries or API calls issued so far (reported by the benchmark). */
  requestCount(): number;
  close(): Promise<void>;
}

export interface Extractor<C extends SourceConfig> {
  vocabulary: SourceVocabulary;
  /** Records per sample that `config` asks for (rows, items or documents), for the profiler. */
  sampleLimit(config: C): number;
  /**
   * Names of the other sources whose concepts this one links to; they run first, so that a
   * link reflects this run. None when absent.
   */
  dependsOn?(config: C): string[];
  /** Connects and reads the catalog; throws SourceError when the source cannot be used at all. */
  open(config: C, context: ExtractContext): Promise<SourceExtraction>;
}

/** One extractor per source type: adding a type to the config schema without one fails to compile. */
export type ExtractorRegistry = { [T in SourceConfig["type"]]: Extractor<SourceConfigOf<T>> };
