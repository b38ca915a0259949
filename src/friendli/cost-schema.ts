// The team cost report (`GET /v1/team/cost`) as Friendli's OpenAPI document defines it
// (CostResponse, CostBucket, CostResult), not as its 200 example shows it: the example nests a
// second `data` inside the first, which the schema does not allow. zod/mini, as in
// src/friendli/schemas.ts. Each result (a line item: `line_item`, and `total`, USD as a decimal
// string) is checked on its own (../cost/report.ts), so one bad line item is ignored rather than the
// whole report.
import { z } from "zod/mini";

const CostBucketSchema = z.looseObject({
  start_time: z.string(),
  end_time: z.string(),
  results: z.array(z.unknown()),
});
export type CostBucket = z.infer<typeof CostBucketSchema>;

export const CostResponseSchema = z.looseObject({
  has_more: z.boolean(),
  next_page: z.nullish(z.string()),
  data: z.array(CostBucketSchema),
});
export type CostResponse = z.infer<typeof CostResponseSchema>;
