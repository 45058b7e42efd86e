import { startDynamoProxy } from "../../../src/demo/dynamo-proxy.js";

export interface ThrottlingProxy {
  endpoint: string;
  /** Requests seen per DynamoDB operation (`DescribeTable`, …), throttled ones included. */
  seen: Map<string, number>;
  stop(): Promise<void>;
}

/**
 * A proxy in front of dynalite that answers the first `throttle[operation]` requests of an
 * operation with the service's throttling error, then forwards them.
 */
export async function startThrottlingProxy(
  target: string,
  throttle: Record<string, { times: number; error: string }>,
): Promise<ThrottlingProxy> {
  const seen = new Map<string, number>();
  const proxy = await startDynamoProxy(target, {
    answer: (operation) => {
      const count = (seen.get(operation) ?? 0) + 1;
      seen.set(operation, count);
      const rule = throttle[operation];
      if (!rule || count > rule.times) return undefined;
      return {
        status: 400,
        body: {
          __type: `com.amazonaws.dynamodb.v20120810#${rule.error}`,
          message: "Rate exceeded",
        },
      };
    },
  });
  return { ...proxy, seen };
}
