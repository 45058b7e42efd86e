import type { BundleRepository } from "./bundle-repository.js";

/** Who commits when git knows nobody: a fresh CI runner should not fail the nightly job. */
export const fallbackIdentity = { name: "okf", email: "okf@localhost" } as const;

/**
 * `-c` settings for the commit: none when git has a user.name and user.email (from any config
 * file, or GIT_AUTHOR_* and GIT_COMMITTER_* in the environment), else okf's own identity.
 */
export async function commitIdentityConfig(repository: BundleRepository): Promise<string[]> {
  const fromConfig = async (key: string) =>
    (await repository.git.raw(["config", "--get", key]).catch(() => "")).trim() !== "";
  const fromEnv = (what: "NAME" | "EMAIL") =>
    Boolean(repository.env[`GIT_AUTHOR_${what}`]) &&
    Boolean(repository.env[`GIT_COMMITTER_${what}`]);
  const known =
    (fromEnv("NAME") || (await fromConfig("user.name"))) &&
    (fromEnv("EMAIL") || (await fromConfig("user.email")));
  return known
    ? []
    : [`user.name=${fallbackIdentity.name}`, `user.email=${fallbackIdentity.email}`];
}
