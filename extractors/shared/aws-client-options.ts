import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import { ConfigError } from "../../src/errors.js";
import { checkAwsProfile } from "./aws-profile.js";

/** Throttled calls are retried with the SDK's adaptive mode (client-side rate limiting). */
const maxAttempts = 8;

/**
 * Local engines (dynalite, DynamoDB Local, test doubles) accept any signature, but the SDK
 * refuses to send an unsigned request. These are not secrets: they only ever sign requests to
 * such an endpoint.
 */
const localEngineCredentials = { accessKeyId: "okf-local", secretAccessKey: "okf-local" };

/** The keys every AWS source has (`awsSourceKeys` in the config). */
export interface AwsSourceKeys {
  /** The SDK's own resolution when absent: AWS_REGION, AWS_DEFAULT_REGION, the profile's region. */
  region?: string;
  endpoint?: string;
  aws_profile?: string;
}

/** AWS's own hosts, including VPC interface endpoints (`vpce-….dynamodb.….vpce.amazonaws.com`). */
function isAwsHost(endpoint: string): boolean {
  const host = new URL(endpoint).hostname.toLowerCase();
  return /(^|\.)amazonaws\.com(\.cn)?$/.test(host) || /(^|\.)api\.aws$/.test(host);
}

/**
 * Credentials: the SDK's default chain (environment, shared profiles, SSO, instance and task
 * roles), with `aws_profile` when set. A non-AWS `endpoint` with no credentials in the
 * environment gets fixed local-engine credentials instead, so that `okf demo` and local engines
 * work without an AWS account and without the chain's slow instance-metadata probe.
 */
function credentialsFor(config: AwsSourceKeys, env: NodeJS.ProcessEnv) {
  if (config.aws_profile !== undefined)
    return fromNodeProviderChain({ profile: config.aws_profile });
  const local = config.endpoint !== undefined && !isAwsHost(config.endpoint);
  const fromEnvironment = env.AWS_ACCESS_KEY_ID !== undefined || env.AWS_PROFILE !== undefined;
  if (local && !fromEnvironment) return localEngineCredentials;
  return undefined;
}

/**
 * Options for any AWS SDK v3 client of a source: region, endpoint, credentials, adaptive retries.
 * A named profile missing from the shared files is a configuration error here, before any call.
 */
export function awsClientOptions(config: AwsSourceKeys, env: NodeJS.ProcessEnv = process.env) {
  if (config.aws_profile !== undefined) checkAwsProfile(config.aws_profile, env);
  return {
    region: config.region,
    /** The profile the SDK reads the region from (and the credentials, as above). */
    profile: config.aws_profile,
    endpoint: config.endpoint,
    credentials: credentialsFor(config, env),
    retryMode: "adaptive",
    maxAttempts,
  };
}

/**
 * The region a client sends its requests to: the source's `region`, else what the SDK resolved
 * (AWS_REGION, AWS_DEFAULT_REGION, the region of the profile in the shared config file).
 */
export async function clientRegion(
  config: AwsSourceKeys & { name: string },
  resolve: () => Promise<string>,
): Promise<string> {
  if (config.region !== undefined) return config.region;
  try {
    return await resolve();
  } catch {
    throw new ConfigError(
      `${config.name}: no AWS region is set for this source.`,
      config.aws_profile === undefined
        ? "Set `region` on the source, or AWS_REGION in the environment, or a region in the default profile of ~/.aws/config."
        : `Set \`region\` on the source, or AWS_REGION in the environment, or \`region\` in the profile ${config.aws_profile} of ~/.aws/config.`,
    );
  }
}

/** A source config once its region is known (`clientRegion`). */
export type WithRegion<T extends AwsSourceKeys> = T & { region: string };
