/** `["sources", 2, "region"]` → `sources[2].region`, the way users read config paths. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(root)";
  return path
    .map((part, index) => {
      if (typeof part === "number") return `[${part}]`;
      const text = String(part);
      return index === 0 ? text : `.${text}`;
    })
    .join("");
}
