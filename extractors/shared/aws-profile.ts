import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "../../src/errors.js";

/** The shared AWS files the SDK reads, where the environment moves them. */
function sharedAwsFiles(env: NodeJS.ProcessEnv): { config: string; credentials: string } {
  return {
    config: env.AWS_CONFIG_FILE ?? join(homedir(), ".aws", "config"),
    credentials: env.AWS_SHARED_CREDENTIALS_FILE ?? join(homedir(), ".aws", "credentials"),
  };
}

/** The profile names of one shared file: `[name]` and `[profile name]` sections. */
function profileNames(file: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return new Set();
  }
  const names = new Set<string>();
  for (const match of text.matchAll(/^\s*\[\s*(?:profile\s+)?([^\]]*?)\s*\]/gm)) {
    if (match[1]) names.add(match[1]);
  }
  return names;
}

/**
 * A named profile that neither shared file has: the SDK would only say that it could not find
 * credentials (or, before that, no region), which sends people looking in the wrong place.
 */
export function checkAwsProfile(profile: string, env: NodeJS.ProcessEnv): void {
  const files = sharedAwsFiles(env);
  if (profileNames(files.config).has(profile) || profileNames(files.credentials).has(profile)) {
    return;
  }
  throw new ConfigError(
    `AWS profile '${profile}' is not in ${files.config} or ${files.credentials}.`,
    "Check the source's `aws_profile` (or `profile`) against `aws configure list-profiles`, or set AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE to where your files are.",
  );
}
