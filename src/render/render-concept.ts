import type { GeneratedConcept } from "../knowledge-file/generated-concept.js";
import { samplingText } from "./sampling-text.js";
import type { GeneratedRegion } from "../knowledge-file/regions.js";
import { regionBlock } from "../knowledge-file/regions.js";
import {
  codeBlock,
  headingSource,
  inlineSource,
  paragraphSource,
} from "../knowledge-file/markdown-text.js";
import { ConfigError, errorMessage } from "../errors.js";
import { capitalise, code } from "./format.js";
import {
  generatedDescription,
  qualityBullets,
  recordWord,
  summarySentences,
  usageBullets,
} from "./facts-view.js";
import { rareFieldBullets, sensitivePaths } from "./profile-view.js";
import { attributeRows, variantBlocks } from "./attribute-view.js";
import { documentIndexBullets, documentQualityBullets, structureRows } from "./document-view.js";
import {
  accessPatterns,
  antiPatterns,
  keyValueKeyBullets,
  retentionBullets,
} from "./keyvalue-view.js";
import type { RenderInput } from "./render-input.js";
import { schemaFootnote, schemaRows } from "./schema-view.js";
import { storageBullets } from "./storage-view.js";
import { warehouseBullets } from "./warehouse-view.js";
import { unrefreshedBullets } from "./unrefreshed-view.js";
import { keyBullets, partitionBullets, relationshipBullets } from "./structure-view.js";
import { triggerBullets } from "./trigger-view.js";
import { joinColumns, joinView } from "./join-view.js";
import { confirmedPersonFields, sensitiveColumns, sensitiveView } from "./sensitive-view.js";
import { regionNames, type TemplateSet } from "./templates.js";

const tableRow = (cells: readonly string[]) =>
  `|${cells.map((cell) => (cell === "" ? " " : ` ${cell} `)).join("|")}|`;

/**
 * The generated content of one concept file. It reads no file: the person's cells it shows
 * (Description, Decision) come in with the input, read beforehand by the pipeline.
 */
