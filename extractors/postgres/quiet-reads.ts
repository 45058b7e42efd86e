type Query = (text: string) => Promise<unknown>;

/**
 * Turns off the counting of this transaction's scans where the role may (`track_counts` is a
 * superuser setting, or granted with `GRANT SET ON PARAMETER track_counts`, PostgreSQL 15+): a
 * view's read then moves no usage counter at all, so there is nothing to subtract, and nothing
 * for the state to remember night after night. Asked once per session, under a savepoint so
 * that a refusal leaves the sample's transaction usable; afterwards set or skipped directly.
 * Says whether this transaction's reads are now uncounted.
 */
export function quietReads(): (query: Query) => Promise<boolean> {
  let allowed: boolean | undefined;
  return async (query) => {
    if (allowed === false) return false;
    if (allowed === true) {
      await query("SET LOCAL track_counts = off");
      return true;
    }
    await query("SAVEPOINT okf_quiet_reads");
    try {
      await query("SET LOCAL track_counts = off");
      allowed = true;
      await query("RELEASE SAVEPOINT okf_quiet_reads");
    } catch {
      allowed = false;
      await query("ROLLBACK TO SAVEPOINT okf_quiet_reads");
    }
    return allowed;
  };
}
