import { z } from "zod";
import { awsSourceKeys, commonSourceKeys } from "../shared/config-keys.js";

export const dynamodbSourceSchema = z
  .object({
    ...commonSourceKeys,
    ...awsSourceKeys,
    type: z.literal("dynamodb"),
  })
  .strict();

export type DynamodbSourceConfig = z.infer<typeof dynamodbSourceSchema>;