export function renderConcept(input: RenderInput, templates: TemplateSet): GeneratedConcept {
  const { dataset, source } = input;
  const keyValue = dataset.keyValue;
  const isDocument = dataset.kind === "document_collection";
  const tabular = !keyValue && !isDocument;
  // A row a person added and confirmed counts like a finding (docs/classification.md#decisions).
  const personSensitive = confirmedPersonFields(dataset, input.sensitiveRows ?? []).length > 0;
  const sensitive = personSensitive || sensitivePaths(dataset, input.decisions).size > 0;
  const joins = joinView(input);
  const sensitiveTable = sensitiveView(input, source.vocabulary.fieldWord);
  const view = {
    title: headingSource(dataset.ref.name),
    objectWord: dataset.objectType,
    meaningPrompt: `what one ${recordWord(dataset).replace(/s$/, "")} represents and what it is the source of truth for.`,
    prohibitedUse: sensitive || dataset.suggestedClassification === "restricted",
    prohibitedUseSection,
    summary: summarySentences(input),
    comment: dataset.comment === undefined ? undefined : paragraphSource(dataset.comment),
    fieldHeader: capitalise(source.vocabulary.fieldWord),
    schemaRows: tabular ? schemaRows(dataset, input.descriptions, input.decisions) : [],
    structureRows: isDocument ? structureRows(dataset, input.decisions) : [],
    attributeRows: keyValue ? attributeRows(dataset, input.decisions) : [],
    sampleMethod:
      !tabular && dataset.profile
        ? inlineSource(samplingText(dataset.profile.sampling))
        : undefined,
    recordWord: recordWord(dataset),
    variantHeading: isDocument ? "Document Variants" : "Item Types",
    keysHeading: isDocument ? "Indexes and Query Patterns" : "Keys and Indexes",
    maskingRules: isDocument && sensitive,
    maskingRulesSection,
    variants: variantBlocks(dataset),
    accessPatterns: accessPatterns(dataset),
    antiPatterns: antiPatterns(dataset),
    schemaFootnote: tabular ? schemaFootnote(dataset, input.decisions) : undefined,
    partitions: partitionBullets(dataset, input),
    partitionKey: dataset.partitionKey ?? "",
    viewDefinition: dataset.viewDefinition?.trim(),
    definitionBlock: codeBlock("sql", dataset.viewDefinition?.trim() ?? ""),
    storage: [...storageBullets(dataset), ...warehouseBullets(dataset)],
    keys: keyValue
      ? keyValueKeyBullets(keyValue)
      : isDocument
        ? documentIndexBullets(dataset.indexes)
        : keyBullets(dataset),
    triggers: triggerBullets(dataset.triggers ?? []),
    joinColumns,
    joinRows: joins.rows,
    relationships: [...relationshipBullets(input), ...joins.bullets],
    sensitiveColumns,
    // Named cells too, for templates copied before the Masking column (docs/knowledge-files.md#templates).
    sensitiveRows: sensitiveTable.rows.map((cells) => ({
      cells,
      field: cells[0],
      category: cells[1],
      confidence: cells[2],
      evidence: cells[3],
      decision: cells[4],
      masking: cells[5],
    })),
    sensitiveNotes: sensitiveTable.notes,
    quality: [
      ...(keyValue
        ? [
            ...retentionBullets(keyValue),
            ...rareFieldBullets(dataset, "items"),
            ...qualityBullets(dataset),
          ]
        : isDocument
          ? documentQualityBullets(dataset)
          : qualityBullets(dataset)),
      ...unrefreshedBullets(input.unrefreshed),
    ],
    qualityHeading: tabular ? "Data Quality" : "Data Quality and Retention",
    usage: usageBullets(dataset),
    row: tableRow,
    code,
  };
  const regions: GeneratedRegion[] = [];
  for (const name of regionNames) {
    const content = renderTemplate(templates, templates.sections[name], view, name).trim();
    if (content !== "") regions.push({ name, content });
  }
  const byName = new Map(regions.map((region) => [region.name, region]));
  const order: string[] = [];
  const region = (name: string) => {
    order.push(name);
    const found = byName.get(name);
    return found ? regionBlock(found) : "";
  };
  const body = renderTemplate(templates, templates.concept, { ...view, region }, "concept");
  const newBody = `${body.replace(/\n{3,}/g, "\n\n").trim()}\n`;

  const { ref } = dataset;
  // A finding a person rejected never turns pii back on by itself (docs/classification.md#decisions).
  const pii = sensitive;
  return {
    regions,
    humanLines: [
      ...joins.personRows.map(tableRow),
      ...sensitiveTable.personRows.map(tableRow),
      ...sensitiveTable.notes.map((note) => `- ${note}`),
    ],
    order,
    newBody,
    humanSections: [
      ...(view.maskingRules ? [maskingRulesSection] : []),
      ...(view.prohibitedUse ? [prohibitedUseSection] : []),
    ],
    description:
      input.meaning ??
      (dataset.comment
        ?.split(/\n\s*\n/)[0]
        ?.replace(/\s+/g, " ")
        .trim() ||
        generatedDescription(input)),
    tags: [
      ...new Set(
        [source.domain, source.name, ...dataset.tags, pii ? "pii" : undefined].filter(
          (t): t is string => Boolean(t),
        ),
      ),
    ],
    machineFrontmatter: {
      type: `${source.vocabulary.engine} ${source.vocabulary.kindTitles[dataset.kind] ?? capitalise(dataset.objectType)}`,
      title: ref.name,
      resource: dataset.resource,
      id: input.id,
      kind: dataset.kind,
      system: source.system,
      cloud: source.cloud,
      database: ref.database,
      schema: ref.schema,
      [dataset.kind === "document_collection" ? "collection" : "table"]: ref.name,
      pii,
      partition_key: keyValue?.partitionKey.name,
      sort_key: keyValue?.sortKey?.name,
      billing_mode: keyValue?.billingMode,
      stream_enabled: keyValue?.stream?.enabled,
      ttl_attribute: keyValue?.ttlAttribute,
      table_class: keyValue?.tableClass,
      sources: [
        { id: "catalog", resource: source.resource, title: source.vocabulary.catalogTitle },
      ],
    },
  };
}

function renderTemplate(
  templates: TemplateSet,
  template: Parameters<TemplateSet["eta"]["render"]>[0],
  data: object,
  name: string,
): string {
  try {
    return templates.eta.render(template, data);
  } catch (error) {
    throw new ConfigError(
      `Template "${name}" failed while rendering: ${errorMessage(error)}`,
      "Fix the overriding template, or remove it to use the default.",
    );
  }
}

/** Sensitive document collections also get a section on how fields must be masked. */
const maskingRulesSection =
  "## Masking Rules\n_Owner to write: how sensitive fields must be masked before anything leaves the company._";

/** The human section a file with sensitive fields gets, on creation or when it turns pii. */
const prohibitedUseSection =
  "## Prohibited Use\n_Owner to write: what this data must never be used for, and who may see it._";
