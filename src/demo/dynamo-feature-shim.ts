import { startDynamoProxy, type DynamoProxy, type ProxyReply } from "./dynamo-proxy.js";

/** Table settings dynalite does not keep: TTL, point-in-time recovery, streams. */
export interface DemoTableSettings {
  ttlAttribute?: string;
  pointInTimeRecovery: boolean;
  streamViewType?: string;
}

/**
 * The demo's DynamoDB answers like the service for what dynalite lacks: DescribeTimeToLive,
 * DescribeContinuousBackups and the stream in DescribeTable come from the seed's declared
 * settings, so the demo bundle shows those facts. Everything else goes to dynalite untouched.
 */
export function startFeatureShim(
  dynaliteEndpoint: string,
  settings: Readonly<Record<string, DemoTableSettings>>,
): Promise<DynamoProxy> {
  const settingsOf = (body: string) => {
    const table = tableNameOf(body);
    return table === undefined ? undefined : settings[table];
  };
  return startDynamoProxy(dynaliteEndpoint, {
    answer: (operation, body): ProxyReply | undefined => {
      const wanted = settingsOf(body);
      if (!wanted) return undefined;
      if (operation === "DescribeTimeToLive") return { status: 200, body: timeToLive(wanted) };
      if (operation === "DescribeContinuousBackups") {
        return { status: 200, body: continuousBackups(wanted) };
      }
      return undefined;
    },
    rewrite: (operation, body, text) => {
      const wanted = settingsOf(body);
      return wanted && operation === "DescribeTable" ? withStream(text, wanted) : text;
    },
  });
}

function tableNameOf(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { TableName?: unknown };
    return typeof parsed.TableName === "string" ? parsed.TableName : undefined;
  } catch {
    return undefined;
  }
}

function timeToLive(settings: DemoTableSettings): object {
  return {
    TimeToLiveDescription: settings.ttlAttribute
      ? { TimeToLiveStatus: "ENABLED", AttributeName: settings.ttlAttribute }
      : { TimeToLiveStatus: "DISABLED" },
  };
}

function continuousBackups(settings: DemoTableSettings): object {
  return {
    ContinuousBackupsDescription: {
      ContinuousBackupsStatus: "ENABLED",
      PointInTimeRecoveryDescription: {
        PointInTimeRecoveryStatus: settings.pointInTimeRecovery ? "ENABLED" : "DISABLED",
      },
    },
  };
}

function withStream(text: string, settings: DemoTableSettings): string {
  if (!settings.streamViewType) return text;
  const parsed = JSON.parse(text) as { Table?: Record<string, unknown> };
  if (!parsed.Table) return text;
  parsed.Table.StreamSpecification = {
    StreamEnabled: true,
    StreamViewType: settings.streamViewType,
  };
  return JSON.stringify(parsed);
}
